import { describe, expect, it } from 'vitest';
import { formatDate, formatPrice } from './format.js';

describe('formatting', () => {
  it('formats minor units with the currency decimals of the locale', () => {
    expect(formatPrice(1900, 'USD', 'en-US')).toBe('$19.00');
    expect(formatPrice(1900, 'usd', 'en-US')).toBe('$19.00');
    expect(formatPrice(500, 'JPY', 'ja-JP')).toMatch(/500/);
    expect(formatPrice(4900, 'EUR', 'de-DE').replace(/\s/g, ' ')).toBe('49,00 €');
  });

  it('falls back instead of throwing on a bad currency code', () => {
    expect(formatPrice(1900, 'NOT-A-CODE', 'en-US')).toBe('19.00 NOT-A-CODE');
  });

  it('formats dates and leaves unparseable ones as they are', () => {
    expect(formatDate('2026-01-02T10:00:00.000Z', 'en-GB')).toBe('2 Jan 2026');
    expect(formatDate('not a date', 'en-GB')).toBe('not a date');
  });
});
