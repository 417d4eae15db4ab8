// Measures what each engine does with the session cookie when the page and the API are on two
// sites (page http://localhost:P1, API http://127.0.0.1:P2; `--swap` puts the API on localhost):
//   npx tsx scripts/engines-cookie-matrix.ts [--engines chromium,firefox,webkit]
//     [--policies default,block,allow] [--cookies lax,none] [--swap]
// (after `npm run build`). One line per engine × cookie setting × SameSite: where the code path and
// the emailed link end up, and whether the API, opened as a page (first party), sees the visitor
// afterwards (was the cookie stored at all, and in the API's own jar?). e2e/engines/cookies.ts
// asserts the rows this printed; run it again when an engine is upgraded.
import {
  closeShared,
  ENGINES,
  launch,
  type CookiePolicy,
  type EngineName,
  type Tab,
} from '../e2e/engines/lib/engines.js';
import { gate, landing } from '../e2e/engines/lib/pages.js';
import { startSite, uniqueEmail } from '../e2e/engines/lib/site.js';

const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const engines = (arg('engines')?.split(',') ?? ENGINES) as EngineName[];
const policies = (arg('policies')?.split(',') ?? ['default', 'block', 'allow']) as CookiePolicy[];
const sameSites = arg('cookies')?.split(',') ?? ['lax', 'none'];
const swap = process.argv.includes('--swap');

/** Where the gate settles: signed in (purchase), cookies-blocked, or the sign-in form. */
async function outcome(tab: Tab): Promise<string> {
  const settled = await Promise.any([
    gate(tab)
      .expectPurchase(8000)
      .then(() => 'signed-in'),
    gate(tab)
      .expectCookiesBlocked(8000)
      .then(() => 'cookies-blocked'),
    gate(tab)
      .expectSignIn(8000)
      .then(() => 'sign-in'),
  ]).catch(() => 'nothing');
  return settled;
}

console.log(['engine', 'setting', 'SameSite', 'code', 'API sees it', 'link'].join('\t'));
for (const engineName of engines) {
  for (const cookies of policies) {
    for (const sameSite of sameSites) {
      const site = await startSite({
        pageHost: swap ? '127.0.0.1' : 'localhost',
        apiHost: swap ? 'localhost' : '127.0.0.1',
        crossSiteCookies: sameSite === 'none',
      });
      const row: string[] = [engineName, cookies, sameSite];
      try {
        let engine = await launch(engineName, { cookies });
        try {
          const email = uniqueEmail('matrix-code');
          const tab = await engine.newTab(site.at('masterclass'));
          await gate(tab).requestLink(email);
          await gate(tab).expectCheckEmail();
          await gate(tab).enterCode((await site.signInMail(email)).code);
          row.push(await outcome(tab));
          await tab.goto(new URL('/_edge/visitor/access', site.api.url).href);
          row.push(String((await tab.evaluate<string>('() => document.body.textContent')).includes(email)));
        } finally {
          await engine.close();
        }
        engine = await launch(engineName, { cookies });
        try {
          const email = uniqueEmail('matrix-link');
          const tab = await engine.newTab(site.at('masterclass'));
          await gate(tab).requestLink(email);
          await gate(tab).expectCheckEmail();
          const linkTab = await engine.newTab((await site.signInMail(email)).link);
          await landing(linkTab).continue();
          await linkTab.waitUntil(`() => location.origin === ${JSON.stringify(new URL(site.url).origin)}`);
          row.push(await outcome(linkTab));
        } finally {
          await engine.close();
        }
      } catch (error) {
        row.push(`error: ${(error as Error).message.slice(0, 120)}`);
      } finally {
        await site.close();
      }
      console.log(row.join('\t'));
    }
  }
}
await closeShared();
