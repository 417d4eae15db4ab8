// Measures what each engine does with the session cookie in each setup of e2e/engines/cookies.ts
// (page and API on one site or two, loopback or real-looking `.test` names over https, each engine
// cookie setting):
//   npx tsx e2e/engines/cookie-matrix.ts [--engines chromium,firefox,webkit]
//     [--setups same-host,same-site,two-hosts,two-sites,two-sites-lax,two-hosts-none] [--policies default,block,allow,off]
// (after `npm run build`). One line per engine × setup × setting: where the code path and the
// emailed link end up (signed in, the cookie-blocked state and the cause it names, or the sign-in
// form again), and whether the API, opened as a page (first party), sees the visitor after the
// code (was the cookie stored at all?). e2e/engines/cookies.ts asserts the rows this prints; run it
// again when an engine is upgraded.
import {
  closeShared,
  ENGINES,
  launch,
  type CookiePolicy,
  type EngineName,
  type Tab,
} from '@visitor-access/tools/engines';
import { SETUPS, outcomeOf, type SetupName } from './cookies.js';
import { gate, landing } from './lib/pages.js';
import { startSite, uniqueEmail } from './lib/site.js';

const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const engines = (arg('engines')?.split(',') ?? ENGINES) as EngineName[];
const setups = (arg('setups')?.split(',') ?? Object.keys(SETUPS)) as SetupName[];
const policies = (arg('policies')?.split(',') ?? ['default', 'block', 'allow', 'off']) as CookiePolicy[];

const PAGE = 'members-lounge';

console.log(['engine', 'setup', 'setting', 'code', 'API sees it', 'link'].join('\t'));
for (const engineName of engines) {
  for (const setupName of setups) {
    for (const cookies of policies) {
      const setup = SETUPS[setupName];
      const row: string[] = [engineName, setupName, cookies];
      const site = await startSite(setup.site);
      try {
        const run = async (how: 'code' | 'link') => {
          const engine = await launch(engineName, { cookies, testHosts: true });
          try {
            const email = uniqueEmail(`matrix-${how}`);
            const tab = await engine.newTab(site.at(PAGE));
            await gate(tab).requestLink(email);
            await gate(tab).expectCheckEmail('read');
            const mail = await site.signInMail(email);
            let end: Tab = tab;
            if (how === 'code') await gate(tab).enterCode(mail.code);
            else {
              end = await engine.newTab(mail.link);
              await landing(end).continue();
              await end.waitUntil(`() => location.origin === ${JSON.stringify(new URL(site.url).origin)}`);
            }
            row.push(await outcomeOf(end, site));
            if (how === 'code') {
              // The API's own front page, then its edge route from there: a first-party request.
              // (A navigation that never ends, which WebKitGTK does now and then on a loaded
              // machine, prints "?" rather than stopping the table.)
              const seen = await Promise.race([
                tab
                  .goto(new URL('/', site.apiOrigin).href)
                  .then(() =>
                    tab.evaluate<string>(
                      `() => fetch('/_edge/visitor/access', { credentials: 'include' }).then((r) => r.text())`,
                    ),
                  ),
                new Promise<undefined>((r) => setTimeout(r, 15_000)),
              ]).catch(() => undefined);
              row.push(seen === undefined ? '?' : String(seen.includes(email)));
            }
          } finally {
            await engine.close();
          }
        };
        await run('code');
        await run('link');
      } catch (error) {
        row.push(`error: ${(error as Error).message.slice(0, 160)}`);
      } finally {
        await site.close();
      }
      console.log(row.join('\t'));
    }
  }
}
await closeShared();
