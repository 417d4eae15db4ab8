import { defineChunkJourneys } from './chunks.js';

defineChunkJourneys('chromium');
