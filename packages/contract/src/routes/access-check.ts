import * as z from 'zod/mini';
import { Currency, Handle, PageMode, PageParams, Price, Slug } from '../common.js';
import { defineRoute } from '../route.js';

/** Why a visitor has, or lacks, access to a page. */
export const AccessReason = z.enum(['public', 'visitor_auth_required', 'entitled', 'purchase_required']);
export type AccessReason = z.infer<typeof AccessReason>;

/** What a visitor may know of a page before having access. */
export const PageSummary = z.object({
  handle: Handle,
  slug: Slug,
  title: z.string(),
  mode: PageMode,
  price: z.optional(Price),
  currency: z.optional(Currency),
});
export type PageSummary = z.infer<typeof PageSummary>;

/** Answer to an access check. */
export const AccessCheckResponse = z.object({
  hasAccess: z.boolean(),
  reason: AccessReason,
  page: PageSummary,
});
export type AccessCheckResponse = z.infer<typeof AccessCheckResponse>;

/** Body of an access check: none is needed; an empty object is accepted. */
export const AccessCheckRequest = z.optional(z.object({}));

export const checkAccess = defineRoute({
  id: 'checkAccess',
  method: 'POST',
  path: '/v2/public/pages/{handle}/{pageSlug}/access-check',
  auth: 'visitor-optional',
  params: PageParams,
  query: undefined,
  body: AccessCheckRequest,
  bodyOptional: true,
  responses: { 200: AccessCheckResponse },
  idempotent: false,
});
