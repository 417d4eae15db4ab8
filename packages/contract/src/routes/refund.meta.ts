// The refund area's routes without schemas: method, path, auth and idempotency (`meta`), and what the
// OpenAPI document says of them (`docs`). Plain literals and no zod: `meta` reaches the lite client, and
// `docs` is shaken out of every bundle that does not build the OpenAPI document. The schemas are in ./refund.ts.
import type { AreaDocs, RouteMetaEntry } from '../route-area.js';

export const meta = {
  refund: {
    id: 'refund',
    method: 'POST',
    path: '/v2/handles/{handle}/pages/{pageSlug}/refund',
    auth: 'creator',
    idempotent: true,
  },
} as const satisfies Record<string, RouteMetaEntry>;

export const docs = {
  refund: {
    tag: 'refunds',
    summary: "Refund a visitor's purchase (creator only)",
    description:
      "Initiates a Stripe refund and revokes the visitor's access at once. A second refund answers 409 already_refunded.",
    errors: ['page_not_found', 'purchase_not_found', 'already_refunded', 'rate_limited'],
  },
} satisfies AreaDocs<typeof meta>;
