// Size benchmark of the script-tag bundle (dist/visitor-access.js): minified, gzip and brotli
// bytes, the share of each part (from esbuild's metafile), and the ratio to a baseline built in
// the same run (Lit alone, minified the same way). Target: at most 18 kB brotli in total.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const file = join(here, '../dist/visitor-access.js');
const metaFile = join(here, '../dist/visitor-access.meta.json');
if (!existsSync(file)) {
  console.error('dist/visitor-access.js is missing: run `npm run build -w @visitor-access/elements` first.');
  process.exit(1);
}
const TARGET_BROTLI = 18 * 1024;
const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const sizes = (buf) => ({ min: buf.length, gzip: gzipSync(buf, { level: 9 }).length, brotli: brotli(buf) });
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

const bundle = sizes(readFileSync(file));
const baseline = await build({
  stdin: { contents: "export * from 'lit'; export * from 'lit/decorators.js';", resolveDir: here, loader: 'js' },
  bundle: true,
  minify: true,
  format: 'iife',
  write: false,
  logLevel: 'silent',
});
const lit = sizes(baseline.outputFiles[0].contents);

console.log('| file | min | gzip | brotli |');
console.log('|---|---:|---:|---:|');
console.log(`| dist/visitor-access.js | ${kb(bundle.min)} | ${kb(bundle.gzip)} | ${kb(bundle.brotli)} |`);
console.log(`| baseline: Lit alone | ${kb(lit.min)} | ${kb(lit.gzip)} | ${kb(lit.brotli)} |`);
console.log(`\nbundle / Lit alone (brotli): ${(bundle.brotli / lit.brotli).toFixed(2)}x`);
console.log(
  `bundle / 18 kB target (brotli): ${(bundle.brotli / TARGET_BROTLI).toFixed(2)}x ${bundle.brotli <= TARGET_BROTLI ? '(within target)' : '(OVER target)'}`,
);

if (existsSync(metaFile)) {
  const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
  const output = Object.values(meta.outputs).find((o) => o.entryPoint);
  const groups = {};
  for (const [path, info] of Object.entries(output.inputs)) {
    let group = 'elements';
    if (path.includes('node_modules/')) {
      const rest = path.split('node_modules/').pop();
      const name = rest
        .split('/')
        .slice(0, rest.startsWith('@') ? 2 : 1)
        .join('/');
      group = /^(lit|lit-html|lit-element|@lit\/reactive-element)$/.test(name) ? 'lit' : name;
    } else if (path.includes('/sdk/')) group = '@visitor-access/sdk';
    else if (path.includes('/contract/')) group = '@visitor-access/contract (schemas)';
    groups[group] = (groups[group] ?? 0) + info.bytesInOutput;
  }
  const total = Object.values(groups).reduce((a, b) => a + b, 0);
  console.log('\n| part | min | share | ≈ brotli (by share) |');
  console.log('|---|---:|---:|---:|');
  for (const [group, bytes] of Object.entries(groups).sort((a, b) => b[1] - a[1])) {
    console.log(
      `| ${group} | ${kb(bytes)} | ${((bytes / total) * 100).toFixed(0)}% | ${kb((bytes / total) * bundle.brotli)} |`,
    );
  }
}
