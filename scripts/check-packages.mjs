// Lints every published package the way a consumer meets it: publint (package.json, exports,
// files) and Are The Types Wrong (types resolve for ESM consumers under node16 and bundler).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const packages = readdirSync('packages').filter((dir) => {
  try {
    return !JSON.parse(readFileSync(`packages/${dir}/package.json`, 'utf8')).private;
  } catch {
    return false;
  }
});
let failed = false;
for (const dir of packages) {
  for (const [cmd, args] of [
    ['publint', ['--strict', `packages/${dir}`]],
    ['attw', ['--pack', `packages/${dir}`, '--profile', 'esm-only', '--format', 'ascii']],
  ]) {
    try {
      const out = execFileSync('npx', ['--no-install', cmd, ...args], { encoding: 'utf8', stdio: 'pipe' });
      console.log(`ok   ${cmd} packages/${dir}`);
      if (/warn/i.test(out) && cmd === 'publint') console.log(out);
    } catch (error) {
      failed = true;
      console.error(`FAIL ${cmd} packages/${dir}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
}
process.exit(failed ? 1 : 0);
