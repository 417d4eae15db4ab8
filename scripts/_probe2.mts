import { createServer } from 'node:http';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
const server = createServer((req, res) => {
  if (req.headers.origin) { res.setHeader('access-control-allow-origin', req.headers.origin); res.setHeader('access-control-allow-credentials', 'true'); }
  if (req.url === '/set') res.setHeader('set-cookie', ['s=1; Path=/; Secure; SameSite=None; HttpOnly', 'l=1; Path=/; SameSite=Lax; HttpOnly']);
  res.end('cookie header: ' + (req.headers.cookie ?? '(none)'));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const port = (server.address() as any).port;
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
for (const mode of [0, 1, 2]) { const extra = [String(mode)];
  const dir = mkdtempSync('/tmp/va-chr-'); mkdirSync(dir + '/Default');
  writeFileSync(dir + '/Default/Preferences', JSON.stringify({ profile: { cookie_controls_mode: mode, block_third_party_cookies: mode === 1 } }));
  const browser = await puppeteer.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS], headless: true, userDataDir: dir });
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  const notes: string[] = [];
  cdp.on('Network.responseReceivedExtraInfo', (e: any) => { for (const b of e.blockedCookies ?? []) notes.push(`set-blocked ${b.cookie?.name ?? b.cookieLine}: ${b.blockedReasons}`); });
  cdp.on('Network.requestWillBeSentExtraInfo', (e: any) => { for (const b of e.associatedCookies ?? []) if (b.blockedReasons?.length) notes.push(`send-blocked ${b.cookie.name}: ${b.blockedReasons}`); });
  await page.goto(`http://localhost:${port}/page`);
  const third = await page.evaluate(`(async () => { await fetch('http://127.0.0.1:${port}/set', {credentials:'include'}); return (await (await fetch('http://127.0.0.1:${port}/get', {credentials:'include'})).text()); })()`);
  console.log(extra.join(' ') || '(no flag)', '→', third, notes);
  await browser.close();
}
server.close();
