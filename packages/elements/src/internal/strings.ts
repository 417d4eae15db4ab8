// The English strings in four blocks, so that a script with only `<paywall-gate>` carries none of
// the list's or the group buy's (decision 0090), and its first chunk only those of a gate's first
// states (decision 0153): the rest (`laterStrings`) are in `strings-later.ts`, which the script-tag
// build loads with the SDK. `docs.mjs` reads every entry from here to the end of `groupBuyStrings`,
// then `laterStrings`. The other languages are in `../locales/` (decision 0110).

import type { laterStrings } from './strings-later.js';

/**
 * @internal The strings of every element's first state: checking, the email form and its price,
 * the granted content, the network error and the setup error.
 */
export const sharedStrings = {
  checking: 'Checking your access…',
  // Signing in (any element).
  signInHeading: 'Sign in',
  signInIntro: 'We’ll email you a sign-in link and a 6-digit code. No password needed.',
  readFree: 'Sign in to read — free',
  emailLabel: 'Email address',
  emailInvalid: 'Enter a valid email address, like name@example.com.',
  honeypotLabel: 'Leave this field empty',
  sendLink: 'Email me a sign-in link',
  sending: 'Sending…',
  verifyingHeading: 'Signing you in…',
  // Buying.
  purchaseBody: 'One payment. Read it any time, on any device.',
  buyIntro: 'We’ll email you a link and a 6-digit code to confirm your address, then open checkout.',
  buy: 'Buy for {price}',
  buyNoPrice: 'Buy now',
  grantedAnnouncement: 'Access granted.',
  contentLoading: 'Loading the content…',
  contentFailed: 'The content could not be loaded. Check your connection and try again.',
  // Errors.
  errorHeading: 'Something went wrong',
  errorNetwork: 'We could not reach the server. Check your connection and try again.',
  // No API address, or one that is not an address: said to the site owner, in the element's place.
  setupHeading: 'Paywall not set up',
  setupMissing:
    'This page’s paywall is not set up: it has no API address. Site owner: add data-api-base="https://…" to the visitor-access script tag, or api-base="https://…" to this element.',
  setupInvalid:
    'This page’s paywall is not set up: {attribute}="{value}" is not an API address. Site owner: set {attribute} to the API’s https:// address.',
  retry: 'Try again',
} as const;

/** @internal `<visitor-access-list>`'s own strings. */
export const listStrings = {
  listHeading: 'Your access',
  listEmpty: 'Nothing here yet. Pages you sign in to or buy will appear here.',
  listSignedOut: 'Sign in to see the pages you have access to.',
  listResource: 'Resource',
  listType: 'Type',
  listStatus: 'Status',
  listGranted: 'Granted',
  listRevoked: 'Revoked',
  typePurchase: 'Purchase',
  typeFreeLogin: 'Free with sign-in',
  typeAllowlist: 'Invited',
  statusActive: 'Active',
  statusRefunded: 'Refunded',
  statusRevoked: 'Revoked',
} as const;

/** @internal `<group-buy-card>`'s own strings. */
export const groupBuyStrings = {
  groupProgress: '{count} of {target} interested',
  groupCollecting: 'Collecting interest',
  groupTargetReached: 'Target reached — the offer opens soon',
  groupActive: 'The offer is live',
  groupOwned: 'You bought this. It is in your access list.',
  interested: 'I’m interested',
  withdraw: 'Withdraw my interest',
  youAreInterested: 'You’re in. We’ll email you when the offer opens.',
  groupNotFound: 'This group buy does not exist.',
} as const;

/**
 * The keys of every replaceable string.
 *
 * @example
 * ```ts
 * const key: StringKey = 'signInHeading';
 * ```
 */
export type StringKey = keyof (typeof sharedStrings &
  typeof laterStrings &
  typeof listStrings &
  typeof groupBuyStrings);

/**
 * A full set of strings, or the part of one a host overrides.
 *
 * @example
 * ```ts
 * const fr: Partial<Strings> = { signInHeading: 'Connectez-vous pour continuer' };
 * ```
 */
export type Strings = Record<StringKey, string>;

/**
 * A language's strings, as shipped in `@visitor-access/elements/locales/<tag>`. A string whose
 * words follow a number is a plural message (`plural` in `locales/format.ts`): it reads as text, and
 * `fill` picks its form by `Intl.PluralRules` (decision 0111).
 *
 * @example
 * ```ts
 * import ja from '@visitor-access/elements/locales/ja';
 * const t: Translation = ja;
 * ```
 */
export type Translation = Strings;

// English comes first in every resolution (`resolveIn`); the registry holds only what hosts add.
const registry = new Map<string, Partial<Strings>>();
const listeners = new Set<() => void>();

/**
 * Registers strings for a language (BCP 47 tag such as `fr` or `pt-BR`). Elements whose `locale`
 * or `lang` matches pick them; missing keys fall back to the base language, then English.
 * Registering again merges, and elements already on the page re-render.
 *
 * @example
 * ```ts
 * import { registerStrings } from '@visitor-access/elements';
 * registerStrings('fr', { signInHeading: 'Connectez-vous pour continuer', sendLink: 'Recevoir un lien' });
 * ```
 */
export function registerStrings(lang: string, strings: Partial<Strings>): void {
  const key = lang.toLowerCase();
  registry.set(key, { ...registry.get(key), ...strings });
  for (const listener of listeners) listener();
}

/**
 * @internal Adds a shipped language under its base language (`pt` for `pt-BR`),
 * beneath whatever a host registered for it, before or after: `registerStrings` always wins.
 * Elements waiting for it render next; others are told by `registerLanguage`.
 */
export function addLanguage(lang: string, strings: Partial<Translation>): void {
  const key = lang.split('-')[0]!.toLowerCase();
  registry.set(key, { ...strings, ...registry.get(key) });
}

/** @internal Called when the registry changes. */
export function onStringsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * @internal `resolveStrings` (`strings-later.ts`) over the English strings an element shows (`english`), so an
 * element needs only its own in its bundle. Keys outside `english` resolve to the host's strings, if
 * any, and are otherwise absent: an element reads only the keys of its own `english`.
 */
export function resolveIn(english: Partial<Strings>, lang: string | undefined, overrides?: Partial<Strings>): Strings {
  const tag = (lang ?? 'en').toLowerCase();
  const base = tag.split('-')[0] ?? 'en';
  return { ...english, ...registry.get(base), ...registry.get(tag), ...overrides } as Strings;
}

/**
 * Fills `{name}` placeholders. Values are plain text. A shipped language's plural message (decision
 * 0111) answers this same call with the form its number needs.
 *
 * @example
 * ```ts
 * fill('Signed in as {email}', { email: 'a@b.c' }); // 'Signed in as a@b.c'
 * ```
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/**
 * A wait in the unit a person reads at a glance: seconds up to a minute and a half, then whole
 * minutes ("Try again in 15 min", never "899 s").
 *
 * @example
 * ```ts
 * formatWait(899, resolveStrings('en')); // '15 min'
 * formatWait(42, resolveStrings('en')); // '42 s'
 * ```
 */
export function formatWait(seconds: number, s: Strings): string {
  const n = Math.max(1, Math.ceil(seconds));
  return n < 90 ? fill(s.seconds, { n }) : fill(s.minutes, { n: Math.ceil(n / 60) });
}
