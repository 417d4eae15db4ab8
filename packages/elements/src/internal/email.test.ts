import { describe, expect, it } from 'vitest';
import { isEmail } from './email.js';

describe('email', () => {
  it('checks emails pragmatically', () => {
    expect(isEmail('a@example.com')).toBe(true);
    expect(isEmail('a@example')).toBe(false);
    expect(isEmail('a b@example.com')).toBe(false);
  });
});
