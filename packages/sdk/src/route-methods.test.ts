import { routes } from '@visitor-access/contract';
import { describe, expect, it } from 'vitest';
import { createClient } from './client.js';
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
