// The mail-scanner simulator behind `POST /_mock/api/scan` (product-spec.md): security gateways
// (Microsoft Defender Safe Links, Proofpoint, Mimecast, Barracuda…) open every link of an incoming email
// before the person does — HEAD, then GET, following redirects, with a browser-like User-Agent and no
// cookies. A sign-in link must survive that: the landing page never signs anyone in on a GET.
import type { MessageRecord } from './records.js';

/**
 * The User-Agent of the simulated scanner: browser-like, as the gateways' is, and marked so that a
 * request log shows who it was.
 */
export const SCANNER_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 VisitorAccessMockScanner/1.0';

/** How long the scanner waits for one answer (a link to a site that does not answer fails alone). */
export const SCAN_TIMEOUT_MS = 5000;

/** One request the scanner made. */
export interface ScanRequest {
  method: 'HEAD' | 'GET';
  url: string;
  /** The final status after redirects; absent when nothing answered. */
  status?: number;
  /** Where the redirects ended, when they moved the request. */
  finalUrl?: string;
  /** Whether the (final) answer tried to set a cookie. Browsers hide this header: always false there. */
  setCookie: boolean;
  /** Why nothing answered (timeout, refused…). */
  error?: string;
}

/** What `POST /_mock/api/scan` answers. */
export interface ScanResult {
  /** Every link of the message, in order, each fetched with HEAD and GET. */
  scanned: string[];
  /** The requests, in the order they were made. */
  requests: ScanRequest[];
}

/**
 * Every http(s) link of a message, in order of appearance, without repeats: the sign-in link, and any
 * other link the text carries (a group buy's offer page).
 *
 * @example
 * ```ts
 * linksOf({ link: 'http://localhost:4010/_edge/visitor/access/t/abc', text: 'Click: http://localhost:4010/_edge/visitor/access/t/abc' });
 * // ['http://localhost:4010/_edge/visitor/access/t/abc']
 * ```
 */
export function linksOf(message: Pick<MessageRecord, 'link' | 'text'>): string[] {
  const found = [...(message.text.match(/https?:\/\/[^\s<>"'`]+/g) ?? [])].map((u) => u.replace(/[.,;:!?)\]]+$/, ''));
  if (message.link) found.unshift(message.link);
  return [...new Set(found.filter((u) => URL.canParse(u)))];
}

/** How much of one answer the scanner reads (a gateway judges a page by its start). */
export const SCAN_MAX_BYTES = 1024 * 1024;
/** How many redirects the scanner follows from one link. */
export const SCAN_MAX_REDIRECTS = 5;

/** Options of {@link scanLinks}. */
export interface ScanOptions {
  /**
   * The URLs the scanner may request: in the mock, its public URL's origin and the handles' allowed
   * origins. A link or a redirect anywhere else is not requested, and nothing about it is reported beyond
   * that it was not followed (the scanner is no probe of other ports or hosts). Default: any.
   */
  allowed?: (url: URL) => boolean;
  fetchImpl?: typeof fetch;
}

/** Reads at most `max` bytes of a body, then lets the rest go (the connection is closed, not drained). */
async function readCapped(response: Response, max: number): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) return;
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
      if (read >= max) break;
    }
  } catch {
    return;
  }
  await reader.cancel().catch(() => undefined);
}

const NOT_FOLLOWED = "not followed: outside the mock's public URL and the handles' allowed origins";

async function fetchAs(
  method: 'HEAD' | 'GET',
  url: string,
  fetchImpl: typeof fetch,
  allowed: (url: URL) => boolean,
): Promise<ScanRequest> {
  let current = new URL(url);
  if (!allowed(current)) return { method, url, setCookie: false, error: NOT_FOLLOWED };
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetchImpl(current, {
        method,
        // Redirects are followed here, one by one, so that each target is checked before it is requested.
        redirect: 'manual',
        // No cookies: a scanner is nobody's browser.
        credentials: 'omit',
        headers: {
          'user-agent': SCANNER_USER_AGENT,
          accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
        },
        signal: AbortSignal.timeout(SCAN_TIMEOUT_MS),
      });
      const cookies = typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : [];
      const setCookie = cookies.length > 0 || response.headers.has('set-cookie');
      const moved = current.href !== new URL(url).href ? { finalUrl: current.href } : {};
      // A browser (the service worker's mock) hides where a redirect goes: it cannot be checked, so not followed.
      if (response.type === 'opaqueredirect') {
        return { method, url, ...moved, setCookie, error: 'not followed: the browser hides where the redirect goes' };
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel().catch(() => undefined);
        const next = URL.canParse(location, current) ? new URL(location, current) : undefined;
        if (!next || !allowed(next))
          return { method, url, status: response.status, ...moved, setCookie, error: NOT_FOLLOWED };
        if (hop >= SCAN_MAX_REDIRECTS) {
          return { method, url, status: response.status, ...moved, setCookie, error: 'too many redirects' };
        }
        current = next;
        continue;
      }
      // Scanners read what they fetch (to judge it): the start of it, never all of a large answer.
      await readCapped(response, SCAN_MAX_BYTES);
      return { method, url, status: response.status, ...moved, setCookie };
    }
  } catch (cause) {
    const e = cause as Error & { cause?: { code?: string; message?: string } };
    return { method, url, setCookie: false, error: e.cause?.code ?? e.cause?.message ?? e.message };
  }
}

/**
 * Fetches every link the way a mail scanner does: HEAD, then GET, following redirects, one link after
 * another, reading at most {@link SCAN_MAX_BYTES} of each answer. Only URLs `options.allowed` accepts are
 * requested (redirects included).
 *
 * @example
 * ```ts
 * const { scanned, requests } = await scanLinks(['http://localhost:4010/_edge/visitor/access/t/abc'], {
 *   allowed: (url) => url.origin === 'http://localhost:4010',
 * });
 * ```
 */
export async function scanLinks(urls: string[], options: ScanOptions = {}): Promise<ScanResult> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const allowed = options.allowed ?? (() => true);
  const requests: ScanRequest[] = [];
  for (const url of urls) {
    requests.push(await fetchAs('HEAD', url, fetchImpl, allowed));
    requests.push(await fetchAs('GET', url, fetchImpl, allowed));
  }
  return { scanned: urls, requests };
}
