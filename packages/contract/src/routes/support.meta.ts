// The support area's routes without schemas: one line per route with method, path and auth (`meta`;
// `defineMeta` adds the id and the idempotency), and what the OpenAPI document says of them (`docs`). No zod:
// `meta` reaches the lite client, and `docs`, plain literals, is shaken out of every bundle that does not build
// the OpenAPI document. The schemas are in ./support.ts.
import { type AreaDocs, defineMeta } from '../route-area.js';

export const meta = defineMeta({
  supportReport: ['POST', '/v2/support/report', 'visitor-optional'],
  contentReport: ['POST', '/v2/public/content-report', 'none'],
});

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
