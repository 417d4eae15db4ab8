import * as z from 'zod/mini';
import { Email, IsoDateTime, RedirectUrl } from '../common.js';
import type { AreaRoutes } from '../route-area.js';
import { defineRoute } from '../route.js';
import { routeMeta } from '../route-meta.js';
import type { meta } from './auth.meta.js';

/**
 * A signed-in visitor.
 *
 * @example
 * ```ts
 * import { Visitor } from '@visitor-access/contract';
 * const result = Visitor.safeParse(await response.json());
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const Visitor = z.object({
  id: z.string().check(z.startsWith('vis_')),
  email: z.string(),
  createdAt: IsoDateTime,
});
export type Visitor = z.infer<typeof Visitor>;

/**
 * Body of `POST /v2/visitor/auth/magic-link`.
 *
 * @example
 * ```ts
 * import { MagicLinkRequest } from '@visitor-access/contract';
 * MagicLinkRequest.parse({ email: ' Buyer@Example.com ' }); // { email: 'buyer@example.com' }
 * ```
 */
export const MagicLinkRequest = z.object({
  email: Email,
  returnTo: z.optional(RedirectUrl),
});
export type MagicLinkRequest = z.input<typeof MagicLinkRequest>;

/**
 * Answer to a magic-link request: the same whether or not the email is known.
 *
 * @example
 * ```ts
 * import { MagicLinkResponse } from '@visitor-access/contract';
 * const result = MagicLinkResponse.safeParse(await response.json());
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const MagicLinkResponse = z.object({
  sent: z.literal(true),
  expiresAt: IsoDateTime,
});
export type MagicLinkResponse = z.infer<typeof MagicLinkResponse>;

/**
 * A magic-link token as it travels in links and verify bodies.
 *
 * @example
 * ```ts
 * import { MagicLinkToken } from '@visitor-access/contract';
 * MagicLinkToken.safeParse('').success; // false
 * ```
 */
export const MagicLinkToken = z.string().check(z.minLength(1), z.maxLength(512));

/**
 * A 6-digit sign-in code.
 *
 * @example
 * ```ts
 * import { SignInCode } from '@visitor-access/contract';
 * SignInCode.safeParse('123456').success; // true
 * ```
 */
export const SignInCode = z.string().check(z.regex(/^\d{6}$/, 'Enter the 6-digit code from the email'));

/**
 * Body of `POST /v2/visitor/auth/verify`: the link's token, or the email and its code.
 *
 * @example
 * ```ts
 * import { VerifyRequest } from '@visitor-access/contract';
 * VerifyRequest.parse({ email: 'buyer@example.com', code: '123456' });
 * ```
 */
export const VerifyRequest = z.union([
  z.strictObject({ token: MagicLinkToken }),
  z.strictObject({ email: Email, code: SignInCode }),
]);
export type VerifyRequest = z.input<typeof VerifyRequest>;

/**
 * Answer to a successful verify (and to `me`).
 *
 * @example
 * ```ts
 * import { VisitorResponse } from '@visitor-access/contract';
 * const result = VisitorResponse.safeParse(await response.json());
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const VisitorResponse = z.object({ visitor: Visitor });
export type VisitorResponse = z.infer<typeof VisitorResponse>;

/**
 * The `POST /v2/visitor/auth/magic-link` route: no auth.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.requestMagicLink.method; // 'POST'
 * routes.requestMagicLink.path; // '/v2/visitor/auth/magic-link'
 * ```
 */
export const requestMagicLink = defineRoute({
  ...routeMeta.requestMagicLink,
  body: MagicLinkRequest,
  responses: { 202: MagicLinkResponse },
});

/**
 * The `POST /v2/visitor/auth/verify` route: no auth.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.verify.method; // 'POST'
 * routes.verify.path; // '/v2/visitor/auth/verify'
 * ```
 */
export const verify = defineRoute({
  ...routeMeta.verify,
  body: VerifyRequest,
  responses: { 200: VisitorResponse },
});

/**
 * The `GET /v2/visitor/me` route: needs the visitor session cookie.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.me.method; // 'GET'
 * routes.me.path; // '/v2/visitor/me'
 * ```
 */
export const me = defineRoute({
  ...routeMeta.me,
  responses: { 200: VisitorResponse },
});

/**
 * The `POST /v2/visitor/auth/logout` route: uses the visitor session cookie when present.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.logout.method; // 'POST'
 * routes.logout.path; // '/v2/visitor/auth/logout'
 * ```
 */
export const logout = defineRoute({
  ...routeMeta.logout,
  bodyOptional: true,
  responses: { 204: null },
});

/**
 * The routes of this area, keyed by id, for the route table (`routes`): one per entry of its `meta`.
 *
 * @example
 * ```ts
 * import { authRoutes } from '@visitor-access/contract';
 * Object.keys(authRoutes); // ['requestMagicLink', 'verify', 'me', 'logout']
 * ```
 */
export const authRoutes = { requestMagicLink, verify, me, logout } as const satisfies AreaRoutes<typeof meta>;
