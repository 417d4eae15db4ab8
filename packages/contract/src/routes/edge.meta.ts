// The edge area's routes without schemas: method, path, auth and idempotency (`meta`), and what the
// OpenAPI document says of them (`docs`). Plain literals and no zod: `meta` reaches the lite client, and
// `docs` is shaken out of every bundle that does not build the OpenAPI document. The schemas are in ./edge.ts.
import type { AreaDocs, RouteMetaEntry } from '../route-area.js';

export const meta = {
  edgeAccess: {
    id: 'edgeAccess',
    method: 'GET',
    path: '/_edge/visitor/access',
    auth: 'visitor-optional',
    idempotent: false,
  },
  magicLinkLanding: {
    id: 'magicLinkLanding',
    method: 'GET',
    path: '/_edge/visitor/access/t/{token}',
    auth: 'none',
    idempotent: false,
  },
} as const satisfies Record<string, RouteMetaEntry>;

export const docs = {
  edgeAccess: {
    tag: 'edge',
    summary: 'The current visitor and their access, as the edge sees it',
    description:
      "Never 401: without a session `visitor` is null and `items` is empty. A request whose `Origin` is one creator's allowed origin sees only that creator's items.",
    errors: [],
  },
  magicLinkLanding: {
    tag: 'edge',
    summary: 'The magic-link landing page (HTML)',
    description:
      'Never consumes the token: it answers a page with one Continue button whose click POSTs to verify and then goes to `returnTo`. Expired, used and unknown links answer a page (status 401) with a way to ask for a new link.',
    errors: [],
  },
} satisfies AreaDocs<typeof meta>;
