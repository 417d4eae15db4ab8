// The pages' scripts. Each is a TypeScript module in ./client/ (type-checked and linted like the rest of
// the mock), turned into plain JavaScript text at build time by scripts/client-scripts.mjs into
// ./scripts.generated.ts, which is committed (the service worker entry and the tests run from source)
// and kept in step by scripts.test.ts. A page puts the text into its one inline <script>, which runs
// under the page's CSP nonce, each script in a block of its own with its strings as a constant `T`.
import type { PageStrings } from '../locales/index.js';
import { CLIENT_CODE, type ClientName } from './scripts.generated.js';

/** The page strings each script shows. */
const CLIENT_STRINGS = {
  checkout: ['processing', 'failed', 'backToPage', 'networkTryAgain'],
  landing: ['signingIn', 'notNow', 'networkLinkWorks', 'signedIn', 'signedInAs', 'closeTab', 'linkFailed'],
  mailbox: ['copied', 'selected', 'copyCode'],
  'request-form': ['sending', 'checkEmail', 'failedTryAgain', 'networkTryAgain'],
} as const satisfies Record<ClientName, ReadonlyArray<keyof PageStrings>>;

/** The strings a script finds in `T` (a script declares `declare const T: ClientStrings<'landing'>`). */
export type ClientStrings<Name extends ClientName> = Pick<PageStrings, (typeof CLIENT_STRINGS)[Name][number]>;

/** Strings a page script shows, as a script constant `T` (JSON, safe inside <script>). */
function scriptStrings(t: PageStrings, keys: ReadonlyArray<keyof PageStrings>): string {
  const picked = Object.fromEntries(keys.map((k) => [k, t[k]]));
  return `const T = ${JSON.stringify(picked).replace(/</g, '\\u003c')};`;
}

/** The text of a page's script(s), in the page's language: each in a block with its own `T`. */
export function pageScript(t: PageStrings, ...names: ClientName[]): string {
  return names.map((name) => `{\n${scriptStrings(t, CLIENT_STRINGS[name])}\n${CLIENT_CODE[name]}}\n`).join('');
}
