// User-agent sniffing: safe to import without a DOM side effect.

const IN_APP =
  /FBAN|FBAV|FB_IAB|FBIOS|Instagram|Line\/|GSA\/|Gmail|LinkedInApp|Twitter|MicroMessenger|Snapchat|TikTok|musical_ly|BytedanceWebview|Pinterest/i;

/**
 * Whether a user agent belongs to an in-app browser (Gmail, Instagram, Facebook, LINE, …), where
 * a magic link tapped in the mail app may open in a different browser than this one.
 *
 * @example
 * ```ts
 * isInAppBrowser('Mozilla/5.0 (iPhone) … Instagram 300.0'); // true
 * ```
 */
export function isInAppBrowser(userAgent: string): boolean {
  return IN_APP.test(userAgent);
}
