// Helpers for the browser tests: the mock's development API, sign-in without the UI, and
// waiting for what a visitor would see.
import { expect, inject } from 'vitest';
import { createClient } from '@visitor-access/sdk';
import { resetUrlState } from '../src/internal/url-state.js';
import { timing } from '../src/internal/timing.js';

export const apiBase = inject('apiBase');

let counter = 0;
/** A unique email per test, so throttles and mailboxes never collide. */
export const uniqueEmail = (name = 'visitor') => `${name}-${Date.now().toString(36)}-${++counter}@example.com`;

/** Calls the mock's development API. */
export async function dev<T = unknown>(
  path: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
): Promise<T> {
  const response = await fetch(`${apiBase}/_mock/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The newest sign-in email for an address. */
export async function latestMessage(email: string): Promise<{ token: string; code: string; link: string }> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const { messages } = await dev<{ messages: Array<{ token: string; code: string; link: string }> }>(
      `/messages?to=${encodeURIComponent(email)}`,
    );
    if (messages[0]?.token) return messages[0];
    if (Date.now() > deadline) throw new Error(`no email for ${email}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Signs the browser in (sets the cookie) without any element. */
export async function signInDirectly(email: string): Promise<void> {
  const post = (path: string, body: unknown) =>
    fetch(`${apiBase}${path}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await post('/v2/visitor/auth/magic-link', { email });
  const { token } = await latestMessage(email);
  const response = await verifyToken(token);
  if (!response.ok) throw new Error(`verify failed: ${response.status}`);
}

/**
 * Verifies a magic-link token outside any element or SDK client, as another device or a plain link
 * click would. With `setCookie: false` the token is used up but this browser stays signed out.
 */
export function verifyToken(token: string, { setCookie = true } = {}): Promise<Response> {
  return fetch(`${apiBase}/v2/visitor/auth/verify`, {
    method: 'POST',
    credentials: setCookie ? 'include' : 'omit',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
}

/** Signs the browser out (clears the cookie). */
export async function signOutDirectly(): Promise<void> {
  await fetch(`${apiBase}/v2/visitor/auth/logout`, { method: 'POST', credentials: 'include' });
}

/** A fresh client, as another tab would have. */
export const freshClient = () => createClient({ baseUrl: apiBase });

/** Resets everything a test may have touched. */
export async function resetAll(): Promise<void> {
  document.body.replaceChildren();
  await signOutDirectly();
  // No global /_mock/api/reset here: test files run in parallel against one mock, so each test
  // uses its own emails (uniqueEmail) and, where it changes a page, its own page (uniquePage).
  localStorage.clear();
  resetUrlState();
  history.replaceState(null, '', location.pathname);
  timing.resendCooldownMs = 30_000;
  timing.pollStartMs = 100;
  timing.pollMaxMs = 200;
  timing.pollForMs = 15 * 60_000;
  timing.returnDelaysMs = [100, 100, 100, 100, 100, 100, 100, 100, 100, 100];
}

/** Waits until `check` returns a truthy value (bounded), and returns it. */
export async function waitFor<T>(check: () => T | Promise<T>, what = 'condition', ms = 8000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Mounts markup in the body and returns the first element matching `selector`. */
export function mount<T extends Element>(markup: string, selector: string): T {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  return host.querySelector<T>(selector)!;
}

/** The visible text of an element's shadow root (whitespace collapsed). */
export function shadowText(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A query inside a shadow root. */
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return el.shadowRoot?.querySelector<T>(selector) ?? null;
}

/** Types into a field the way a person would (value + input event). */
export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Waits for a gate's `state` attribute. */
export const waitForState = (el: Element, state: string) =>
  waitFor(() => el.getAttribute('state') === state, `state ${state} (now ${el.getAttribute('state')})`);

/** Puts markers in the address bar, as a redirect or an email link would, before mounting. */
export function setUrl(url: string): void {
  history.replaceState(null, '', url);
  resetUrlState();
}

/** Creates a page of its own for one test (so parallel test files never share its state). */
export async function uniquePage(
  mode: 'PUBLIC' | 'FREE_WITH_LOGIN' | 'PAID',
  extra: { title?: string; price?: number; currency?: string } = {},
): Promise<string> {
  const slug = `t-${Date.now().toString(36)}-${++counter}`;
  await dev(`/pages/gharart/${slug}`, { title: `Test page ${slug}`, mode, ...extra }, 'PUT');
  return slug;
}

/**
 * Adds a `<script>` with these attributes to the head, as a creator's page loads a bundle, and
 * resolves once it has run. Rejects when its `src` does not load: the dist is not built.
 */
export function addScript(attrs: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    for (const [k, v] of Object.entries(attrs)) script.setAttribute(k, v);
    script.onload = () => resolve();
    script.onerror = () =>
      reject(new Error(`${attrs.src} did not load: run \`npm run build -w @visitor-access/elements\` first`));
    document.head.append(script);
  });
}

/**
 * Fails, naming each rule and the markup it found, when axe finds accessibility violations in `el`.
 * axe-core is loaded on first use, so that the files that never call this do not load it.
 */
export async function noAxeViolations(el: Element): Promise<void> {
  const { default: axe } = await import('axe-core');
  const result = await axe.run(el, { resultTypes: ['violations'] });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

/** Types `email` into the element's sign-in form and submits it, then waits for the code field. */
export async function askForCode(el: Element, email = uniqueEmail()): Promise<string> {
  $<HTMLInputElement>(el, 'input[name=email]')!.value = email;
  $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
  await waitFor(() => $(el, 'input[name=code]'), 'the code field');
  return email;
}
