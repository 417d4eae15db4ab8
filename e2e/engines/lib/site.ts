// The system under test for the engine journeys: the standalone mock on port 0 and the demo site
// (examples/demo) on port 0, each on the host name a test asks for. Page and API on the same host
// name are the same site; `localhost` and `127.0.0.1` are two different sites to every engine.
import { startServer, type RunningServer } from '@visitor-access/mock/server';
// @ts-expect-error -- plain ESM module of the demo
import { startDemo } from '../../../examples/demo/serve.mjs';

export interface SiteOptions {
  /** Host name of the page. Default `localhost`. */
  pageHost?: 'localhost' | '127.0.0.1';
  /** Host name of the API. Default `localhost` (same site as the page). */
  apiHost?: 'localhost' | '127.0.0.1';
  /** The mock's `SameSite=None; Secure` session cookie instead of `SameSite=Lax`. */
  crossSiteCookies?: boolean;
}

export interface Message {
  to: string;
  subject: string;
  link?: string;
  token?: string;
  code?: string;
}

export interface Site {
  /** The demo site's base URL, e.g. `http://localhost:41234/`. */
  url: string;
  api: RunningServer;
  /** An absolute URL on the demo site. */
  at(path: string): string;
  /** Newest first, as the mock's mailbox holds them. */
  messagesTo(email: string): Promise<Message[]>;
  /** The newest sign-in email to `email`, waiting for it to arrive. */
  signInMail(email: string): Promise<Required<Pick<Message, 'link' | 'code' | 'token'>>>;
  /** Moves the mock's clock forward (the dev API's `/_mock/api/clock`). */
  advanceClock(ms: number): Promise<void>;
  /** A refund made in Stripe (the dev API), for the visitor with this email. */
  refund(email: string, page: string): Promise<void>;
  close(): Promise<void>;
}

export async function startSite(options: SiteOptions = {}): Promise<Site> {
  const api = await startServer({
    port: 0,
    host: options.apiHost ?? 'localhost',
    crossSiteCookies: options.crossSiteCookies ?? false,
  });
  let demo: { url: string; close(): Promise<void> };
  try {
    demo = await startDemo({ apiBase: api.url, port: 0, host: options.pageHost ?? 'localhost' });
  } catch (error) {
    await api.close();
    throw error;
  }
  const dev = async (path: string, init?: RequestInit) => {
    const res = await fetch(new URL(path, api.url), {
      ...init,
      headers: { 'content-type': 'application/json', ...init?.headers },
    });
    if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${path} answered ${res.status}: ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  const site: Site = {
    url: demo.url,
    api,
    at: (path) => new URL(path, demo.url).href,
    async messagesTo(email) {
      return (await dev(`/_mock/api/messages?to=${encodeURIComponent(email)}`)).messages as Message[];
    },
    async signInMail(email) {
      const deadline = Date.now() + 5000;
      for (;;) {
        const mail = (await site.messagesTo(email)).find((m) => m.token && m.code && m.link);
        if (mail) return mail as Required<Message>;
        if (Date.now() > deadline) throw new Error(`no sign-in email to ${email}`);
        await new Promise((r) => setTimeout(r, 50));
      }
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
    async close() {
      await demo.close();
      await api.close();
    },
  };
  return site;
}

let counter = 0;
/** A fresh address per test, so the mock's per-email limits never carry over. */
export function uniqueEmail(label: string): string {
  return `${label}-${process.pid}-${Date.now().toString(36)}-${++counter}@example.com`;
}
