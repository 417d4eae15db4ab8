/**
 * The Visitor Access API contract: zod schemas for every request and response, and one route
 * table that the SDK, the mock and the OpenAPI document are built from.
 *
 * @packageDocumentation
 */
export * from './common.js';
export * from './errors.js';
export * from './issues.js';
export * from './route.js';
export * from './route-table.js';
export { routeMeta, type RouteMetaEntry, type RouteMetaId } from './route-meta.js';
export * from './routes/auth.js';
export * from './routes/access-check.js';
export * from './routes/checkout.js';
export * from './routes/access.js';
export * from './routes/refund.js';
export * from './routes/group-buys.js';
export * from './routes/edge.js';
export * from './routes/support.js';
export * from './constants.js';
export { isHttpOrigin } from './values.js';
export { sleep } from './sleep.js';
export { originCheck } from './origin-check.js';
