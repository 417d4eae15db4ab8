import type { createClient as CreateClient } from '@visitor-access/sdk/lite';
import { BASE } from './lazy-client.js';
import { createClient } from './sdk.js';
import { isApiBase } from './setup.js';
import type { SetupProblem } from './setup.js';

/** The SDK client the elements use. */
export type VisitorAccessClient = ReturnType<typeof CreateClient>;

let defaultApiBase: string | undefined;
/** A `data-api-base` (or `setDefaultApiBase`) value that is not an API address. */
let invalidDefault: string | undefined;
const clients = new Map<string, VisitorAccessClient>();

/**
 * Sets the API base used by elements without an `api-base` attribute. The script-tag bundle
 * calls it with its `data-api-base`.
 *
 * @example
 * ```ts
 * import { setDefaultApiBase } from '@visitor-access/elements';
 * setDefaultApiBase('https://api.example.com');
 * ```
 */
export function setDefaultApiBase(url: string | undefined): void {
  const value = url?.trim() || undefined;
  const valid = value === undefined || isApiBase(value);
  defaultApiBase = valid ? value : undefined;
  invalidDefault = valid ? undefined : value;
  for (const listener of listeners) listener();
}

const listeners = new Set<() => void>();
/** @internal */
export function onDefaultApiBaseChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The SDK client of an API base, shared by every element of the page that uses that base, so
 * that a sign-in seen by one element is seen by all.
 *
 * @example
 * ```ts
 * const client = sharedClient('http://localhost:4010');
 * ```
 */
export function sharedClient(apiBase: string | undefined): VisitorAccessClient | undefined {
  if (apiBase && !isApiBase(apiBase)) return undefined;
  const base = (apiBase?.trim() || defaultApiBase)?.replace(/\/+$/, '');
  if (!base) return undefined;
  let client = clients.get(base);
  if (!client) {
    client = createClient({ baseUrl: base });
    clients.set(base, client);
  }
  return client;
}

/** The API base of a client made here (`sharedClient`), or `undefined` for one a page made. */
export function baseOf(client: VisitorAccessClient): string | undefined {
  const base = (client as { [BASE]?: string })[BASE];
  if (base) return base;
  for (const [url, shared] of clients) if (shared === client) return url;
  return undefined;
}

/** The origin a client talks to (from a URL it builds without sending anything). */
export function apiOriginOf(client: VisitorAccessClient): string {
  return new URL(baseOf(client) ?? client.edge.landingUrl('x')).origin;
}

/**
 * @internal Why an element with this `api-base` has no client: its own attribute when set and not
 * an address, else the page's default (the script tag's `data-api-base`), invalid or missing.
 */
export function setupProblemOf(apiBase: string | undefined): SetupProblem {
  if (apiBase && !isApiBase(apiBase)) return { attribute: 'api-base', value: apiBase };
  return { attribute: 'data-api-base', value: invalidDefault };
}
