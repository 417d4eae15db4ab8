/**
 * Every visible string of the elements, in English. Placeholders in braces (`{email}`) are
 * filled in by the element; the result is always rendered as text, never as HTML.
 *
 * @example
 * ```ts
 * import { defaultStrings } from '@visitor-access/elements';
 * defaultStrings.signInHeading; // 'Sign in to continue'
 * ```
 */
export const defaultStrings = {
  checking: 'Checking your access…',
  signInHeading: 'Sign in to continue',
  signInIntro: 'Enter your email and we will send you a sign-in link and a code. No password needed.',
  emailLabel: 'Email address',
  emailInvalid: 'Enter a valid email address, like name@example.com.',
  honeypotLabel: 'Leave this field empty',
  sendLink: 'Email me a sign-in link',
  sending: 'Sending…',
  checkEmailHeading: 'Check your email',
  checkEmailBody:
    'If {email} can sign in here, a link and a 6-digit code are on their way. Open the link in this browser, or type the code below.',
  waiting: 'Waiting for you to open the link… this page continues by itself.',
  waitingStopped:
    'Still waiting? The link works for 15 minutes: if it has not arrived, check your spam folder or send a new link.',
  codeLabel: '6-digit code',
  codeHint: 'Opened the email on another device? Type the code here.',
  codeWrong: 'That code is not right. Check the latest email and try again.',
  verifyCode: 'Sign in with code',
  resend: 'Send a new link',
  resendIn: 'You can send a new link in {seconds} s',
  useAnotherEmail: 'Use another email',
  inAppBrowser:
    'You seem to be inside an app. The link may open in another browser: if it does, type the 6-digit code from the email here instead.',
  verifyingHeading: 'Signing you in…',
  linkExpired: 'This link expired. Sign-in links work for 15 minutes.',
  linkUsed: 'This link was already used. Each link works once.',
  linkInvalid: 'This sign-in link is not valid. Ask for a new one below.',
  sendNewLinkTo: 'Send a new link to {email}',
  purchaseHeading: 'Get access to “{title}”',
  purchaseBody: 'Buy once and come back to it any time.',
  buy: 'Buy for {price}',
  redirecting: 'Taking you to checkout…',
  checkoutCancelled: 'Checkout was cancelled. Nothing was charged.',
  returningHeading: 'Confirming your payment…',
  returningBody: 'This usually takes a few seconds.',
  paymentPending:
    'We have not received the payment confirmation yet. If you were charged, contact support with the code below; you will not be charged twice.',
  checkAgain: 'Check again',
  grantedAnnouncement: 'Access granted.',
  contentLoading: 'Loading the content…',
  signedInAs: 'Signed in as {email}',
  signOut: 'Sign out',
  signIn: 'Sign in',
  errorHeading: 'Something went wrong',
  errorNetwork: 'We could not reach the server. Check your connection and try again.',
  errorNotFound: 'This page does not exist or is not published yet.',
  errorConnect: 'This page cannot be bought yet: the creator has not finished setting up payments.',
  errorCookies:
    'You signed in, but your browser blocked the sign-in cookie, so this site cannot see it. Allow cookies for this site (or turn off “block third-party cookies”), then try again — or open the page in another browser.',
  errorRateLimited: 'Too many attempts. Wait {seconds} s and try again.',
  errorGeneric: 'Something unexpected happened. Try again in a moment.',
  retry: 'Try again',
  supportCode: 'Support code: {code}',
  reportProblem: 'Report a problem',
  reportSending: 'Sending report…',
  reportSent: 'Report sent. Reference: {id}',
  reportFailed: 'The report could not be sent. Please try again later.',
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
  groupProgress: '{count} of {target} interested',
  groupCollecting: 'Collecting interest',
  groupTargetReached: 'Target reached — the offer opens soon',
  groupActive: 'The offer is live',
  interested: 'I’m interested',
  withdraw: 'Withdraw my interest',
  youAreInterested: 'You are interested.',
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

const registry = new Map<string, Partial<Strings>>([['en', defaultStrings]]);
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
  const tag = (lang ?? 'en').toLowerCase();
  const base = tag.split('-')[0] ?? 'en';
  return { ...defaultStrings, ...registry.get(base), ...registry.get(tag), ...overrides };
}

/**
 * Fills `{name}` placeholders. Values are plain text.
 *
 * @example
 * ```ts
 * fill('Signed in as {email}', { email: 'a@b.c' }); // 'Signed in as a@b.c'
 * ```
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
