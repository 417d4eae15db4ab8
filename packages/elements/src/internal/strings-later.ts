import { sharedStrings } from './strings.js';
import type { Strings } from './strings.js';

// The English strings of the states that follow a request made through the SDK (check-email, the
// code form, confirm-link, purchase, returning, the errors but the network one, "Report a
// problem", the session line). The script-tag
// bundles load this module with the SDK, after the first usable paint (decision 0153); the gate
// shows none of these before then. `docs.mjs` reads `laterStrings` after `strings.ts`'s blocks.

/** @internal The strings of the states after the first (see above). */
export const laterStrings = {
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
  linkExpired: 'This link has expired. Sign-in links work for 15 minutes.',
  linkUsed: 'This link has already been used. Each link works once.',
  linkInvalid: 'This sign-in link is not valid.',
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
  // The session.
  signedInAs: 'Signed in as {email}',
  signOut: 'Sign out',
  signIn: 'Sign in',
  close: 'Close',
  sessionUnavailable: 'Account unavailable',
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
  supportCode: 'Support code: {code}',
  reportProblem: 'Report a problem',
  reportSending: 'Sending report…',
  reportSent: 'Report sent. Reference: {id}',
  reportFailed: 'The report could not be sent. Please try again later.',
  // Waits, as in "Try again in {wait}".
  seconds: '{n}\u00a0s',
  minutes: '{n}\u00a0min',
} as const;

/** @internal The English strings of every element but the list and the group buy. */
export const signInStrings: Partial<Strings> = /* @__PURE__ */ Object.assign({}, sharedStrings, laterStrings);
