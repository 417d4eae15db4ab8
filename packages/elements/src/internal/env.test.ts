import { describe, expect, it } from 'vitest';
import { cookieTrouble, formatDate, formatPrice, hostFixes, isEmail, isInAppBrowser, siteOf } from './env.js';
import { defaultStrings, resolveStrings } from './strings-all.js';
import { signInStrings } from './strings-later.js';
import { fill, formatWait, registerStrings, resolveIn } from './strings.js';

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

  it('checks emails pragmatically', () => {
    expect(isEmail('a@example.com')).toBe(true);
    expect(isEmail('a@example')).toBe(false);
    expect(isEmail('a b@example.com')).toBe(false);
  });
});

describe('strings', () => {
  it('resolves overrides, then the exact tag, then the base language, then English', () => {
    registerStrings('pt', { retry: 'Tentar de novo', signIn: 'Entrar' });
    registerStrings('pt-BR', { retry: 'Tentar novamente' });
    const s = resolveStrings('pt-BR', { signOut: 'Sair' });
    expect(s.retry).toBe('Tentar novamente');
    expect(s.signIn).toBe('Entrar');
    expect(s.signOut).toBe('Sair');
    expect(s.checking).toBe('Checking your access…');
  });

  it("keeps every English default under the English a host registers, and in each element's own set", () => {
    registerStrings('en', { retry: 'Again' });
    try {
      expect(resolveStrings('en-GB')).toEqual({ ...defaultStrings, retry: 'Again' });
      // An element resolves over its own English strings only: the gate's (with its later states') has no list strings.
      const gate = resolveIn(signInStrings, 'en');
      expect(gate.retry).toBe('Again');
      expect(gate.signIn).toBe('Sign in');
      expect('listHeading' in gate).toBe(false);
    } finally {
      registerStrings('en', { retry: defaultStrings.retry });
    }
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('Buy for {price} {missing}', { price: '$19.00' })).toBe('Buy for $19.00 {missing}');
  });
});

describe('waits read in the unit a person reads', () => {
  const s = resolveStrings('en');
  it.each([
    [1, '1 s'],
    [42, '42 s'],
    [89, '89 s'],
    [90, '2 min'],
    [899, '15 min'],
    [900, '15 min'],
  ])('%s s → %s', (seconds, text) => {
    // A no-break space keeps "15 min" on one line.
    expect(formatWait(seconds, s)).toBe(text.replace(' ', '\u00a0'));
  });
});

describe('the fixes of a host-name mismatch keep each side its own port', () => {
  it.each([
    // Issue 18: the page on 127.0.0.1:5130 and the API on localhost:5110.
    ['http://127.0.0.1:5130/post?x=1', 'http://localhost:5110', 'localhost:5130', '127.0.0.1:5110'],
    ['http://localhost:5173/', 'http://127.0.0.1:4010', '127.0.0.1:5173', 'localhost:4010'],
    ['http://[::1]:8080/a', 'http://localhost:3000', 'localhost:8080', '[::1]:3000'],
    ['http://localhost/', 'http://127.0.0.1:4010', '127.0.0.1', 'localhost:4010'],
  ] as const)('page %s, API %s → open the page on %s, or point the API at %s', (page, api, pageOnApi, apiOnPage) => {
    expect(hostFixes(page, api)).toEqual({ pageOnApiHost: pageOnApi, apiOnPageHost: apiOnPage });
  });

  it('fills the message with the right pairs', () => {
    const text = fill(defaultStrings.errorCookiesHost, {
      pageHost: '127.0.0.1:5130',
      apiHost: 'localhost:5110',
      ...hostFixes('http://127.0.0.1:5130/', 'http://localhost:5110'),
    });
    expect(text).toContain('this page is on 127.0.0.1:5130 and the sign-in server on localhost:5110');
    expect(text).toContain('Open the page on localhost:5130, or point the API address at 127.0.0.1:5110.');
    expect(text).not.toMatch(/\{\w+\}/);
  });
});

describe('why a sign-in cookie was not kept', () => {
  it.each([
    ['http://localhost:5173/', 'http://127.0.0.1:4010', true, 'host'],
    ['http://127.0.0.1:5173/', 'http://localhost:4010', true, 'host'],
    ['http://[::1]:5173/', 'http://localhost:4010', true, 'host'],
    ['http://localhost:5173/', 'http://localhost:4010', true, 'unknown'],
    ['https://www.gharart.com/x', 'https://api.gharart.com', true, 'unknown'],
    ['https://gharart.co.uk/x', 'https://api.gharart.co.uk', true, 'unknown'],
    ['https://gharart.com/x', 'https://api.visitor-access.example', true, 'third-party'],
    ['https://a.co.uk/', 'https://b.co.uk', true, 'third-party'],
    ['http://www.gharart.com/', 'https://api.gharart.com', true, 'third-party'],
    ['https://gharart.com/', 'https://api.gharart.com', false, 'disabled'],
  ] as const)('%s with %s (cookies on: %s) → %s', (page, api, enabled, trouble) => {
    expect(cookieTrouble(page, api, enabled)).toBe(trouble);
  });

  it('finds the registrable part of a host name', () => {
    expect(siteOf('www.gharart.com')).toBe('gharart.com');
    expect(siteOf('shop.gharart.co.uk')).toBe('gharart.co.uk');
    expect(siteOf('localhost')).toBe('localhost');
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
  });
});
