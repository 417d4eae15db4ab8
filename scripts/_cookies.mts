import { launch, ENGINES, type CookiePolicy } from '../e2e/engines/lib/engines.ts';
import { startSite, uniqueEmail } from '../e2e/engines/lib/site.ts';
import { gate, landing } from '../e2e/engines/lib/pages.ts';
const engines = (process.argv[2] ? process.argv[2].split(',') : ENGINES) as any[];
const policies = (process.argv[3] ? process.argv[3].split(',') : ['default', 'block', 'allow']) as CookiePolicy[];
const modes = (process.argv[4] ? process.argv[4].split(',') : ['lax', 'none']);
const apiHost = (process.env.API_HOST ?? '127.0.0.1') as any;
const outcome = async (tab: any) => {
  for (let i = 0; i < 100; i++) {
    const t = await tab.evaluate(`() => document.querySelector('paywall-gate')?.getAttribute('state') + (document.querySelector('paywall-gate')?.shadowRoot?.textContent.includes('blocked the sign-in cookie') ? ':cookies' : '')`).catch(() => 'nav');
    if (i > 20 && !/checking|verifying|nav/.test(t)) return t;
    await new Promise((r) => setTimeout(r, 100));
  }
  return 'timeout';
};
for (const name of engines) for (const cookies of policies) for (const mode of modes) {
  const site = await startSite({ pageHost: apiHost === 'localhost' ? '127.0.0.1' : 'localhost', apiHost, crossSiteCookies: mode === 'none' });
  const row: string[] = [];
  try {
    // code path
    let engine = await launch(name, { cookies });
    try {
      const email = uniqueEmail('c');
      const tab = await engine.newTab(site.at('masterclass'));
      await gate(tab).requestLink(email);
      await gate(tab).expectCheckEmail();
      await gate(tab).enterCode((await site.signInMail(email)).code);
      row.push('code→' + (await outcome(tab)));
      const api = await engine.newTab(new URL('/_edge/visitor/access', site.api.url).href);
      row.push('api-1st-party:' + ((await api.evaluate('() => document.body.textContent')) as string).includes(email));
    } finally { await engine.close(); }
    // link path
    engine = await launch(name, { cookies });
    try {
      const email = uniqueEmail('l');
      const tab = await engine.newTab(site.at('masterclass'));
      await gate(tab).requestLink(email);
      await gate(tab).expectCheckEmail();
      const link = await engine.newTab((await site.signInMail(email)).link);
      await landing(link).continue();
      await link.waitUntil(`() => location.host !== ${JSON.stringify(new URL(site.api.url).host)}`).catch(() => 0);
      row.push('link→' + (await outcome(link)));
      row.push('first-tab→' + (await outcome(tab)));
    } finally { await engine.close(); }
  } catch (e) { row.push('ERR ' + (e as Error).message.slice(0, 120)); }
  finally { await site.close(); }
  console.log(`${name}\t${cookies}\t${mode}\t${row.join('\t')}`);
}
