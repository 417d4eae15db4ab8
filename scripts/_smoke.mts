import { launch, ENGINES } from '../e2e/engines/lib/engines.ts';
for (const name of (process.argv[2] ? [process.argv[2]] : ENGINES) as any) {
  const engine = await launch(name);
  await engine.newTab('data:text/html,hi');
  console.log(name, engine.version, engine.processIds().length, 'processes');
  const pids = engine.processIds();
  await engine.close();
  const { stillRunning } = await import('../e2e/engines/lib/engines.ts');
  console.log(' after close still running:', stillRunning(pids));
}
