import type { AccessCheckResponse, CheckoutResponse } from '@visitor-access/contract';
import { RETURN_PARAMS, sleep } from '@visitor-access/contract/lite';
import { baseOf } from './client.js';
import type { VisitorAccessClient } from './client.js';
import { takeEarlyCheck } from './early-check.js';
import { answer, read } from './shapes.js';
import { timing } from './timing.js';
import { cleanUrl } from './url-state.js';

// The purchase steps shared by <paywall-gate> and <group-buy-card> (which sells a page too).

const ACCESS =
  'hasAccess:boolean reason:string page.handle:string page.slug:string page.title:string page.mode:string page.price?:number page.currency?:string';

/** A page's access check, read defensively (decision 0036): a malformed answer throws. */
export function checkAccess(
  client: VisitorAccessClient,
  handle: string,
  page: string,
  signal?: AbortSignal,
): Promise<AccessCheckResponse> {
  return answer(client.pages.checkAccess(handle, page, { signal }), ACCESS);
}

/**
 * The access check the script-tag loader started for this page (early-check.ts), if any and if it
 * was answered well; otherwise the check again through the client, whose errors the gate knows.
 */
export function takeOrCheckAccess(
  client: VisitorAccessClient,
  handle: string,
  page: string,
  signal?: AbortSignal,
): Promise<AccessCheckResponse> {
  const base = baseOf(client);
  const early = base ? takeEarlyCheck(base, handle, page) : undefined;
  if (!early) return checkAccess(client, handle, page, signal);
  // Read already (early-check.ts): a settled answer draws the form in the chunk's first frame.
  return early
    .then((body) => read(body as AccessCheckResponse, ACCESS))
    .catch(() => checkAccess(client, handle, page, signal));
}

/**
 * Opens a checkout session that comes back to this page marked `va_gate=handle/page` (so only the
 * element that sells that page confirms the payment). Only an http(s) URL is ever returned,
 * whatever the server said.
 */
export function startCheckout(client: VisitorAccessClient, handle: string, page: string): Promise<CheckoutResponse> {
  const back = new URL(cleanUrl());
  back.searchParams.set(RETURN_PARAMS.gate, `${handle}/${page}`);
  return answer(client.pages.checkout(handle, page, { successUrl: back.href, cancelUrl: back.href }), 'url:url');
}

/**
 * Back from checkout: the access check again, at `timing.returnDelaysMs`, until the payment has
 * landed (or the answer is anything but "purchase required"). `undefined` when it never did.
 */
export async function awaitPayment(
  client: VisitorAccessClient,
  handle: string,
  page: string,
  signal: AbortSignal,
): Promise<AccessCheckResponse | undefined> {
  for (const delay of [0, ...timing.returnDelaysMs]) {
    if (delay) await sleep(delay, signal);
    try {
      const result = await checkAccess(client, handle, page, signal);
      if (result.hasAccess || result.reason !== 'purchase_required') return result;
    } catch (error) {
      if (signal.aborted) throw error;
      // Keep trying within the bound: the network may blink while the payment settles.
    }
  }
  return undefined;
}
