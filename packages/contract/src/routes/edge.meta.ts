// The edge area's routes without schemas: one line per route with method, path and auth (`meta`;
// `defineMeta` adds the id and the idempotency), and what the OpenAPI document says of them (`docs`). No zod:
// `meta` reaches the lite client, and `docs`, plain literals, is shaken out of every bundle that does not build
// the OpenAPI document. The schemas are in ./edge.ts.
import { type AreaDocs, defineMeta } from '../route-area.js';

export const meta = defineMeta({
  edgeAccess: ['GET', '/_edge/visitor/access', 'visitor-optional'],
  magicLinkLanding: ['GET', '/_edge/visitor/access/t/{token}', 'none'],
});

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
