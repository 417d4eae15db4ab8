// The fault injection in the request path: the layer that applies a mock's `Faults` to every `/v2` and
// `/_edge` request, its 503 and 429 answers (pages for a person on the magic-link landing, JSON for
// everyone else), and what `timeout` and `reset` do where there is no socket (MSW).
import { routes, sleep as wait } from '@visitor-access/contract';
import type { Ctx, Layer } from '../handlers/types.js';
import { error } from '../handlers/respond.js';
import { faultPage } from '../pages/fault.js';
import type { Faults } from './faults.js';
import { FAULT_HEADER, FAULT_VALUES } from './settings.js';

/**
 * What a connection fault does: the standalone server acts on the socket, MSW has none. A `timeout` gets
 * `release`, to call when the held connection is over (see {@link Faults.maxHeld}).
 */
export type ConnectionFault = (
  kind: 'timeout' | 'reset',
  ctx: Ctx,
  timeoutMs: number,
  release?: () => void,
) => Promise<Response>;

/** Waits `ms`, or less when `signal` aborts (the client gave up). */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return ms > 0 ? wait(ms, signal ?? undefined).catch(() => undefined) : Promise.resolve();
}

/**
 * Connection faults where there is no socket (MSW in the browser and in Node): `reset` is a network
 * error at once (`Response.error()`: `fetch` rejects with a `TypeError`), `timeout` is no answer for
 * `timeoutMs` (ended early when the client aborts), then the same network error.
 */
export const mswConnectionFault: ConnectionFault = async (kind, ctx, timeoutMs, release) => {
  try {
    if (kind === 'timeout') await sleep(timeoutMs, ctx.request.signal);
  } finally {
    release?.();
  }
  return Response.error();
};

/**
 * The contract route that answers pages for people (the magic-link landing): its faults are pages too. Its
 * path template (`/_edge/visitor/access/t/{token}`) as a pattern: each `{param}` one path segment.
 */
const HTML_PATH = new RegExp(
  `^${routes.magicLinkLanding.path
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+')}/?$`,
);

function wantsHtml(ctx: Ctx): boolean {
  return (
    ctx.request.method === 'GET' &&
    HTML_PATH.test(ctx.url.pathname) &&
    /text\/html/i.test(ctx.request.headers.get('accept') ?? '')
  );
}

/**
 * The address the person asked for, as their browser reaches it: under the public URL's path prefix
 * (`--public-url https://site/api`, decision 0105), since the mock itself is served at its root behind the
 * proxy that strips the prefix.
 */
function sameAddress(ctx: Ctx): string {
  // The public URL's path prefix (as `prefixOf` in handlers/pipeline.ts, which imports this module).
  return ctx.publicUrl.slice(ctx.publicOrigin.length) + ctx.url.pathname + ctx.url.search;
}

/** The 503 `service_unavailable` of the fault injection. */
export function serviceUnavailable(ctx: Ctx): Response {
  if (wantsHtml(ctx)) {
    return faultPage(
      503,
      'Unavailable for a moment',
      'The service could not answer just now. Nothing was changed, and your link still works: try again in a moment.',
      ctx.requestId,
      sameAddress(ctx),
    );
  }
  return error(
    ctx,
    'service_unavailable',
    'The service is unavailable for a moment (a fault injected by the mock). Nothing changed; try again.',
  );
}

function rateLimited(ctx: Ctx): Response {
  if (wantsHtml(ctx)) {
    return faultPage(
      429,
      'Too many requests',
      'Please wait a second and try again. Your link still works.',
      ctx.requestId,
      sameAddress(ctx),
    );
  }
  return error(ctx, 'rate_limited', 'Too many requests (a fault injected by the mock). Try again in a second.', {
    retryAfterSeconds: 1,
  });
}

/**
 * The layer that applies a mock's faults to every `/v2` and `/_edge` request (the pipeline never gives
 * layers a `/_mock` request or a CORS preflight). Its answers are finished like any other: request ID,
 * CORS, the request log.
 *
 * @example
 * ```ts
 * const faults = new Faults({ failRate: 0.3 });
 * createHandlers({ store, layers: [faultLayer(faults)] });
 * ```
 */
export function faultLayer(faults: Faults, connection: ConnectionFault = mswConnectionFault): Layer {
  return async (ctx, next) => {
    const decision = faults.decide(ctx.request.method, ctx.url.pathname, ctx.request.headers.get(FAULT_HEADER));
    if ('invalid' in decision) {
      return error(ctx, 'invalid_request', decision.invalid, {
        details: [{ path: FAULT_HEADER, message: `Expected one of ${FAULT_VALUES}` }],
      });
    }
    ctx.fault = decision.label;
    // A fault that holds the request (a delay, a timeout) takes one of a bounded number of places.
    let release: (() => void) | undefined;
    if (decision.delayMs > 0 || decision.then === 'timeout') {
      release = faults.hold();
      if (!release) {
        ctx.fault = 'held-limit';
        const busy = error(
          ctx,
          'service_unavailable',
          `The mock already holds ${faults.maxHeld} requests with latency or timeout faults; try again.`,
          { retryAfterSeconds: 1 },
        );
        busy.headers.set('x-mock-fault', 'held-limit');
        return busy;
      }
    }
    let response: Response;
    try {
      // A slow server, not a slow network: a client that hangs up meanwhile does not cut the delay short,
      // and the work is done after it, as a server does work whose answer arrives too late (the SDK's
      // retry with the same Idempotency-Key is then answered by the replay).
      if (decision.delayMs) await sleep(decision.delayMs);
      switch (decision.then) {
        case 'answer':
          response = await next();
          break;
        case '503':
          response = serviceUnavailable(ctx);
          break;
        case '429':
          response = rateLimited(ctx);
          break;
        default: {
          // A timeout's place is given back when its connection ends (the connection fault's job).
          const held = decision.then === 'timeout' ? release : undefined;
          if (held) release = undefined;
          return await connection(decision.then, ctx, faults.timeoutMs, held);
        }
      }
    } finally {
      release?.();
    }
    // Tells whoever reads the answer (devtools, a test) that the mock did this on purpose.
    if (decision.label && response.type !== 'error') response.headers.set('x-mock-fault', decision.label);
    return response;
  };
}
