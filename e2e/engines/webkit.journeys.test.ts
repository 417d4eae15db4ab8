import { defineJourneys } from './journeys.js';

defineJourneys('webkit');
