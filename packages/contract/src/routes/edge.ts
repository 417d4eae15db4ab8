import * as z from 'zod/mini';
import { HttpUrl } from '../common.js';
import { defineRoute } from '../route.js';
import { AccessItem } from './access.js';
import { MagicLinkToken } from './auth.js';

/** What the edge knows of the current visitor: who they are (or null) and their access. */
export const EdgeAccessResponse = z.object({
  visitor: z.nullable(z.object({ id: z.string(), email: z.string() })),
  items: z.array(AccessItem),
});
export type EdgeAccessResponse = z.infer<typeof EdgeAccessResponse>;

export const edgeAccess = defineRoute({
  id: 'edgeAccess',
  method: 'GET',
  path: '/_edge/visitor/access',
  auth: 'visitor-optional',
  params: undefined,
  query: undefined,
  body: undefined,
  responses: { 200: EdgeAccessResponse },
  idempotent: false,
});

/** Query of the magic-link landing. */
export const LandingQuery = z.object({ returnTo: z.optional(HttpUrl) });

export const magicLinkLanding = defineRoute({
  id: 'magicLinkLanding',
  method: 'GET',
  path: '/_edge/visitor/access/t/{token}',
  auth: 'none',
  params: z.object({ token: MagicLinkToken }),
  query: LandingQuery,
  body: undefined,
  responses: { 200: 'html', 401: 'html' },
  idempotent: false,
});
