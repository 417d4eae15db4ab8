// The support area's routes without schemas: method, path, auth and idempotency (`meta`), and what the
// OpenAPI document says of them (`docs`). Plain literals and no zod: `meta` reaches the lite client, and
// `docs` is shaken out of every bundle that does not build the OpenAPI document. The schemas are in ./support.ts.
import type { AreaDocs, RouteMetaEntry } from '../route-area.js';

export const meta = {
  supportReport: {
    id: 'supportReport',
    method: 'POST',
    path: '/v2/support/report',
    auth: 'visitor-optional',
    idempotent: true,
  },
  contentReport: {
    id: 'contentReport',
    method: 'POST',
    path: '/v2/public/content-report',
    auth: 'none',
    idempotent: true,
  },
} as const satisfies Record<string, RouteMetaEntry>;

export const docs = {
  supportReport: {
    tag: 'support',
    summary: 'Report a problem to support',
    description: 'Include the request ID of the failing call when you have it.',
    errors: ['rate_limited'],
  },
  contentReport: {
    tag: 'support',
    summary: 'Report abusive content',
    errors: ['rate_limited'],
  },
} satisfies AreaDocs<typeof meta>;
