// The access-check area's routes without schemas: one line per route with method, path and auth (`meta`;
// `defineMeta` adds the id and the idempotency), and what the OpenAPI document says of them (`docs`). No zod:
// `meta` reaches the lite client, and `docs`, plain literals, is shaken out of every bundle that does not build
// the OpenAPI document. The schemas are in ./access-check.ts.
import { type AreaDocs, defineMeta } from '../route-area.js';

export const meta = defineMeta({
  checkAccess: ['POST', '/v2/public/pages/{handle}/{pageSlug}/access-check', 'visitor-optional'],
});

export const docs = {
  checkAccess: {
    tag: 'pages',
    summary: 'Check access to a page',
    description:
      'PUBLIC pages answer `public`. FREE_WITH_LOGIN and PAID pages need a session (`visitor_auth_required`); PAID pages then need an active purchase (`purchase_required`, else `entitled`). Free-login visits are recorded in the access list.',
    errors: ['page_not_found', 'rate_limited'],
  },
} satisfies AreaDocs<typeof meta>;
