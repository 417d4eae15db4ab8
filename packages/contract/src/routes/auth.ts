import * as z from 'zod/mini';
import { Email, HttpUrl, IsoDateTime } from '../common.js';
import { defineRoute } from '../route.js';

/** A signed-in visitor. */
export const Visitor = z.object({
  id: z.string().check(z.startsWith('vis_')),
  email: z.string(),
  createdAt: IsoDateTime,
});
export type Visitor = z.infer<typeof Visitor>;

/** Body of `POST /v2/visitor/auth/magic-link`. */
export const MagicLinkRequest = z.object({
  email: Email,
  returnTo: z.optional(HttpUrl),
});
export type MagicLinkRequest = z.input<typeof MagicLinkRequest>;

/** Answer to a magic-link request: the same whether or not the email is known. */
export const MagicLinkResponse = z.object({
  sent: z.literal(true),
  expiresAt: IsoDateTime,
});
export type MagicLinkResponse = z.infer<typeof MagicLinkResponse>;

/** A magic-link token as it travels in links and verify bodies. */
export const MagicLinkToken = z.string().check(z.minLength(1), z.maxLength(512));

/** A 6-digit sign-in code. */
export const SignInCode = z.string().check(z.regex(/^\d{6}$/, 'Enter the 6-digit code from the email'));

/** Body of `POST /v2/visitor/auth/verify`: the link's token, or the email and its code. */
export const VerifyRequest = z.union([
  z.strictObject({ token: MagicLinkToken }),
  z.strictObject({ email: Email, code: SignInCode }),
]);
export type VerifyRequest = z.input<typeof VerifyRequest>;

/** Answer to a successful verify (and to `me`). */
export const VisitorResponse = z.object({ visitor: Visitor });
export type VisitorResponse = z.infer<typeof VisitorResponse>;

export const requestMagicLink = defineRoute({
  id: 'requestMagicLink',
  method: 'POST',
  path: '/v2/visitor/auth/magic-link',
  auth: 'none',
  params: undefined,
  query: undefined,
  body: MagicLinkRequest,
  responses: { 202: MagicLinkResponse },
  idempotent: true,
});

export const verify = defineRoute({
  id: 'verify',
  method: 'POST',
  path: '/v2/visitor/auth/verify',
  auth: 'none',
  params: undefined,
  query: undefined,
  body: VerifyRequest,
  responses: { 200: VisitorResponse },
  idempotent: false,
});

export const me = defineRoute({
  id: 'me',
  method: 'GET',
  path: '/v2/visitor/me',
  auth: 'visitor',
  params: undefined,
  query: undefined,
  body: undefined,
  responses: { 200: VisitorResponse },
  idempotent: false,
});

export const logout = defineRoute({
  id: 'logout',
  method: 'POST',
  path: '/v2/visitor/auth/logout',
  auth: 'visitor-optional',
  params: undefined,
  query: undefined,
  body: undefined,
  bodyOptional: true,
  responses: { 204: null },
  idempotent: false,
});
