// The access area's routes without schemas: method, path, auth and idempotency (`meta`), and what the
// OpenAPI document says of them (`docs`). Plain literals and no zod: `meta` reaches the lite client, and
// `docs` is shaken out of every bundle that does not build the OpenAPI document. The schemas are in ./access.ts.
import type { AreaDocs, RouteMetaEntry } from '../route-area.js';

export const meta = {
  listAccess: {
    id: 'listAccess',
    method: 'GET',
    path: '/v2/visitor/access',
    auth: 'visitor',
    idempotent: false,
  },
} as const satisfies Record<string, RouteMetaEntry>;

export const docs = {
  listAccess: {
    tag: 'access',
    summary: "The visitor's access history",
    description:
      "Paid pages, free-login pages and allowlisted files, with resource type, access type and status, newest first. A request whose `Origin` is one creator's allowed origin sees only that creator's items.",
    errors: [],
  },
} satisfies AreaDocs<typeof meta>;
