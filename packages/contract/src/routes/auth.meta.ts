// The auth area's routes without schemas: one line per route with method, path and auth (`meta`;
// `defineMeta` adds the id and the idempotency), and what the OpenAPI document says of them (`docs`). No zod:
// `meta` reaches the lite client, and `docs`, plain literals, is shaken out of every bundle that does not build
// the OpenAPI document. The schemas are in ./auth.ts.
import { type AreaDocs, defineMeta } from '../route-area.js';

export const meta = defineMeta({
  requestMagicLink: ['POST', '/v2/visitor/auth/magic-link', 'none'],
  verify: ['POST', '/v2/visitor/auth/verify', 'none'],
  me: ['GET', '/v2/visitor/me', 'visitor'],
  logout: ['POST', '/v2/visitor/auth/logout', 'visitor-optional'],
});

export const docs = {
  requestMagicLink: {
    tag: 'auth',
    summary: 'Request a magic link',
    description:
      'Emails a sign-in link (valid 15 minutes) and a 6-digit code. The answer is the same whether or not the email is known. Throttled to 5 requests per email per 15 minutes.',
    errors: ['invalid_redirect_url', 'rate_limited'],
  },
  verify: {
    tag: 'auth',
    summary: 'Verify a magic link or sign-in code',
    description:
      'Consumes the token (or the code; either consumes both) and sets the `_10x_visitor` session cookie. Visitors are created on first verify. Retried with its `Idempotency-Key` (an answer lost on the way), it answers the same visitor and sets the same cookie again.',
    errors: ['invalid_magic_link', 'expired_magic_link', 'used_magic_link', 'rate_limited'],
  },
  me: {
    tag: 'auth',
    summary: 'The signed-in visitor',
    errors: [],
  },
  logout: {
    tag: 'auth',
    summary: 'Sign out',
    description: 'Revokes the session on the server and clears the cookie. Succeeds without a session too.',
    errors: [],
  },
} satisfies AreaDocs<typeof meta>;
