import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './openapi.js';
import { routeList } from './route-table.js';

const committed = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'));

describe('docs/openapi.json', () => {
  it('is what the route table generates (run `npm run openapi` after changing the contract)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApi())));
  });

  it('describes every route once, with the error envelope and both kinds of auth', () => {
    const doc = buildOpenApi() as any;
    const ops = Object.entries(doc.paths).flatMap(([path, byMethod]: [string, any]) =>
      Object.entries(byMethod).map(
        ([method, op]: [string, any]) => `${method.toUpperCase()} ${path} ${op.operationId}`,
      ),
    );
    expect(ops).toHaveLength(16);
    for (const r of routeList) expect(ops).toContain(`${r.method} ${r.path} ${r.id}`);

    expect(doc.components.securitySchemes.visitorCookie).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: '_10x_visitor',
    });
    expect(doc.components.securitySchemes.creatorJwt).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    const refund = doc.paths['/v2/handles/{handle}/pages/{pageSlug}/refund'].post;
    expect(refund.security).toEqual([{ creatorJwt: [] }]);
    expect(refund.responses['409'].description).toContain('already_refunded');
    expect(refund.responses['403'].content['application/json'].schema).toEqual({
      allOf: [
        { $ref: '#/components/schemas/Error' },
        { type: 'object', properties: { error: { type: 'string', enum: ['forbidden'] } } },
      ],
    });
    const checkout = doc.paths['/v2/public/pages/{handle}/{pageSlug}/checkout'].post;
    expect(checkout.security).toEqual([{ visitorCookie: [] }]);
    expect(checkout.responses['409'].description).toMatch(/page_not_paid.*connect_not_configured.*already_entitled/);
    expect(doc.components.schemas.Error.required).toEqual(['error', 'message', 'requestId']);
  });
});
