// Property: no input, however malformed, gets a 5xx or changes the state; malformed input to a JSON route
// gets a 4xx in the error envelope, and a documented route answers only what docs/openapi.json lists.
// The targets are every route of the contract (read from the route table) and the `/_mock` routes
// (test/fuzz-targets.ts).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problems, routeOf } from '../test/documented.js';
import { targets, type Target } from '../test/fuzz-targets.js';
import { startMock } from '../test/helpers.js';
import type { RunningServer } from './server.js';

let mock: RunningServer;
let cookie: string;
let creatorJwt: string;

// A path segment that is never a valid handle or slug: it always holds a character outside [a-z0-9._-].
const oddSegment = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => encodeURIComponent(`Ü${s}`)),
  fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '%2F%2E%2E', 'A'.repeat(300), '%20', 'UPPER', '%F0%9F%98%80', '-lead'),
);
const notJson = fc.oneof(
  fc.string({ maxLength: 60 }).filter((s) => {
    if (s.trim() === '') return false;
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
  fc.constantFrom('{', '{"email":', "{'a':1}", '[1,2', 'undefined', '\u0000'),
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.string({ maxLength: 10 }),
);
const wrongValue = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
);
const unicodeJunk = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((s) => `😀 ${s} \u0000`);

type Mutation =
  | { kind: 'badJson'; text: string }
  | { kind: 'wrongType'; value: unknown }
  | { kind: 'missing' }
  | { kind: 'wrongFields'; values: unknown[] }
  | { kind: 'unicodeFields'; values: string[] }
  | { kind: 'huge' }
  | { kind: 'oddPath'; segment: string }
  | { kind: 'badCookie'; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  notJson.map((text) => ({ kind: 'badJson' as const, text })),
  wrongType.map((value) => ({ kind: 'wrongType' as const, value })),
  fc.constant({ kind: 'missing' as const }),
  fc.array(wrongValue, { minLength: 3, maxLength: 3 }).map((values) => ({ kind: 'wrongFields' as const, values })),
  fc.array(unicodeJunk, { minLength: 3, maxLength: 3 }).map((values) => ({ kind: 'unicodeFields' as const, values })),
  fc.constant({ kind: 'huge' as const }),
  oddSegment.map((segment) => ({ kind: 'oddPath' as const, segment })),
  fc.string({ maxLength: 80 }).map((value) => ({ kind: 'badCookie' as const, value: value.replace(/[;\r\n]/g, '') })),
);

// The clock's offset from real time (seconds) is part of the state: bad input must not move it either.
const state = () =>
  JSON.stringify({
    ...mock.store.toJSON(),
    savedAt: 0,
    clockOffset: Math.round((mock.store.now() - Date.now()) / 1000),
  });

/** Builds the request; answers null when the mutation does not apply to this target. */
function build(t: Target, m: Mutation, auth: boolean): { path: string; init: RequestInit; expect4xx: boolean } | null {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) {
    headers.cookie = cookie;
    headers.authorization = `Bearer ${creatorJwt}`;
  }
  const hasParams = t.path() !== t.path('ODD');
  let path = t.path();
  let body: string | undefined;
  switch (m.kind) {
    case 'badJson':
      if (t.body === 'none') return null;
      body = m.text;
      break;
    case 'wrongType':
      if (t.body === 'none') return null;
      body = JSON.stringify(m.value);
      break;
    case 'missing':
      if (t.body !== 'object') return null;
      body = '{}';
      break;
    case 'wrongFields':
    case 'unicodeFields': {
      const names =
        m.kind === 'unicodeFields'
          ? t.fields
          : t.body === 'object'
            ? [...t.fields, 'summary', 'details', 'reason', 'token', 'advanceMs']
            : [];
      if (names.length === 0 || t.body === 'none') return null;
      // Every field gets a bad value, so whichever variant of the schema applies, it fails.
      body = JSON.stringify(Object.fromEntries(names.map((n, i) => [n, m.values[i % m.values.length]])));
      break;
    }
    case 'huge':
      if (t.body === 'none') return null;
      body = JSON.stringify({ email: 'a'.repeat(70_000), summary: 'x'.repeat(70_000) });
      break;
    case 'oddPath':
      if (!hasParams) return null;
      path = t.path(m.segment);
      body = t.body === 'none' ? undefined : '[]';
      break;
    case 'badCookie':
      headers.cookie = `_10x_visitor=${m.value}`;
      body = t.body === 'none' ? undefined : t.body === 'optional' ? '"x"' : '{}';
      break;
  }
  if (t.method === 'GET' && body !== undefined) body = undefined;
  if (t.method === 'GET' && m.kind !== 'oddPath' && m.kind !== 'badCookie') return null;
  // A bad cookie is simply "signed out": only routes that need a session (or got a bad body) must refuse.
  const expect4xx = m.kind !== 'badCookie' || t.body !== 'none' || t.refusesEmpty;
  return { path, init: { method: t.method, headers, ...(body !== undefined ? { body } : {}) }, expect4xx };
}

// Both ways the standalone server reaches the handlers: its direct route table and MSW's getResponse.
describe.each(['direct', 'msw'] as const)('malformed input to every route (%s dispatch)', (dispatch) => {
  beforeAll(async () => {
    mock = await startMock({ dispatch });
    cookie = `_10x_visitor=${await mock.store.createSession('fuzz@example.com')}`;
    creatorJwt = await mock.store.issueCreatorToken('gharart');
  });
  afterAll(() => mock.close());

  it('answers the landing page for a link whose token does not decode (found by this fuzz)', async () => {
    for (const token of ['%', '%E0%A4%A', 'abc%zz']) {
      const res = await fetch(`${mock.url}/_edge/visitor/access/t/${token}`);
      expect(res.status, token).toBe(401);
      expect(res.headers.get('content-type'), token).toContain('text/html');
      expect(await res.text(), token).toContain('<!doctype html>');
    }
  });

  it('never gets a 5xx, gets a 4xx error envelope, and leaves the state unchanged', async () => {
    const before = state();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), mutation, fc.boolean(), async (t, m, auth) => {
        const req = build(t, m, auth);
        if (!req) return;
        sent++;
        const res = await fetch(mock.url + req.path, req.init);
        const text = await res.text();
        expect(res.status, `${t.method} ${req.path} → ${res.status} ${text.slice(0, 200)}`).toBeLessThan(500);
        expect(res.headers.get('x-request-id')).toMatch(/^req_/);
        // Whatever the input, a documented route answers only what docs/openapi.json documents for it.
        const id = routeOf(t.method, new URL(mock.url + req.path).pathname);
        if (id) expect(problems(id, res.status, res.headers.get('content-type'), text)).toEqual([]);
        if (req.expect4xx) {
          expect(
            res.status,
            `${t.method} ${req.path} ${m.kind} → ${res.status} ${text.slice(0, 200)}`,
          ).toBeGreaterThanOrEqual(400);
          if (t.answer === 'json' || !res.headers.get('content-type')?.includes('html')) {
            const body = JSON.parse(text);
            expect(typeof body.error).toBe('string');
            expect(typeof body.message).toBe('string');
            expect(body.requestId).toBe(res.headers.get('x-request-id'));
          } else {
            expect(text).toContain('<!doctype html>');
          }
        }
        expect(state()).toBe(before);
      }),
      { numRuns: 400 },
    );
    expect(sent).toBeGreaterThan(150);
  });
});
