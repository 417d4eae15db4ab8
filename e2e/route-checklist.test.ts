// "Add a route" (ARCHITECTURE.md) as a test: every route of the contract has its documentation, its SDK
// method, its mock handler, a conformance scenario of its own, a fuzz target and an example in
// docs/sdk.md. Most of these also fail the build (mapped types keyed by RouteId); this test names what is
// missing in one list, and covers the steps no type can see (a scenario, a sentence in the docs).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routeList, type RouteId } from '@visitor-access/contract';
import { routeDocs } from '@visitor-access/contract/openapi';
import { scenarios } from '@visitor-access/conformance';
import { createRoutes, createStore } from '@visitor-access/mock';
import { createClient } from '@visitor-access/sdk';
import { contractTargets } from '../packages/mock/test/fuzz-targets.js';
import { ROUTE_METHODS } from '../packages/sdk/src/route-methods.js';

const sdkGuide = readFileSync(new URL('../docs/sdk.md', import.meta.url), 'utf8');
const methodsSection = sdkGuide.slice(
  sdkGuide.indexOf('## Methods'),
  sdkGuide.indexOf('\n## ', sdkGuide.indexOf('## Methods') + 1),
);

/** What each route still lacks, as `id: what (where)`. */
function missingSteps(): string[] {
  const client = createClient({ baseUrl: 'http://localhost:4010', sessionChannel: false }) as unknown as Record<
    string,
    Record<string, unknown> | undefined
  >;
  const handled = new Set(createRoutes({ store: createStore() }).map((r) => `${r.method} ${r.path}`));
  const scenarioRoutes = new Set(scenarios.flatMap((s) => s.routes));
  const fuzzed = new Set(contractTargets.map((t) => t.id));
  const missing: string[] = [];
  for (const route of routeList) {
    const id = route.id as RouteId;
    const lacks = (what: string) => missing.push(`${id}: ${what}`);
    const doc = (routeDocs as Partial<typeof routeDocs>)[id];
    if (!doc?.summary || !doc.tag) lacks('no summary and tag (contract routes/<area>.meta.ts `docs`)');
    const method = (ROUTE_METHODS as Partial<Record<string, readonly [string, string]>>)[id];
    if (!method || typeof client[method[0]]?.[method[1]] !== 'function') {
      lacks('no SDK method (sdk/src/resources/*.ts, sdk/src/route-methods.ts)');
    } else if (!new RegExp(`\\.${method[0]}\\.${method[1]}\\(`).test(methodsSection)) {
      lacks(`no example of client.${method[0]}.${method[1]}() under "## Methods" in docs/sdk.md`);
    }
    if (!handled.has(`${route.method} ${route.path}`))
      lacks('no mock handler (mock/src/handlers/*.ts, handlers/index.ts)');
    if (!scenarioRoutes.has(id)) lacks('no conformance scenario naming it (conformance/src/scenarios/*.ts)');
    if (!fuzzed.has(id)) lacks('no fuzz target (mock/test/fuzz-targets.ts)');
  }
  return missing;
}

describe('adding a route', () => {
  it('every route of the contract has its docs, SDK method, mock handler, conformance scenario, fuzz target and SDK guide example', () => {
    expect(routeList.length).toBeGreaterThan(0);
    expect(missingSteps()).toEqual([]);
  });
});
