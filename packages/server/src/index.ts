/**
 * The creator's own server for Visitor Access: the visitor API under the site's origin (a same-site
 * proxy), protected content URLs, and Google's paywalled-content markup. Web standards only
 * (`Request` → `Response`), so the same core runs on Node, Cloudflare Workers, Deno and Bun.
 *
 * @packageDocumentation
 */
export { createVisitorAccess, type VisitorAccess, type ContentHandler, type ProtectOptions } from './visitor-access.js';
export { MAX_GRANT_CACHE_MS, type VisitorAccessOptions } from './options.js';
export type { AccessDecision, AccessGranted, AccessRefused, ProtectedPage, RefusalHandler } from './protect.js';
export type { ConnectionInfo } from './upstream.js';
export type { ErrorEnvelope } from './errors.js';
export { MAX_BODY_BYTES } from './body.js';
export { FORWARDED_AUTH } from './routes.js';
export {
  DEFAULT_PAYWALL_SELECTOR,
  jsonForScript,
  jsonLdScript,
  paywalledContentJsonLd,
  paywalledContentScript,
  type PaywalledContentJsonLd,
  type PaywalledContentOptions,
} from './json-ld.js';
