// The refund area's routes without schemas: one line per route with method, path and auth (`meta`;
// `defineMeta` adds the id and the idempotency), and what the OpenAPI document says of them (`docs`). No zod:
// `meta` reaches the lite client, and `docs`, plain literals, is shaken out of every bundle that does not build
// the OpenAPI document. The schemas are in ./refund.ts.
import { type AreaDocs, defineMeta } from '../route-area.js';

export const meta = defineMeta({
  refund: ['POST', '/v2/handles/{handle}/pages/{pageSlug}/refund', 'creator'],
});

export const docs = {
  refund: {
    tag: 'refunds',
    summary: "Refund a visitor's purchase (creator only)",
    description:
      "Initiates a Stripe refund and revokes the visitor's access at once. A second refund answers 409 already_refunded.",
    errors: ['page_not_found', 'purchase_not_found', 'already_refunded', 'rate_limited'],
  },
} satisfies AreaDocs<typeof meta>;
