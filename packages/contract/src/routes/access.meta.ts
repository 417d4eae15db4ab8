// The access area's routes without schemas: one line per route with method, path and auth (`meta`;
// `defineMeta` adds the id and the idempotency), and what the OpenAPI document says of them (`docs`). No zod:
// `meta` reaches the lite client, and `docs`, plain literals, is shaken out of every bundle that does not build
// the OpenAPI document. The schemas are in ./access.ts.
import { type AreaDocs, defineMeta } from '../route-area.js';

export const meta = defineMeta({
  listAccess: ['GET', '/v2/visitor/access', 'visitor'],
});

export const docs = {
  listAccess: {
    tag: 'access',
    summary: "The visitor's access history",
    description:
      "Paid pages, free-login pages and allowlisted files, with resource type, access type and status, newest first. A request whose `Origin` is one creator's allowed origin sees only that creator's items.",
    errors: [],
  },
} satisfies AreaDocs<typeof meta>;
