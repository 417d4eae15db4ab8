import { createServer } from 'node:http';
import { launch, ENGINES } from '../e2e/engines/lib/engines.ts';
const server = createServer((req, res) => {
  if (req.headers.origin) { res.setHeader('access-control-allow-origin', req.headers.origin); res.setHeader('access-control-allow-credentials', 'true'); }
  if (req.url === '/set') res.setHeader('set-cookie', ['s=1; Path=/; Secure; SameSite=None; HttpOnly', 'l=1; Path=/; SameSite=Lax; HttpOnly', 'n=1; Path=/; SameSite=None; HttpOnly']);
  res.setHeader('content-type', 'text/plain');
  res.end('cookie header: ' + (req.headers.cookie ?? '(none)'));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const port = (server.address() as any).port;
for (const name of (process.argv[2]?.split(',') ?? ENGINES) as any) for (const cookies of ['allow', 'default', 'block'] as const) {
  const engine = await launch(name, { cookies });
  const tab = await engine.newTab(`http://localhost:${port}/page`);
  const third = await tab.evaluate(`async () => { await fetch('http://127.0.0.1:${port}/set', {credentials:'include'}); return (await (await fetch('http://127.0.0.1:${port}/get', {credentials:'include'})).text()); }`);
  await tab.goto(`http://127.0.0.1:${port}/get`);
  const first = await tab.evaluate('() => document.body.textContent');
  console.log(name, cookies, '3rd-party fetch →', third, '| then 1st-party →', first);
  await engine.close();
}
server.close();
