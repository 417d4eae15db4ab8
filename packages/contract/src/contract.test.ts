import { describe, expect, it } from 'vitest';
import {
  AccessCheckResponse,
  CheckoutRequest,
  ERROR_STATUS,
  MagicLinkRequest,
  VerifyRequest,
  buildPath,
  isErrorCode,
  pathParamNames,
  routeList,
  routes,
} from './index.js';
import { routeDocs, routeErrors } from './route-docs.js';
import { validationFailure } from './issues.js';
import { masterclassPage } from '../test/fixtures.js';

describe('route table', () => {
  it('has the 16 routes of the product spec, each with a unique id and method+path', () => {
    expect(routeList).toHaveLength(16);
    expect(new Set(routeList.map((r) => r.id)).size).toBe(16);
    expect(new Set(routeList.map((r) => `${r.method} ${r.path}`)).size).toBe(16);
    for (const r of routeList) expect(routes[r.id as keyof typeof routes]).toBe(r);
  });

  it('gives every route with path placeholders a params schema naming the same parameters', () => {
    for (const r of routeList) {
      const names = pathParamNames(r.path);
      if (names.length === 0) {
        expect(r.params, r.id).toBeUndefined();
        continue;
      }
      const shape = (r.params as unknown as { def: { shape: Record<string, unknown> } }).def.shape;
      expect(Object.keys(shape).sort(), r.id).toEqual([...names].sort());
    }
  });

  it('only names known error codes', () => {
    for (const r of routeList)
      for (const code of routeDocs[r.id].errors) expect(isErrorCode(code), `${r.id}: ${code}`).toBe(true);
    expect(ERROR_STATUS.rate_limited).toBe(429);
    expect(isErrorCode('constructor')).toBe(false);
  });
});

describe('buildPath', () => {
  it('encodes parameters so a slug cannot escape its segment', () => {
    expect(buildPath(routes.checkout.path, { handle: 'gharart', pageSlug: '../x?y' })).toBe(
      '/v2/public/pages/gharart/..%2Fx%3Fy/checkout',
    );
    expect(() => buildPath(routes.checkout.path, { handle: 'gharart' })).toThrow(/pageSlug/);
  });
});

describe('schemas', () => {
  it('normalises email and rejects a bad one with a readable message', () => {
    expect(MagicLinkRequest.parse({ email: '  Buyer@Example.COM ' })).toEqual({ email: 'buyer@example.com' });
    const bad = MagicLinkRequest.safeParse({ email: 'nope' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['email']);
  });

  it('accepts a token or an email+code for verify, not a mix or a short code', () => {
    expect(VerifyRequest.safeParse({ token: 'abc' }).success).toBe(true);
    expect(VerifyRequest.safeParse({ email: 'a@b.co', code: '123456' }).success).toBe(true);
    expect(VerifyRequest.safeParse({ email: 'a@b.co', code: '12345' }).success).toBe(false);
    expect(VerifyRequest.safeParse({ token: 'abc', code: '123456' }).success).toBe(false);
  });

  it('refuses non-http redirect URLs', () => {
    expect(
      CheckoutRequest.safeParse({ successUrl: 'javascript:alert(1)', cancelUrl: 'https://a.example/' }).success,
    ).toBe(false);
    expect(
      CheckoutRequest.safeParse({ successUrl: 'https://a.example/ok', cancelUrl: 'http://localhost:3000/' }).success,
    ).toBe(true);
  });

  it('parses the documented access-check answer and reports the failing field', () => {
    const ok = {
      hasAccess: false,
      reason: 'purchase_required',
      page: masterclassPage,
    };
    expect(AccessCheckResponse.parse(ok)).toEqual(ok);
    const bad = AccessCheckResponse.safeParse({ ...ok, page: { ...ok.page, price: '19.00' } });
    expect(bad.error?.issues[0]?.path).toEqual(['page', 'price']);
  });
});

describe('every write', () => {
  it('accepts an Idempotency-Key and documents 400, 415, 422 and 503', () => {
    const writes = routeList.filter((r) => r.method !== 'GET');
    expect(writes.map((r) => r.id).sort()).toEqual(
      [
        'checkAccess',
        'checkout',
        'contentReport',
        'expressInterest',
        'logout',
        'refund',
        'requestMagicLink',
        'supportReport',
        'verify',
        'withdrawInterest',
      ].sort(),
    );
    for (const r of routeList) {
      expect(r.idempotent, r.id).toBe(r.method !== 'GET');
      if (r.method === 'GET') continue;
      expect(routeErrors(r), r.id).toEqual(
        expect.arrayContaining([
          'invalid_request',
          'unsupported_media_type',
          'idempotency_key_reused',
          'storage_unavailable',
        ]),
      );
    }
  });
});

describe('every route', () => {
  it('documents 503 service_unavailable: any server can be down for a moment, and clients retry it', () => {
    expect(ERROR_STATUS.service_unavailable).toBe(503);
    for (const r of routeList) expect(routeErrors(r), r.id).toContain('service_unavailable');
  });
});

describe('validationFailure (the one formatter of the SDK and the mock)', () => {
  it('reads the same for a mistake, names every failing field and picks the best union branch', () => {
    const bad = VerifyRequest.safeParse({ email: 'nope', code: '12' });
    expect(validationFailure(bad.error!.issues)).toEqual({
      code: 'invalid_request',
      message: 'Invalid request: email: Enter a valid email address; code: Enter the 6-digit code from the email',
      details: [
        { path: 'email', message: 'Enter a valid email address' },
        { path: 'code', message: 'Enter the 6-digit code from the email' },
      ],
    });
    const missing = MagicLinkRequest.safeParse({});
    expect(validationFailure(missing.error!.issues).message).toBe('Invalid request: email: Expected string');
  });

  it('answers invalid_redirect_url for a refused redirect of any scheme or shape', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,hi',
      '//evil.example/x',
      '/relative',
      'relative',
      'ftp://a.example/',
      'http://user:pw@a.example/',
      `https://a.example/${'x'.repeat(2100)}`,
    ]) {
      const r = CheckoutRequest.safeParse({ successUrl: url, cancelUrl: 'https://a.example/' });
      expect(validationFailure(r.error!.issues).code, url).toBe('invalid_redirect_url');
      const m = MagicLinkRequest.safeParse({ email: 'a@b.co', returnTo: url });
      expect(validationFailure(m.error!.issues).code, url).toBe('invalid_redirect_url');
    }
    // Another problem in the same body: the general code.
    const both = MagicLinkRequest.safeParse({ email: 'nope', returnTo: 'javascript:x' });
    expect(validationFailure(both.error!.issues).code).toBe('invalid_request');
    // Not a string at all is a malformed request, not a redirect.
    const wrongType = CheckoutRequest.safeParse({ successUrl: 3, cancelUrl: 'https://a.example/' });
    expect(validationFailure(wrongType.error!.issues).code).toBe('invalid_request');
  });
});
