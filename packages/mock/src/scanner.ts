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

async function fetchAs(method: 'HEAD' | 'GET', url: string, fetchImpl: typeof fetch): Promise<ScanRequest> {
  try {
    const response = await fetchImpl(url, {
      method,
      redirect: 'follow',
      // No cookies: a scanner is nobody's browser.
      credentials: 'omit',
      headers: {
        'user-agent': SCANNER_USER_AGENT,
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      },
      signal: AbortSignal.timeout(SCAN_TIMEOUT_MS),
    });
    // Scanners read what they fetch (to judge it); reading also frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    const cookies = typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : [];
    return {
      method,
      url,
      status: response.status,
      ...(response.redirected ? { finalUrl: response.url } : {}),
      setCookie: cookies.length > 0 || response.headers.has('set-cookie'),
    };
  } catch (cause) {
    const e = cause as Error & { cause?: { code?: string; message?: string } };
    return { method, url, setCookie: false, error: e.cause?.code ?? e.cause?.message ?? e.message };
  }
}

/**
 * Fetches every link the way a mail scanner does: HEAD, then GET, following redirects, one link after
 * another.
 *
 * @example
 * ```ts
 * const { scanned, requests } = await scanLinks(['http://localhost:4010/_edge/visitor/access/t/abc']);
 * ```
 */
export async function scanLinks(urls: string[], fetchImpl: typeof fetch = fetch): Promise<ScanResult> {
  const requests: ScanRequest[] = [];
  for (const url of urls) {
    requests.push(await fetchAs('HEAD', url, fetchImpl));
    requests.push(await fetchAs('GET', url, fetchImpl));
  }
  return { scanned: urls, requests };
}
