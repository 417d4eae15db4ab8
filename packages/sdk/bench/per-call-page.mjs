// The Chromium half of the per-call bench, bundled by per-call.mjs and run in a page served by the
// fixed-answer server (same origin: no CORS preflight, as for the access check on a creator's site).
import ky from 'ky';
import { createClient } from '@visitor-access/sdk';
import { createClient as createLiteClient } from '@visitor-access/sdk/lite';
import { calls, interleave } from './per-call-sides.mjs';

window.runBench = (options) =>
  interleave(calls({ base: location.origin, ky, createClient, createLiteClient }), options);
