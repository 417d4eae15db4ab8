import { describe, expect, it } from 'vitest';
import { linkNoticeOf } from './errors.js';

describe('linkNoticeOf', () => {
  it('reads an expired or used link or code alike: the sign-in ends with that notice', () => {
    for (const via of ['token', 'code'] as const) {
      expect(linkNoticeOf('expired_magic_link', via)).toBe('expired');
      expect(linkNoticeOf('used_magic_link', via)).toBe('used');
    }
  });

  it('reads an invalid token as a dead link, but an invalid code as mistyped (the emailed code still works)', () => {
    for (const code of ['invalid_magic_link', 'invalid_request']) {
      expect(linkNoticeOf(code, 'token')).toBe('invalid');
      expect(linkNoticeOf(code, 'code')).toBe('wrong');
    }
  });

  it('has no reading for any other code, inherited property names included', () => {
    for (const code of [undefined, 'rate_limited', 'network', 'toString', '__proto__', 'constructor']) {
      expect(linkNoticeOf(code, 'token')).toBeUndefined();
      expect(linkNoticeOf(code, 'code')).toBeUndefined();
    }
  });
});
