import { defineChunkJourneys } from './chunks.js';

defineChunkJourneys('webkit');
