import type { HttpHandler } from 'msw';
import { accessCheckHandlers } from './access-check.js';
import { accessHandlers } from './access.js';
import { checkoutHandlers } from './checkout.js';
import type { HandlerOptions } from './context.js';
import { devApiHandlers, fallbackHandlers } from './dev-api.js';
import { edgeHandlers } from './edge.js';
import { groupBuyHandlers } from './group-buys.js';
import { logoutHandlers } from './logout.js';
import { magicLinkHandlers } from './magic-link.js';
import { meHandlers } from './me.js';
import { refundHandlers } from './refund.js';
import { supportHandlers } from './support.js';
import { verifyHandlers } from './verify.js';

export type { HandlerOptions } from './context.js';

/**
 * The MSW request handlers of the whole mock: the 16 documented routes, the development API under
 * `/_mock`, CORS preflights and a `not_found` fallback for unknown paths under `/v2`, `/_edge` and `/_mock`.
 * The same array serves the service worker (`./browser`), `setupServer` (`./node`) and the standalone
 * server (`./server`).
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createHandlers, createStore } from '@visitor-access/mock';
 * const store = createStore();
 * const server = setupServer(...createHandlers({ store, apiOrigin: 'http://api.test' }));
 * ```
 */
export function createHandlers(options: HandlerOptions): HttpHandler[] {
  return [
    // The hottest route first: MSW tries handlers in order.
    ...accessCheckHandlers(options),
    ...meHandlers(options),
    ...magicLinkHandlers(options),
    ...verifyHandlers(options),
    ...logoutHandlers(options),
    ...checkoutHandlers(options),
    ...accessHandlers(options),
    ...refundHandlers(options),
    ...groupBuyHandlers(options),
    ...edgeHandlers(options),
    ...supportHandlers(options),
    ...devApiHandlers(options),
    ...fallbackHandlers(options),
  ];
}
