// SDK benchmarks, against the built dist. Every figure is printed with its target and PASS or MISS.
// (1) Bundle size of an app that calls every method (every-method.mjs, every-method-lite.mjs),
//     bundled for the browser and minified by esbuild, brotli quality 11 — the same files the size
//     budgets of `npm test` check (.size-limit.mjs).
// (2) Per-call overhead against a bare fetch of the same access check (per-call.mjs): a
//     fixed-answer loopback server in its own process, interleaved rounds, in Chromium (where the
//     SDK's calls happen: the elements, browser apps) and in Node (for reference, see decision 0092).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const KB = 1024;
const kb = (n) => `${(n / KB).toFixed(2)} kB`;
const verdict = (ok) => (ok ? 'PASS' : 'MISS');

async function bundleSize(file) {
  const result = await build({
    entryPoints: [join(here, file)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    legalComments: 'none',
  });
  const code = result.outputFiles[0].contents;
  const byPackage = {};
  for (const [input, info] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/) ?? input.match(/packages\/([^/]+)/);
    const key = m ? m[1] : input;
    byPackage[key] = (byPackage[key] ?? 0) + info.bytesInOutput;
  }
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    byPackage,
  };
}

console.log('| figure | measured | target | result |');
console.log('|---|---:|---:|---|');
const notes = [];
for (const [label, file, target] of [
  ['@visitor-access/sdk (validating), every method called', 'every-method.mjs', 14 * KB],
  ['@visitor-access/sdk/lite, every method called', 'every-method-lite.mjs', 8.5 * KB],
]) {
  const size = await bundleSize(file);
  console.log(`| ${label}: brotli | ${kb(size.brotli)} | ≤ ${kb(target)} | ${verdict(size.brotli <= target)} |`);
  const parts = Object.entries(size.byPackage)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${kb(v)}`)
    .join(', ');
  notes.push(`${label}: ${kb(size.min)} min, ${kb(size.gzip)} gzip; min bytes by package: ${parts}`);
}

const perCall = JSON.parse(
  execFileSync(process.execPath, ['--expose-gc', join(here, 'per-call.mjs')], { encoding: 'utf8' }).trim(),
);
const RATIO = 1.25;
for (const side of ['sdk (validating)', 'sdk/lite']) {
  const { ratio, spread } = perCall.chromium[side];
  console.log(
    `| ${side} per call / bare fetch, Chromium | ${ratio.toFixed(2)}× (middle half ${spread.map((r) => r.toFixed(2)).join('–')}) | ≤ ${RATIO}× | ${verdict(ratio <= RATIO)} |`,
  );
}
for (const side of ['ky alone', 'sdk (validating)', 'sdk/lite']) {
  const { ratio, spread } = perCall.node[side];
  console.log(
    `| ${side} per call / bare fetch, Node | ${ratio.toFixed(2)}× (middle half ${spread.map((r) => r.toFixed(2)).join('–')}) | (reference) | — |`,
  );
}
notes.push(
  `per call: ${perCall.rounds} interleaved rounds of ${perCall.batch} sequential calls per side, ratios are medians of per-round ratios; bare fetch ${perCall.chromium['bare fetch'].msPerCall.toFixed(3)} ms/call in Chromium, ${perCall.node['bare fetch'].msPerCall.toFixed(3)} ms/call in Node; ky alone ${perCall.chromium['ky alone'].ratio.toFixed(2)}× in Chromium`,
);
console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
