// The checkout area's routes without schemas: one line per route with method, path and auth (`meta`;
// `defineMeta` adds the id and the idempotency), and what the OpenAPI document says of them (`docs`). No zod:
// `meta` reaches the lite client, and `docs`, plain literals, is shaken out of every bundle that does not build
// the OpenAPI document. The schemas are in ./checkout.ts.
import { type AreaDocs, defineMeta } from '../route-area.js';

export const meta = defineMeta({
  checkout: ['POST', '/v2/public/pages/{handle}/{pageSlug}/checkout', 'visitor'],
});

export const docs = {
  checkout: {
    tag: 'pages',
    summary: 'Start a checkout for a paid page',
    description:
      'Checks, in order: session (401 visitor_unauthorized), page (404 page_not_found), mode PAID (409 page_not_paid), Stripe connected (409 connect_not_configured), not already entitled (409 already_entitled), URLs on allowed origins (400 invalid_redirect_url). Redirect the visitor to `url`.',
    errors: [
      'page_not_found',
      'page_not_paid',
      'connect_not_configured',
      'already_entitled',
      'invalid_redirect_url',
      'rate_limited',
    ],
  },
} satisfies AreaDocs<typeof meta>;
