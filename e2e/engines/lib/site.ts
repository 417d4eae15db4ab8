// The system under test for the engine journeys: the standalone mock on port 0 and the demo site
// (examples/demo) on port 0, each on the host name a test asks for. Page and API on the same host
// name are the same site; `localhost` and `127.0.0.1` are two different sites to every engine; the
// names of hosts.ts are real-looking sites over https (`www.example.com` and `api.example.com` are one
// site, `api.example.net` another).
import type { MailboxMessage } from '@visitor-access/mock';
import { startServer, type RunningServer } from '@visitor-access/mock/server';
// @ts-expect-error -- plain ESM module of the demo
import { startDemo } from '@visitor-access/example-demo/serve';
import { isTestHost, startTlsFront, type Front } from '@visitor-access/tools/engines/hosts';

export interface SiteOptions {
  /** Host name of the page. Default `localhost`. A name of hosts.ts is served over https. */
  pageHost?: string;
  /** Host name of the API. Default `localhost` (same site as the page). */
  apiHost?: string;
  /** The mock's `SameSite=None; Secure` session cookie instead of `SameSite=Lax`. */
  crossSiteCookies?: boolean;
  /**
   * The production shape (`@visitor-access/server`): the page's own site serves the API under `/api`
   * and proxies it to the mock on its own host (127.0.0.1, another site, which the browser never
   * contacts); the mock's links and checkout are on the page's site (`--public-url {page}/api`).
   * `apiHost` is then the mock's address. The page must be a name of hosts.ts (https).
   */
  proxied?: boolean;
}

/** An email in the mock's mailbox, as its dev API lists it. */
export type Message = MailboxMessage;
/** A sign-in email: its link, token and code. */
export type SignInMail = Message & { link: string; token: string; code: string };

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

export interface Site {
  /** The demo site's base URL, e.g. `http://localhost:41234/`. */
  url: string;
  /** The API's origin as the pages use it, e.g. `http://localhost:41235`. */
  apiOrigin: string;
  api: RunningServer;
  /** An absolute URL on the demo site. */
  at(path: string): string;
  /** `host:port` of the page and of the API, as the gate names them. */
  pageHost: string;
  apiHost: string;
  /** Newest first, as the mock's mailbox holds them. */
  messagesTo(email: string): Promise<Message[]>;
  /** The newest sign-in email to `email`, waiting for it to arrive. */
  signInMail(email: string): Promise<SignInMail>;
  /** The mock's request log (`/v2` and `/_edge` requests), oldest first. */
  requests(): Promise<LoggedRequest[]>;
  /** Moves the mock's clock forward (the dev API's `/_mock/api/clock`). */
  advanceClock(ms: number): Promise<void>;
  /** A refund made in Stripe (the dev API), for the visitor with this email. */
  refund(email: string, page: string): Promise<void>;
  /** Another visitor, outside any browser, signs in (by code) and registers interest in a group buy. */
  interestFrom(email: string, groupBuy: string): Promise<void>;
  /** The creator activates a group buy (the dev API). */
  activateGroupBuy(slug: string): Promise<void>;
  close(): Promise<void>;
}

export async function startSite(options: SiteOptions = {}): Promise<Site> {
  const pageHost = options.pageHost ?? 'localhost';
  const apiHost = options.apiHost ?? 'localhost';
  const fronts: Front[] = [];
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  };
  try {
    // An API on a name of hosts.ts: TLS in front of the mock on 127.0.0.1, and the mock's public URL (links in
    // emails, its own origin) on the made-up name.
    let apiPort = 0;
    let apiOrigin: string;
    let api: RunningServer;
    let demoPort = 0;
    let url = '';
    if (options.proxied) {
      if (!isTestHost(pageHost)) throw new Error('a proxied site runs on a name of hosts.ts');
      const front = await startTlsFront(() => demoPort);
      closers.push(() => front.close());
      url = `https://${pageHost}:${front.port}/`;
      const siteUrl = new URL(url).origin;
      api = await startServer({ port: 0, host: '127.0.0.1', publicUrl: `${siteUrl}/api` });
      closers.push(() => api.close());
      apiOrigin = new URL(api.url).origin;
      const demo = await startDemo({ apiBase: api.url, port: 0, host: '127.0.0.1', siteUrl });
      closers.push(() => demo.close());
      demoPort = demo.port; // its url is the site's, on the TLS front
    } else if (isTestHost(apiHost)) {
      const front = await startTlsFront(() => apiPort);
      fronts.push(front);
      closers.push(() => front.close());
      apiOrigin = `https://${apiHost}:${front.port}`;
      api = await startServer({
        port: 0,
        host: '127.0.0.1',
        publicUrl: apiOrigin,
        crossSiteCookies: options.crossSiteCookies ?? false,
      });
      apiPort = Number(new URL(api.url).port);
    } else {
      api = await startServer({ port: 0, host: apiHost, crossSiteCookies: options.crossSiteCookies ?? false });
      apiOrigin = new URL(api.url).origin;
    }
    if (!options.proxied) {
      closers.push(() => api.close());
      // The pages talk to the API on its own host (the cookie tests measure exactly that).
      if (isTestHost(pageHost)) {
        const front = await startTlsFront(() => demoPort);
        closers.push(() => front.close());
        const demo = await startDemo({ apiBase: apiOrigin, port: 0, host: '127.0.0.1', sameSiteApi: false });
        closers.push(() => demo.close());
        demoPort = Number(new URL(demo.url).port);
        url = `https://${pageHost}:${front.port}/`;
      } else {
        const demo = await startDemo({ apiBase: apiOrigin, port: 0, host: pageHost, sameSiteApi: false });
        closers.push(() => demo.close());
        url = demo.url;
      }
    }

    // The mock allows any localhost and 127.0.0.1 origin; a creator's own domain must be listed
    // (CORS, and where sign-in links and checkout may send the visitor back to).
    const pageOrigin = new URL(url).origin;
    const dev = async (path: string, init?: RequestInit) => {
      const res = await fetch(new URL(path, api.url), {
        ...init,
        headers: { 'content-type': 'application/json', ...init?.headers },
      });
      if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${path} answered ${res.status}: ${await res.text()}`);
      return res.json() as Promise<any>;
    };
    if (isTestHost(pageHost)) {
      await dev('/_mock/api/handles/gharart', {
        method: 'PUT',
        body: JSON.stringify({ allowedOrigins: [pageOrigin] }),
      });
    }

    const site: Site = {
      url,
      apiOrigin,
      api,
      pageHost: new URL(url).host,
      apiHost: new URL(apiOrigin).host,
      at: (path) => new URL(path, url).href,
      async messagesTo(email) {
        return (await dev(`/_mock/api/messages?to=${encodeURIComponent(email)}`)).messages as Message[];
      },
      async signInMail(email) {
        const deadline = Date.now() + 5000;
        for (;;) {
          const mail = (await site.messagesTo(email)).find((m): m is SignInMail => !!(m.token && m.code && m.link));
          if (mail) return mail;
          if (Date.now() > deadline) throw new Error(`no sign-in email to ${email}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      },
      async requests() {
        const log = (await dev('/_mock/api/requests?limit=1000')).requests as LoggedRequest[];
        return log.slice().reverse();
      },
      async advanceClock(ms) {
        await dev('/_mock/api/clock', { method: 'POST', body: JSON.stringify({ advanceMs: ms }) });
      },
      async refund(email, page) {
        const visitor = [...api.store.visitors.values()].find((v) => v.email === email);
        if (!visitor) throw new Error(`no visitor ${email} in the mock`);
        await dev('/_mock/api/stripe-refund', {
          method: 'POST',
          body: JSON.stringify({ handle: 'gharart', pageSlug: page, visitorId: visitor.id }),
        });
      },
      async interestFrom(email, groupBuy) {
        // Through the public API, as a visitor on another device would: a link, its code, the cookie.
        const call = (path: string, body: unknown, cookie = '') =>
          fetch(new URL(path, api.url), {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: pageOrigin, cookie },
            body: JSON.stringify(body),
          });
        const asked = await call('/v2/visitor/auth/magic-link', { email });
        if (!asked.ok) throw new Error(`magic link for ${email}: ${asked.status}`);
        const { code } = await site.signInMail(email);
        const verified = await call('/v2/visitor/auth/verify', { email, code });
        const cookie = (verified.headers.get('set-cookie') ?? '').split(';')[0]!;
        if (!verified.ok || !cookie) throw new Error(`verify for ${email}: ${verified.status}`);
        const interest = await call(`/v2/public/group-buys/gharart/${groupBuy}/interest`, {}, cookie);
        if (!interest.ok) throw new Error(`interest of ${email}: ${interest.status} ${await interest.text()}`);
      },
      async activateGroupBuy(slug) {
        await dev(`/_mock/api/group-buys/gharart/${slug}/activate`, { method: 'POST', body: '{}' });
      },
      close: closeAll,
    };
    return site;
  } catch (error) {
    await closeAll();
    throw error;
  }
}

let counter = 0;
/** A fresh address per test, so the mock's per-email limits never carry over. */
export function uniqueEmail(label: string): string {
  return `${label}-${process.pid}-${Date.now().toString(36)}-${++counter}@example.com`;
}
