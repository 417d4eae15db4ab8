import { defineChunkJourneys } from './chunks.js';

defineChunkJourneys('firefox');
