// Runs every package benchmark (packages/*/bench/index.mjs) against the built dist folders and
// prints every figure with its target and PASS or MISS; exits 1 when a figure misses its target.
// Figures are ratios against baselines measured in the same run: the machine is shared and noisy.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

let failed = false;
const misses = [];
for (const dir of readdirSync('packages').sort()) {
  const entry = `packages/${dir}/bench/index.mjs`;
  if (!existsSync(entry)) continue;
  console.log(`\n## @visitor-access/${dir}\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', entry], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  process.stdout.write(run.stdout);
  if (run.status !== 0) failed = true;
  misses.push(...run.stdout.split('\n').filter((line) => /\| MISS \|$/.test(line)));
}
console.log(
  misses.length
    ? `\n${misses.length} figure(s) miss their target:\n${misses.join('\n')}`
    : '\nEvery figure meets its target.',
);
process.exit(failed || misses.length ? 1 : 0);
