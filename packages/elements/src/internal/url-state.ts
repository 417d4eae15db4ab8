// The address bar can carry a magic-link token (`?va_token=` or `#va_token=`), the checkout
// return marker (`?va_checkout=success&session_id=…&va_gate=handle/page`), the buy marker of a
// sign-in link asked for by "Buy for …" (`?va_buy=handle/page`) and the mark of every sign-in link's
// return address (`?va_signed_in=1`). They are read once per page load,
// for every element at once, and removed at once with history.replaceState so that a reload, a
// bookmark or a shared URL never carries them. Reading a token never uses it: the elements ask for
// a click first (decision 0051). The names are the contract's (`RETURN_PARAMS`).
import { RETURN_PARAMS as P } from '@visitor-access/contract/lite';

/** What the address bar said when the first element looked. */
export interface UrlState {
  token?: string | undefined;
  checkout?:
    { outcome: 'success' | 'cancelled'; sessionId?: string | undefined; gate?: string | undefined } | undefined;
  /** `handle/page` of the purchase a sign-in link was asked for. */
  buy?: string | undefined;
  /**
   * The page was reached through a sign-in link's return address. The landing page sends the
   * visitor there only after its verify succeeded, so a session still missing here means the
   * browser did not keep (or does not send) the cookie: on another site, the landing page's
   * first-party cookie is not this page's (decision 0081).
   */
  signedIn?: boolean | undefined;
}

const PARAMS = Object.values(P);
let cached: UrlState | undefined;

/**
 * Reads and strips the markers. Every element upgraded in the same moment (one page load) gets the
 * same answer; a later navigation (single-page apps) is read afresh.
 */
export function takeUrlState(): UrlState {
  if (cached) return cached;
  cached = {};
  setTimeout(resetUrlState, 1000);
  if (typeof location === 'undefined') return cached;
  const url = new URL(location.href);
  const hash = new URLSearchParams(url.hash.replace(/^#/, ''));
  const token = url.searchParams.get(P.token) ?? hash.get(P.token);
  if (token) cached.token = token;
  cached.buy = url.searchParams.get(P.buy) ?? undefined;
  cached.signedIn = url.searchParams.get(P.signedIn) === '1';
  const outcome = url.searchParams.get(P.checkout);
  if (outcome === 'success' || outcome === 'cancelled') {
    cached.checkout = {
      outcome,
      sessionId: url.searchParams.get(P.sessionId) ?? undefined,
      gate: url.searchParams.get(P.gate) ?? undefined,
    };
  }
  if (PARAMS.some((p) => url.searchParams.has(p)) || hash.has(P.token)) {
    history.replaceState(history.state, '', cleanUrl(url));
  }
  return cached;
}

/** The URL without any of the markers. */
export function cleanUrl(input: string | URL = location.href): string {
  const url = new URL(input);
  for (const p of PARAMS) url.searchParams.delete(p);
  const hash = new URLSearchParams(url.hash.replace(/^#/, ''));
  if (hash.has(P.token)) {
    hash.delete(P.token);
    url.hash = hash.toString();
  }
  return url.href;
}

/** This page's address for a sign-in link that should go on to buy `gate` (`handle/page`). */
export function buyUrl(gate: string): string {
  const url = new URL(cleanUrl());
  url.searchParams.set(P.buy, gate);
  return url.href;
}

/** The return address of a sign-in link: `returnTo` marked `va_signed_in=1` (see `UrlState.signedIn`). */
export function signInReturnUrl(returnTo: string): string {
  const url = new URL(returnTo);
  url.searchParams.set(P.signedIn, '1');
  return url.href;
}

/** @internal For tests: forget what was read so the next element reads the address bar again. */
export function resetUrlState(): void {
  cached = undefined;
}
