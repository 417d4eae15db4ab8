import type { AccessCheckResponse } from '@visitor-access/contract';
import { sharedClient } from './client.js';
import type { VisitorAccessClient } from './client.js';
import { checkAccess } from './purchase.js';

// The script-tag bundles start the access check of every <paywall-gate> already in the page as soon
// as they run, before the elements are defined and rendered; the gate then takes that answer instead
// of asking again (decision 0090). Each answer is taken once: any later check is a new request.

const early = new Map<VisitorAccessClient, Map<string, Promise<AccessCheckResponse>>>();

/** Starts the access check of every gate in `root` that has a handle, a page and an API base. */
export function startEarlyChecks(root: ParentNode = document): void {
  // Back from checkout, the gate polls for the payment instead: an early answer would go unused.
  // Another copy of a bundle defined the gate already: its elements would never take these answers.
  if (/[?&]va_checkout=success/.test(location.search) || customElements.get('paywall-gate')) return;
  for (const gate of root.querySelectorAll('paywall-gate')) {
    const handle = gate.getAttribute('handle');
    const page = gate.getAttribute('page');
    const client = sharedClient(gate.getAttribute('api-base') ?? undefined);
    if (!handle || !page || !client) continue;
    let checks = early.get(client);
    if (!checks) early.set(client, (checks = new Map()));
    const key = `${handle}/${page}`;
    if (checks.has(key)) continue;
    const check = checkAccess(client, handle, page);
    // Never an unhandled rejection: the gate that takes it handles the error; an untaken one is dropped.
    check.catch(() => undefined);
    checks.set(key, check);
  }
}

/** The access check started early for this client, handle and page, if any; taken only once. */
export function takeEarlyCheck(
  client: VisitorAccessClient,
  handle: string,
  page: string,
): Promise<AccessCheckResponse> | undefined {
  const checks = early.get(client);
  const check = checks?.get(`${handle}/${page}`);
  checks?.delete(`${handle}/${page}`);
  return check;
}
