// Deliberately broken servers for the kit to catch. Each is a real reference mock behind a small HTTP proxy
// that changes what goes over the wire, so the mutants keep working whatever the mock's insides become.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the proxy received it. */
export interface Exchange {
  method: string;
  /** Path and query. */
  path: string;
  headers: Headers;
  body: string;
}

/** An answer, from the real server or made up by a mutation. */
export interface Reply {
  status: number;
  headers: Headers;
  body: string;
}

/** Sends a request on to the real server (optionally another one than the proxy received). */
export type Forward = (exchange?: Partial<Exchange>) => Promise<Reply>;

/** Decides the answer to one request. */
export type Mutation = (exchange: Exchange, forward: Forward) => Promise<Reply>;

const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade']);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts a proxy on a free loopback port in front of `upstream`. */
export async function startProxy(
  upstream: string,
  mutation: Mutation,
): Promise<{ url: string; close: () => Promise<void> }> {
  const forwardFor =
    (original: Exchange): Forward =>
    async (override = {}) => {
      const exchange = { ...original, ...override };
      const headers = new Headers();
      exchange.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name)) headers.set(name, value);
      });
      const response = await fetch(upstream + exchange.path, {
        method: exchange.method,
        headers,
        ...(exchange.method === 'GET' || exchange.method === 'HEAD' || exchange.body === ''
          ? {}
          : { body: exchange.body }),
        redirect: 'manual',
      });
      return { status: response.status, headers: response.headers, body: await response.text() };
    };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
      }
      const exchange: Exchange = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers,
        body: await readBody(req),
      };
      let reply: Reply;
      try {
        reply = await mutation(exchange, forwardFor(exchange));
      } catch (error) {
        reply = { status: 502, headers: new Headers({ 'content-type': 'text/plain' }), body: String(error) };
      }
      const out: Record<string, string | string[]> = {};
      reply.headers.forEach((value, name) => {
        if (name !== 'set-cookie' && !HOP_BY_HOP.has(name) && name !== 'content-encoding') out[name] = value;
      });
      const cookies = reply.headers.getSetCookie();
      if (cookies.length) out['set-cookie'] = cookies;
      res.writeHead(reply.status, out);
      res.end(exchange.method === 'HEAD' ? undefined : reply.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

const parse = (text: string): any => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const withJson = (reply: Reply, body: unknown, status = reply.status): Reply => ({
  status,
  headers: reply.headers,
  body: JSON.stringify(body),
});

/** The proxy changing nothing: the baseline. */
export const passThrough: Mutation = (_exchange, forward) => forward();

/** Answers without `x-request-id`. */
export const dropRequestIds: Mutation = async (_exchange, forward) => {
  const reply = await forward();
  const headers = new Headers(reply.headers);
  headers.delete('x-request-id');
  return { ...reply, headers };
};

/** Error bodies without their `error` code. */
export const envelopeWithoutCode: Mutation = async (_exchange, forward) => {
  const reply = await forward();
  const body = parse(reply.body);
  if (reply.status < 400 || !body || typeof body !== 'object' || !('error' in body)) return reply;
  delete body.error;
  return withJson(reply, body);
};

/** A used magic link works again: a verify refused as used gets the token's first success replayed. */
export function reusedLinkAccepted(): Mutation {
  const first = new Map<string, Promise<Reply>>();
  return async (exchange, forward) => {
    const token =
      exchange.method === 'POST' && exchange.path === '/v2/visitor/auth/verify'
        ? parse(exchange.body)?.token
        : undefined;
    if (typeof token !== 'string') return forward();
    const earlier = first.get(token);
    if (!earlier) {
      const reply = forward();
      first.set(token, reply);
      return reply;
    }
    const [previous, reply] = [await earlier, await forward()];
    return previous.status === 200 && parse(reply.body)?.error === 'used_magic_link' ? previous : reply;
  };
}

/**
 * Refunds that do not revoke: the refund is answered as documented, but from then on the visitor's access
 * checks, access lists and further refunds behave as if nothing had happened.
 */
export function refundsNotRevoking(): Mutation {
  const refunded = new Map<string, string>(); // "visitorId handle/slug" → refund answer body
  const visitorOf = async (exchange: Exchange, forward: Forward) => {
    if (!exchange.headers.get('cookie')) return undefined;
    const me = await forward({ method: 'GET', path: '/v2/visitor/me', body: '' });
    return me.status === 200 ? (parse(me.body)?.visitor?.id as string | undefined) : undefined;
  };
  return async (exchange, forward) => {
    const refund = /^\/v2\/handles\/([^/]+)\/pages\/([^/?]+)\/refund$/.exec(exchange.path);
    if (refund && exchange.method === 'POST') {
      const reply = await forward();
      const key = `${parse(exchange.body)?.visitorId} ${refund[1]}/${refund[2]}`;
      if (reply.status === 200) refunded.set(key, reply.body);
      else if (parse(reply.body)?.error === 'already_refunded' && refunded.has(key)) {
        return { status: 200, headers: reply.headers, body: refunded.get(key)! };
      }
      return reply;
    }
    if (exchange.method === 'POST' && exchange.path === '/_mock/api/stripe-refund') {
      // A refund made in Stripe (the mock's simulated webhook) does not revoke either.
      const reply = await forward();
      const input = parse(exchange.body);
      if (reply.status === 200) refunded.set(`${input?.visitorId} ${input?.handle}/${input?.pageSlug}`, reply.body);
      return reply;
    }
    const check = /^\/v2\/public\/pages\/([^/]+)\/([^/?]+)\/access-check$/.exec(exchange.path);
    if (check && exchange.method === 'POST') {
      const reply = await forward();
      const body = parse(reply.body);
      if (body?.reason !== 'purchase_required') return reply;
      const visitorId = await visitorOf(exchange, forward);
      if (!refunded.has(`${visitorId} ${check[1]}/${check[2]}`)) return reply;
      return withJson(reply, { ...body, hasAccess: true, reason: 'entitled' });
    }
    if (exchange.method === 'GET' && /^\/(v2|_edge)\/visitor\/access$/.test(exchange.path)) {
      const reply = await forward();
      const body = parse(reply.body);
      if (!Array.isArray(body?.items)) return reply;
      for (const item of body.items) {
        if (item.status === 'refunded') {
          item.status = 'active';
          delete item.revokedAt;
        }
      }
      return withJson(reply, body);
    }
    return forward();
  };
}

/** No entitlement check at checkout: a visitor who owns the page is given a new checkout session anyway. */
export function noEntitlementCheck(upstream: string): Mutation {
  let n = 0;
  return async (exchange, forward) => {
    const reply = await forward();
    if (!/\/checkout$/.test(exchange.path) || parse(reply.body)?.error !== 'already_entitled') return reply;
    const sessionId = `cs_test_mutant${++n}`;
    return withJson(reply, { url: `${upstream}/_mock/checkout/${sessionId}`, sessionId }, 200);
  };
}

/** The session cookie without HttpOnly (script on the page could read it). */
export const cookieWithoutHttpOnly: Mutation = async (_exchange, forward) => {
  const reply = await forward();
  const cookies = reply.headers.getSetCookie();
  if (!cookies.length) return reply;
  const headers = new Headers(reply.headers);
  headers.delete('set-cookie');
  for (const c of cookies) headers.append('set-cookie', c.replace(/;\s*HttpOnly/i, ''));
  return { ...reply, headers };
};

/** CORS for everyone: any Origin is echoed with credentials. */
export const corsForAnyOrigin: Mutation = async (exchange, forward) => {
  const reply = await forward();
  const origin = exchange.headers.get('origin');
  if (!origin) return reply;
  const headers = new Headers(reply.headers);
  headers.set('access-control-allow-origin', origin);
  headers.set('access-control-allow-credentials', 'true');
  return { ...reply, headers };
};

/** A server without a clock to move: the development API's clock route is gone. */
export const noClock: Mutation = async (exchange, forward) =>
  exchange.path.startsWith('/_mock/api/clock')
    ? {
        status: 404,
        headers: new Headers({ 'content-type': 'application/json' }),
        body: '{"error":"not_found","message":"No clock.","requestId":"req_x"}',
      }
    : forward();
