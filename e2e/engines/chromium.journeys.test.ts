import { defineJourneys } from './journeys.js';

defineJourneys('chromium');
