// Runs every package benchmark (packages/*/bench/index.mjs) against the built dist folders.
// Figures are ratios against baselines measured in the same run: the machine is shared and noisy.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

let failed = false;
for (const dir of readdirSync('packages').sort()) {
  const entry = `packages/${dir}/bench/index.mjs`;
  if (!existsSync(entry)) continue;
  console.log(`\n## @visitor-access/${dir}\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', entry], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
