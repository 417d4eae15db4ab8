import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The README promises that a newcomer completes the demo journey ("Buy for $19.00" with an email →
// mailbox link → checkout → content) in a browser. examples/demo/journey.mjs walks it in headless Chromium against the
// standalone mock and the demo site, with real tabs; this runs it as part of `npm test`.
const journey = fileURLToPath(new URL('../examples/demo/journey.mjs', import.meta.url));

describe('examples/demo: the newcomer journey in real Chromium tabs', () => {
  it('signs in through the mailbox, pays, reads the lesson, and every tab follows', () => {
    const run = spawnSync(process.execPath, [journey], { encoding: 'utf8', timeout: 90_000 });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output).not.toContain('FAIL');
    expect(run.status, output).toBe(0);
    for (const step of [
      'the paid page shows its price and "Buy for $19.00" with an email field',
      'no signed-out page load got a 4xx answer or logged an error',
      'the lesson is neither in the page nor served without access',
      'signed in through the mailbox link in a new tab: that tab went straight on to checkout',
      'the waiting tab moved on to the purchase (and waits there), and the lounge tab unlocked, without a reload',
      'paid on the fake checkout: the lesson is fetched and shown, the address bar is clean',
      'the first tab unlocked too (purchase broadcast)',
      'the access list shows the purchase',
      'the group buy records the interest',
      'signing out in one tab locked the others',
    ]) {
      expect(output).toContain(`ok  ${step}`);
    }
  }, 120_000);
});
