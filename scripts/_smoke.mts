import { launch, ENGINES } from '../e2e/engines/lib/engines.ts';
for (const name of (process.argv[2] ? [process.argv[2]] : ENGINES) as any) {
  const t0 = Date.now();
  const engine = await launch(name);
  const t1 = Date.now();
  const tab = await engine.newTab('data:text/html,<button aria-label="Go">x</button><p>Hello there</p>');
  console.log(name, engine.version, engine.userAgent, 'launch', t1 - t0, 'ms');
  console.log(' count button', await tab.count({ role: 'button', name: 'go' }), 'text', await tab.count({ text: 'hello' }));
  await tab.click({ role: 'button', name: 'Go' });
  const tab2 = await engine.newTab('data:text/html,<label>Email <input name=e></label>');
  await tab2.fill({ role: 'textbox', name: 'Email' }, 'a@b.c');
  console.log(' value', await tab2.evaluate("() => document.querySelector('input').value"));
  console.log(' hidden?', await tab.evaluate('() => document.visibilityState'), await tab2.evaluate('() => document.visibilityState'));
  const t2 = Date.now();
  await engine.close();
  console.log(' close', Date.now() - t2, 'ms');
}
