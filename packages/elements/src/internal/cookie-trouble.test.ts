import { describe, expect, it } from 'vitest';
import { cookieTrouble, hostFixes, siteOf } from './cookie-trouble.js';
import { defaultStrings } from './strings-all.js';
import { fill } from './strings.js';

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
