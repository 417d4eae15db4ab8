import { routeList, routes, type AuthKind } from '@visitor-access/contract';

/**
 * Which callers' routes the visitor proxy serves: everything but the creator's (JWT) routes.
 *
 * @example
 * ```ts
 * FORWARDED_AUTH.includes(routes.refund.auth); // false
 * ```
 */
export const FORWARDED_AUTH: readonly AuthKind[] = ['none', 'visitor', 'visitor-optional'];

/** One route the proxy forwards: a method and a path template split into segments. */
export interface ForwardedRoute {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly segments: readonly string[];
}

function compile(id: string, method: string, path: string): ForwardedRoute {
  return { id, method, path, segments: path.split('/').slice(1) };
}

/**
 * The routes the visitor proxy forwards, read from the contract's route table (never restated):
 * every route whose auth is `none`, `visitor` or `visitor-optional` — this includes the magic-link
 * landing `GET /_edge/visitor/access/t/{token}` — and, with `devMockCheckout`, the reference mock's
 * checkout page and its completion call.
 */
export function forwardedRoutes(devMockCheckout: boolean): ForwardedRoute[] {
  const list = routeList
    .filter((route) => FORWARDED_AUTH.includes(route.auth))
    .map((route) => compile(route.id, route.method, route.path));
  if (!list.some((route) => route.id === routes.magicLinkLanding.id)) {
    // The landing is required whatever its auth says, so that emailed links land on the site.
    const landing = routes.magicLinkLanding;
    list.push(compile(landing.id, landing.method, landing.path));
  }
  if (devMockCheckout) {
    list.push(compile('mockCheckoutPage', 'GET', '/_mock/checkout/{sessionId}'));
    list.push(compile('mockCheckoutComplete', 'POST', '/_mock/api/checkout/{sessionId}/complete'));
  }
  return list;
}

/** A matched route and the path to request upstream, each parameter re-encoded. */
export interface RouteMatch {
  route: ForwardedRoute;
  /** The path to send to the API (already encoded), e.g. `/v2/visitor/me`. */
  path: string;
}

// No documented parameter (handle, slug, token, session ID) holds a path separator or a control character.
// eslint-disable-next-line no-control-regex
const UNSAFE_PARAM = /[/\\\x00-\x1f\x7f]/;

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // Not valid percent-encoding: forwarded as text (its `%` encoded), for the API to refuse in its way.
    return segment;
  }
}

/**
 * Matches the part of a path after the prefix against the forwarded routes. Literal segments must be
 * equal as sent; a parameter is one non-empty segment, decoded once and encoded again with
 * `encodeURIComponent` (so an encoded `?` or `#` stays inside its segment); a parameter that decodes
 * to `.` or `..`, or holds `/`, `\` or a control character (in any spelling), is refused. Returns `undefined` for anything else.
 */
export function matchRoute(table: readonly ForwardedRoute[], method: string, rest: string): RouteMatch | undefined {
  if (!rest.startsWith('/')) return undefined;
  const parts = rest.split('/').slice(1);
  for (const route of table) {
    if (route.method !== method || route.segments.length !== parts.length) continue;
    let path = '';
    let ok = true;
    for (let i = 0; i < parts.length; i++) {
      const template = route.segments[i]!;
      const part = parts[i]!;
      if (template.startsWith('{')) {
        const value = decodeSegment(part);
        if (value === '' || value === '.' || value === '..' || value.length > 1024 || UNSAFE_PARAM.test(value)) {
          ok = false;
          break;
        }
        path += '/' + encodeURIComponent(value);
      } else if (template === part) {
        path += '/' + part;
      } else {
        ok = false;
        break;
      }
    }
    if (ok) return { route, path };
  }
  return undefined;
}
