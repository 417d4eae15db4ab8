// What the parts of the live example share: which elements a page of the docs shows, the shapes the
// mock's development API answers (its own types, not restated), and the browser's "look again".
// Its importers are the .vue files, whose uses knip does not see: each export is marked `@public`.
import type { RequestLogEntry } from '@visitor-access/mock';

/**
 * An email of the mock's mailbox.
 *
 * @public
 */
export type { MailboxMessage } from '@visitor-access/mock';

/**
 * The elements a live example can show; a reference page focuses on one of them.
 *
 * @public
 */
export type Tag = 'paywall-gate' | 'visitor-session' | 'visitor-access-list' | 'group-buy-card';

/**
 * A line of the request log: the mock's (times as ISO strings), or the site's own server's (`site`).
 *
 * @public
 */
export type LoggedRequest = Pick<RequestLogEntry, 'requestId' | 'method' | 'path' | 'status'> & {
  at: string;
  site?: true;
};

/**
 * The creator's site, as the tab's address shows it.
 *
 * @public
 */
export const SITE = 'gharart.example';

/**
 * Whether the example focused on `focus` (none: the whole tour) shows `tag`.
 *
 * @public
 */
export const shows = (focus: Tag | undefined, tag: Tag): boolean =>
  !focus ||
  focus === tag ||
  // The access list has no sign-in of its own: give it the session element to sign in with.
  (focus === 'visitor-access-list' && tag === 'visitor-session');

/**
 * What the browser says when the visitor switches back to this tab: every element looks again.
 *
 * @public
 */
export function lookAgain(): void {
  document.dispatchEvent(new Event('visibilitychange'));
}
