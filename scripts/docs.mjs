// Builds the documentation site into site/ (after `npm run build`), and fails on any warning:
//   1. the mock's service worker script into docs/public/ (the live examples run the mock in the page),
//   2. VitePress: the guides of docs/, the element reference (from custom-elements.json), the live examples,
//   3. TypeDoc: the API reference into site/api/ (treatWarningsAsErrors in typedoc.json),
//   4. the OpenAPI document and the custom elements manifest as files of the site,
//   5. the link check of every internal link and anchor (scripts/check-links.mjs).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function run(label, args, { failOnWarning = false } = {}) {
  const started = Date.now();
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const warnings = failOnWarning ? output.split('\n').filter((line) => /warn|\(!\)|deprecat/i.test(line)) : [];
  if (result.status !== 0 || warnings.length) {
    process.stdout.write(output);
    console.error(
      `docs: ${label} ${result.status !== 0 ? `failed (exit ${result.status})` : `printed ${warnings.length} warning(s)`}`,
    );
    process.exit(1);
  }
  console.log(`docs: ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

rmSync(join(root, 'site'), { recursive: true, force: true });
run('service worker script for the live examples', [
  join(root, 'packages/mock/bin/visitor-access-mock.js'),
  'init',
  join(root, 'docs/public'),
]);
run('VitePress site', [join(dirname(require.resolve('vitepress/package.json')), 'bin/vitepress.js'), 'build', 'docs'], {
  failOnWarning: true,
});
run('TypeDoc API reference', [join(dirname(require.resolve('typedoc/package.json')), 'bin/typedoc')], {
  failOnWarning: true,
});
copyFileSync(join(root, 'docs/openapi.json'), join(root, 'site/openapi.json'));
copyFileSync(join(root, 'packages/elements/custom-elements.json'), join(root, 'site/custom-elements.json'));
// The screenshot pages link to the PNGs themselves (links, not images, so VitePress leaves them alone).
const shots = join(root, 'docs/screenshots');
if (existsSync(shots))
  cpSync(shots, join(root, 'site/screenshots'), { recursive: true, filter: (f) => !f.endsWith('.md') });
run('link check', [join(root, 'scripts/check-links.mjs'), join(root, 'site')]);
console.log('docs: site/ is ready (serve it with any static server)');
