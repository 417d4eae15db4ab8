import { defineJourneys } from './journeys.js';

defineJourneys('firefox');
