// The English strings in three blocks, so that a script with only `<paywall-gate>` carries none of
// the list's or the group buy's (decision 0090). `docs.mjs` reads every entry from here to the end
// of `groupBuyStrings`, in this order. The other languages are in `../locales/` (decision 0110).

/** @internal The strings of signing in, buying, the session and errors: every element's. */
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
  checkEmailHeading: 'Check your email',
  checkEmailBody: 'We sent a sign-in link and a 6-digit code to {email}.',
  checkEmailThenBuy: 'Open the link or type the code, and checkout opens right after.',
  checkEmailThenRead: 'Open the link or type the code, and this page opens right after.',
  checkEmailThenSignIn: 'Open the link or type the code to finish signing in.',
  waiting: 'Waiting for you to open the link…',
  waitingStopped: 'This link has expired: sign-in links work for 15 minutes. Send a new link to continue.',
  codeLabel: '6-digit code',
  codeHint: 'Opened the email on another device? Type the code here.',
  codeWrong: 'That code is not right. Check the latest email and try again.',
  verifyCode: 'Sign in with code',
  resend: 'Send a new link',
  resendIn: 'You can send a new link in {wait}.',
  useAnotherEmail: 'Use another email',
  inAppBrowser:
    'You seem to be inside an app. The link may open in another browser: if it does, type the 6-digit code from the email here instead.',
  // A sign-in link opened on this page (`?va_token=`): one click before it is used.
  confirmHeading: 'Finish signing in',
  confirmBody: 'You opened a sign-in link. Continue to sign in on this device.',
  continue: 'Continue',
  verifyingHeading: 'Signing you in…',
  linkExpired: 'This link has expired. Sign-in links work for 15 minutes.',
  linkUsed: 'This link has already been used. Each link works once.',
  linkInvalid: 'This sign-in link is not valid.',
  // Buying.
  purchaseBody: 'One payment. Read it any time, on any device.',
  buyIntro: 'We’ll email you a link and a 6-digit code to confirm your address, then open checkout.',
  buy: 'Buy for {price}',
  buyNoPrice: 'Buy now',
  redirecting: 'Taking you to checkout…',
  // Signed in (by a link) as someone other than who pressed "Buy for …": checkout waits for a click.
  otherAccount:
    'You are signed in as {email} — not the address you gave to buy this. Buy with this account, or sign out to use yours.',
  checkoutCancelled: 'Checkout was cancelled. You have not been charged.',
  returningHeading: 'Confirming your payment…',
  returningBody: 'This usually takes a few seconds.',
  paymentPendingHeading: 'Payment not confirmed yet',
  paymentPending:
    'We have not received the payment confirmation yet. If you were charged, contact support with the code below: you will not be charged twice.',
  checkAgain: 'Check again',
  grantedAnnouncement: 'Access granted.',
  contentLoading: 'Loading the content…',
  contentFailed: 'The content could not be loaded. Check your connection and try again.',
  // The session.
  signedInAs: 'Signed in as {email}',
  signOut: 'Sign out',
  signIn: 'Sign in',
  close: 'Close',
  sessionUnavailable: 'Account unavailable',
  // Errors.
  errorHeading: 'Something went wrong',
  errorNetwork: 'We could not reach the server. Check your connection and try again.',
  errorUnavailable: 'The service is not answering right now. Try again in a moment.',
  errorNotFound: 'This page does not exist or is not published yet.',
  errorConnect: 'This page cannot be bought yet: the creator has not finished setting up payments.',
  errorCookiesHeading: 'Your browser did not keep the sign-in',
  errorCookies:
    'You signed in, but your browser did not keep the sign-in cookie for this site. Allow cookies for this site, then try again, or open the page in another browser.',
  errorCookiesHost:
    'You signed in, but this page is on {pageHost} and the sign-in server on {apiHost}. Browsers treat different host names as different sites and keep the sign-in cookie from this page. Open the page on {pageOnApiHost}, or point the API address at {apiOnPageHost}.',
  errorCookiesThirdParty:
    'You signed in, but the sign-in server ({apiHost}) is on another site than this page, and your browser blocks its cookie here. Allow third-party cookies for this site, or open the page in another browser. Site owner: serve the API from this site’s own domain.',
  errorCookiesDisabled:
    'Cookies are turned off in this browser, and signing in needs one. Turn cookies on, then try again.',
  errorRateLimited: 'Too many attempts. Try again in {wait}.',
  errorGeneric: 'Something unexpected happened. Try again in a moment.',
  // No API address, or one that is not an address: said to the site owner, in the element's place.
  setupHeading: 'Paywall not set up',
  setupMissing:
    'This page’s paywall is not set up: it has no API address. Site owner: add data-api-base="https://…" to the visitor-access script tag, or api-base="https://…" to this element.',
  setupInvalid:
    'This page’s paywall is not set up: {attribute}="{value}" is not an API address. Site owner: set {attribute} to the API’s https:// address.',
  retry: 'Try again',
  supportCode: 'Support code: {code}',
  reportProblem: 'Report a problem',
  reportSending: 'Sending report…',
  reportSent: 'Report sent. Reference: {id}',
  reportFailed: 'The report could not be sent. Please try again later.',
  // Waits, as in "Try again in {wait}".
  seconds: '{n}\u00a0s',
  minutes: '{n}\u00a0min',
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
 * Every visible string of the elements, in English. Placeholders in braces (`{email}`) are
 * filled in by the element; the result is always rendered as text, never as HTML.
 *
 * @example
 * ```ts
 * import { defaultStrings } from '@visitor-access/elements';
 * defaultStrings.signInHeading; // 'Sign in'
 * ```
 */
export const defaultStrings: typeof sharedStrings & typeof listStrings & typeof groupBuyStrings =
  /* @__PURE__ */ Object.assign({}, sharedStrings, listStrings, groupBuyStrings);

/**
 * The keys of every replaceable string.
 *
 * @example
 * ```ts
 * const key: StringKey = 'signInHeading';
 * ```
 */
export type StringKey = keyof typeof defaultStrings;

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
 * Resolves the strings for a language: overrides, then the exact tag, then its base language,
 * then English.
 *
 * @example
 * ```ts
 * resolveStrings('fr-CA', { retry: 'Réessayer' }).retry; // 'Réessayer'
 * ```
 */
export function resolveStrings(lang: string | undefined, overrides?: Partial<Strings>): Strings {
  return resolveIn(defaultStrings, lang, overrides);
}

/**
 * @internal {@link resolveStrings} over the English strings an element shows (`english`), so an
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
