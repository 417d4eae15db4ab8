// What a scenario gets: the server (as HTTP), the development API when the server has one, the data to
// work on (the target), and helpers for the steps most checks share — a fresh visitor, a sign-in through
// the mailbox, a purchase through the fake checkout.
import { buildPath, routes, SESSION_COOKIE, type RouteId } from '@visitor-access/contract';
import { ensure, expectStatus, expectSuccess, fail, skip } from './expect.js';
import { CookieJar, describe, type Answer, type Http, type SendOptions } from './http.js';

/** A page of the server: creator handle and slug. */
export interface PageRef {
  handle: string;
  slug: string;
}

/**
 * The data the checks work on. With a development API the kit creates its own (fresh handles and pages
 * under a per-run name); otherwise these name existing data, by default the product spec's fixture.
 */
export interface Target {
  /** A creator with Stripe connected, owning the pages below. */
  handle: string;
  /** An origin `handle` allows (CORS, redirect URLs); the checks that need one skip without it. */
  origin?: string | undefined;
  /** Slugs of `handle`'s pages, one per access mode, plus one that exists but is unpublished. */
  publicPage: string;
  freePage: string;
  paidPage: string;
  unpublishedPage: string;
  /** A PAID page of a creator who has not connected Stripe. */
  unconnectedPage: PageRef;
  /** A group buy that is collecting interest. */
  groupBuy: PageRef;
  /**
   * A second creator with its own allowed origin and a FREE_WITH_LOGIN page, for the check that access
   * lists are scoped to the asking creator's origin. Only known when the kit made it.
   */
  second?: { handle: string; origin: string; freePage: string } | undefined;
}

/**
 * The product spec's default fixture, which the reference mock starts with: the data the checks use when
 * the kit cannot make its own.
 *
 * @example
 * ```ts
 * await runConformance({ baseUrl, devApi: false, target: { ...DEFAULT_TARGET, handle: 'my-test-creator' } });
 * ```
 */
export const DEFAULT_TARGET: Target = {
  handle: 'gharart',
  publicPage: 'welcome',
  freePage: 'members-lounge',
  paidPage: 'masterclass',
  unpublishedPage: 'draft-notes',
  unconnectedPage: { handle: 'no-connect', slug: 'premium' },
  groupBuy: { handle: 'gharart', slug: 'spring-bundle' },
};

/** What the server lets the kit do beyond the public API. */
export interface Capabilities {
  /** Read sign-in emails (`GET {devApi}/messages?to=`). */
  mailbox: boolean;
  /** Move the server's clock (`POST {devApi}/clock`). */
  clock: boolean;
  /** Pay or cancel a checkout session (`POST {devApi}/checkout/{id}/complete`). */
  payments: boolean;
  /** Create handles and pages (`PUT {devApi}/handles/…`, `PUT {devApi}/pages/…`). */
  fixtures: boolean;
  /** A creator JWT for the target handle is known. */
  creatorToken: boolean;
}

/** A requirement a scenario states; missing ones skip it with the matching reason. */
export type Need = keyof Capabilities | 'origin' | 'secondCreator';

/**
 * Why a scenario with this need is skipped when the server lacks it (the text of the skip).
 *
 * @example
 * ```ts
 * NEED_REASONS.clock; // 'the server offers no clock to move (…)'
 * ```
 */
export const NEED_REASONS: Record<Need, string> = {
  mailbox: 'no mailbox to read sign-in emails from (pass --dev-api, or run against the reference mock)',
  clock: 'the server offers no clock to move (the reference mock has POST /_mock/api/clock)',
  payments: 'no way to pay a checkout session (the reference mock completes them through its development API)',
  fixtures: 'no development API to create pages with',
  creatorToken: 'no creator token (pass --creator-token, or run against a server whose development API issues one)',
  origin: "no origin the creator allows is known (pass --origin with one of the handle's allowed origins)",
  secondCreator:
    'needs two creators with their own allowed origins, which the kit only makes through a development API',
};

/**
 * What the kit checks: `api` (the default) is the platform API itself, called cross-origin from a creator's
 * site; `site-proxy` is the same API served under a site's own origin by a same-site proxy such as
 * `@visitor-access/server` (`--base-url https://site/api`).
 */
export type Profile = 'api' | 'site-proxy';

/** The profiles, the default first. */
export const PROFILES: readonly Profile[] = ['api', 'site-proxy'];

/**
 * A premise of a check that the API shares but a profile may not: a scenario states the premises it rests
 * on, and under a profile that lacks one it is reported as not applicable, with the reason (never dropped).
 */
export type Premise = 'creatorRoute' | 'cors' | 'callerOrigin';

/**
 * Why a check resting on this premise does not apply to a same-site proxy, and which check of the
 * `site-proxy` profile checks the proxy's own documented behaviour instead.
 *
 * @example
 * ```ts
 * PREMISE_REASONS.cors; // 'a same-origin API sends no CORS headers and answers no preflight (…)'
 * ```
 */
export const PREMISE_REASONS: Record<Premise, string> = {
  creatorRoute:
    'the creator route (refund) is a server-to-server call to the API with the creator JWT, which a same-site proxy never forwards (proxy.creator-route checks its 404)',
  cors: 'a same-origin API sends no CORS headers and answers no preflight (proxy.no-cors checks that)',
  callerOrigin:
    "a same-site proxy sends the site's own Origin up, never the caller's, so a caller cannot choose the access list's scope (proxy.origin-not-forwarded checks that)",
};

/** The premises each profile does not share (the default shares all). */
export const PROFILE_LACKS: Record<Profile, readonly Premise[]> = {
  api: [],
  'site-proxy': ['creatorRoute', 'cors', 'callerOrigin'],
};

/** The text of a not-applicable check's skip: `not applicable to the site-proxy profile: <reason>`. */
export function notApplicableReason(profile: Profile, premise: Premise): string {
  return `not applicable to the ${profile} profile: ${PREMISE_REASONS[premise]}`;
}

/** One message of the development mailbox. */
export interface MailMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  link?: string;
  token?: string;
  code?: string;
  sentAt: string;
}

/**
 * The reference mock's development API (`/_mock/api`), as far as the checks use it.
 *
 * @example
 * ```ts
 * const [newest] = await ctx.dev!.messages('buyer@example.com'); // inside a scenario
 * ```
 */
export class DevApi {
  constructor(
    private readonly http: Http,
    readonly baseUrl: string,
  ) {}

  send(method: string, path: string, options: SendOptions = {}): Promise<Answer> {
    return this.http.send(method, this.baseUrl + path, options);
  }

  async messages(to: string): Promise<MailMessage[]> {
    const answer = await this.send('GET', `/messages?to=${encodeURIComponent(to)}`);
    expectStatus(answer, 200, 'reading the development mailbox');
    ensure(
      Array.isArray(answer.body?.messages),
      `the development mailbox answered no messages list: ${describe(answer)}`,
    );
    return answer.body.messages as MailMessage[];
  }

  /** The clock's time, in ms. */
  async now(): Promise<number> {
    const answer = await this.send('GET', '/clock');
    expectStatus(answer, 200, 'reading the clock');
    const now = Date.parse(answer.body?.now);
    ensure(Number.isFinite(now), `the clock answered no time: ${describe(answer)}`);
    return now;
  }

  async advanceClock(ms: number): Promise<void> {
    const answer = await this.send('POST', '/clock', { json: { advanceMs: ms } });
    expectStatus(answer, 200, 'moving the clock');
  }

  async complete(sessionId: string, outcome: 'paid' | 'cancelled'): Promise<void> {
    const answer = await this.send('POST', `/checkout/${encodeURIComponent(sessionId)}/complete`, {
      json: { outcome },
    });
    expectStatus(answer, 200, `completing checkout ${sessionId} as ${outcome}`);
  }
}

/**
 * One simulated browser: its own cookie jar, so that each visitor of a check has its own session.
 *
 * @example
 * ```ts
 * const visitor = await ctx.signIn('buyer'); // inside a scenario
 * await visitor.send('GET', ctx.path('me'));
 * ```
 */
export class Visitor {
  readonly jar = new CookieJar();
  /** The visitor's ID once signed in. */
  id: string | undefined;
  constructor(
    private readonly http: Http,
    readonly email: string,
  ) {}

  send(method: string, path: string, options: SendOptions = {}): Promise<Answer> {
    return this.http.send(method, path, { ...options, jar: this.jar });
  }

  /** The session cookie's value, if the visitor holds one. */
  get session(): string | undefined {
    return this.jar.get(SESSION_COOKIE);
  }
}

/** Everything a scenario can use. */
export interface ScenarioContext {
  /** The API under test. */
  http: Http;
  /** What is checked: the API itself (`api`, the default) or the API through a same-site proxy. */
  profile: Profile;
  /** The development API, when the server has one. */
  dev: DevApi | undefined;
  target: Target;
  capabilities: Capabilities;
  /** A creator JWT for `target.handle`, when known (else the scenario is skipped by its needs). */
  creatorToken: string | undefined;
  /** Unique per run: `conf-<run>-<label>-<n>`. */
  unique(label: string): string;
  /** A fresh email address, unique per run. */
  email(label: string): string;
  /** A new browser with no cookies. */
  anonymous(label?: string): Visitor;
  /** A new visitor signed in through the emailed link (needs the mailbox). */
  signIn(label?: string, email?: string): Promise<Visitor>;
  /** Asks for a sign-in email and waits for it (needs the mailbox). */
  requestSignIn(email: string, extra?: Record<string, unknown>): Promise<MailMessage>;
  /** A PAID page no one has bought: made fresh when the kit can, else the target's. */
  paidPage(): Promise<PageRef>;
  /** Success and cancel URLs on the creator's allowed origin (skips without one). */
  redirectUrls(): { successUrl: string; cancelUrl: string };
  /** Buys `page` for `visitor` through checkout and the fake Stripe page (needs payments). */
  buy(visitor: Visitor, page: PageRef): Promise<void>;
  /** The path of a route with its parameters filled in. */
  path(route: RouteId, params?: Record<string, string>): string;
  /** The server's current time (its clock when it has one, else its Date header, else ours). */
  serverNow(answer?: Answer): Promise<number>;
  /** Runs `fn` after the scenario, pass or fail (undo what it changed). */
  defer(fn: () => Promise<unknown> | unknown): void;
  /** Skips the scenario. */
  skip(reason: string): never;
}

/** A named check of documented behaviour. */
export interface Scenario {
  /** Stable, dotted: `auth.link.single-use`. */
  id: string;
  /** The documented behaviour, as one sentence. */
  title: string;
  /** Where it is documented. */
  source: 'spec' | 'product-spec' | 'decisions-2026-12-01';
  /**
   * The routes whose behaviour it checks (contract route ids). A sweep that sends one request to every
   * route (`wire.request-id`) names none, so every route needs a scenario of its own.
   */
  routes: RouteId[];
  /** What the server must offer beyond the public API; without it the check is skipped. */
  needs?: Need[];
  /**
   * What the check rests on that a profile may not share (see {@link PROFILE_LACKS}); under a profile
   * that lacks one, the check is reported as not applicable with {@link PREMISE_REASONS}' reason.
   */
  premises?: Premise[];
  run(ctx: ScenarioContext): Promise<void>;
}

/** Declares a scenario (for type inference). */
export function scenario(definition: Scenario): Scenario {
  return definition;
}

/** Builds the path of a route. */
export function routePath(route: RouteId, params: Record<string, string> = {}): string {
  return buildPath(routes[route].path, params);
}

/** Checks out `page` and answers the checkout session (expects success). */
export async function startCheckout(
  ctx: ScenarioContext,
  visitor: Visitor,
  page: PageRef,
): Promise<{ url: string; sessionId: string }> {
  const answer = await visitor.send('POST', ctx.path('checkout', { handle: page.handle, pageSlug: page.slug }), {
    json: ctx.redirectUrls(),
  });
  return expectSuccess(answer, 'checkout', `checkout of ${page.handle}/${page.slug}`);
}

/** Where the access check stands for a visitor (expects a 200). */
export async function accessOf(
  ctx: ScenarioContext,
  visitor: Visitor,
  page: PageRef,
): Promise<{ hasAccess: boolean; reason: string; page: Record<string, unknown> }> {
  const answer = await visitor.send('POST', ctx.path('checkAccess', { handle: page.handle, pageSlug: page.slug }));
  return expectSuccess(answer, 'checkAccess', `access check of ${page.handle}/${page.slug}`);
}

/** The visitor's access list (expects a 200). */
export async function accessList(
  ctx: ScenarioContext,
  visitor: Visitor,
  headers: Record<string, string> = {},
): Promise<{ items: { handle: string; slug: string; accessType: string; status: string; revokedAt?: string }[] }> {
  const answer = await visitor.send('GET', ctx.path('listAccess'), { headers });
  return expectSuccess(answer, 'listAccess', 'access list');
}

/** Fails unless `answer` carries no session cookie for the visitor. */
export function expectNoSessionCookie(answer: Answer, what: string): void {
  const sets = answer.setCookies.some((line) => {
    const [pair = ''] = line.split(';');
    return pair.trim().startsWith(`${SESSION_COOKIE}=`) && pair.trim().length > SESSION_COOKIE.length + 1;
  });
  if (sets) fail(`${what}: ${describe(answer)} set a session cookie`);
}

export { skip };
