import { buildPath, pathParamNames, routes, type RouteId } from '@visitor-access/contract';
import { describe, expect, it } from 'vitest';
import { createClient } from './create-client.js';
import { createClient as createLiteClient } from './lite.js';
import { ROUTE_METHODS } from './route-methods.js';

const client = createClient({ baseUrl: 'http://localhost:4010', sessionChannel: false });
const resources = ['auth', 'pages', 'access', 'groupBuys', 'edge', 'support'] as const;

describe('ROUTE_METHODS', () => {
  it('has an SDK method for every route of the contract', () => {
    for (const id of Object.keys(routes)) {
      const entry = (ROUTE_METHODS as Record<string, readonly [string, string]>)[id];
      expect(entry, `route ${id} has no SDK method`).toBeDefined();
      const [resource, method] = entry!;
      const target = (client as unknown as Record<string, Record<string, unknown>>)[resource];
      expect(typeof target?.[method], `${resource}.${method}`).toBe('function');
    }
  });

  it('names only routes that exist, each method once', () => {
    for (const id of Object.keys(ROUTE_METHODS)) expect(Object.keys(routes)).toContain(id);
    const names = Object.values(ROUTE_METHODS).map(([r, m]) => `${r}.${m}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('every public resource method serves a route', () => {
    const mapped = new Set(Object.values(ROUTE_METHODS).map(([r, m]) => `${r}.${m}`));
    for (const resource of resources) {
      const proto = Object.getPrototypeOf(client[resource]) as object;
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === 'constructor') continue;
        expect(mapped, `${resource}.${name} has no route`).toContain(`${resource}.${name}`);
      }
    }
  });
});

/** A valid body for each route whose SDK method takes one (routes with an optional body take none). */
const BODIES: Partial<Record<RouteId, unknown>> = {
  requestMagicLink: { email: 'buyer@example.com' },
  verify: { token: 'tok_1' },
  checkout: { successUrl: 'http://localhost:5173/ok', cancelUrl: 'http://localhost:5173/no' },
  refund: { visitorId: 'vis_1' },
  supportReport: { summary: 'Locked', details: 'Paid, still locked' },
  contentReport: { handle: 'gharart', reason: 'Spam' },
};
const PARAM_VALUES: Record<string, string> = {
  handle: 'gharart',
  pageSlug: 'p-1',
  groupBuySlug: 'g-1',
  token: 'tok_1',
};

describe.each([
  ['@visitor-access/sdk', createClient],
  ['@visitor-access/sdk/lite', createLiteClient],
] as const)('%s: each mapped method serves its own route', (_entry, create) => {
  for (const [id, route] of Object.entries(routes) as [RouteId, (typeof routes)[RouteId]][]) {
    it(`${id}: ${route.method} ${route.path}`, async () => {
      const sent: { method: string; url: string }[] = [];
      const c = create({
        baseUrl: 'http://localhost:4010',
        sessionChannel: false,
        validateResponses: false,
        retry: 0,
        fetch: async (input, init) => {
          // ky hands fetch a Request; a plain fetch call passes (url, init).
          const request = input instanceof Request ? input : new Request(String(input), init);
          sent.push({ method: request.method, url: request.url });
          return Response.json({});
        },
      });
      const [resource, method] = ROUTE_METHODS[id];
      const names = pathParamNames(route.path);
      const args: unknown[] = names.map((n) => PARAM_VALUES[n]);
      if (route.body && !route.bodyOptional) args.push(BODIES[id]);
      const fn = (c as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[resource]![method]!;
      const result = await fn.apply((c as unknown as Record<string, object>)[resource], args);
      const expected = `http://localhost:4010${buildPath(route.path, Object.fromEntries(names.map((n) => [n, PARAM_VALUES[n]!])))}`;
      if ((route.responses as Record<number, unknown>)[200] === 'html') {
        // The landing page is for people: the SDK gives its URL and sends nothing.
        expect(result).toBe(expected);
        expect(sent).toEqual([]);
      } else {
        expect(sent).toEqual([{ method: route.method, url: expected }]);
      }
    });
  }
});
