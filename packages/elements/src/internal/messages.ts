import { apiOriginOf } from './client.js';
import type { VisitorAccessClient } from './client.js';
import { canKeepCookies, cookieTrouble, hostFixes } from './cookie-trouble.js';
import type { Failure } from './errors.js';
import { fill, formatWait } from './strings.js';
import type { Strings } from './strings.js';

/**
 * What to tell a visitor whose sign-in succeeded but whose browser did not keep the cookie: the
 * cause this page can see (cookies off, two loopback host names, an API on another site) and its
 * fix (decision 0054).
 */
export function cookieMessage(s: Strings, client: VisitorAccessClient | undefined): string {
  const api = client ? apiOriginOf(client) : '';
  const trouble = cookieTrouble(location.href, api, canKeepCookies());
  const text =
    trouble === 'host'
      ? s.errorCookiesHost
      : trouble === 'third-party'
        ? s.errorCookiesThirdParty
        : trouble === 'disabled'
          ? s.errorCookiesDisabled
          : s.errorCookies;
  return fill(text, {
    pageHost: location.host,
    apiHost: api ? new URL(api).host : '',
    ...hostFixes(location.href, api),
  });
}

/** What to tell a visitor about a failure: one plain sentence for each kind. */
export function failureMessage(s: Strings, failure: Failure, client: VisitorAccessClient | undefined): string {
  switch (failure.kind) {
    case 'network':
      return s.errorNetwork;
    case 'unavailable':
      return s.errorUnavailable;
    case 'rate_limited':
      return fill(s.errorRateLimited, { wait: formatWait(failure.retryAfter ?? 60, s) });
    case 'cookies_blocked':
      return cookieMessage(s, client);
    default:
      return s.errorGeneric;
  }
}
