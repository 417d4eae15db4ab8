import { describe, expect, it } from 'vitest';
import { isInAppBrowser } from './user-agent.js';

describe('isInAppBrowser', () => {
  it.each([
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Instagram 300.0.0.0', true],
    ['Mozilla/5.0 (Linux; Android 14) [FBAN/EMA;FBLC/en_US;FBAV/420.0.0.0]', true],
    ['Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Mobile/15E148 Line/13.1.0', true],
    ['Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 GSA/300.0 Mobile/15E148', true],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36', false],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15', false],
  ])('%s → %s', (ua, expected) => {
    expect(isInAppBrowser(ua)).toBe(expected);
  });
});
