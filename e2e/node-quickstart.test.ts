import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM example, no types
import { runJourney } from '../examples/node-quickstart/index.mjs';

describe('examples/node-quickstart: the whole journey with the SDK against the standalone mock', () => {
  it('signs in by code, buys, is refunded and signs out, as the steps say', async () => {
    const steps: string[] = await runJourney({ log: () => {} });
    expect(steps).toEqual([
      '1. masterclass before sign-in: visitor_auth_required',
      expect.stringMatching(/^2\. signed in as reader-\d+@example\.com \(vis_/),
      '3. masterclass after sign-in: purchase_required (1900 USD)',
      '4. masterclass after paying: entitled',
      '5. creator refunded 1900 USD',
      expect.stringMatching(/^6\. masterclass after refund: purchase_required; access list: masterclass=refunded/),
      expect.stringMatching(/^7\. signed out \(me → visitor_unauthorized, request req_/),
    ]);
  });
});
