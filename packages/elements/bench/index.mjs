// Elements benchmarks, against the built dist. Every figure is printed with its target and PASS or MISS.
// (1) Size of the script-tag bundles (brotli quality 11, 1 kB = 1024 bytes), with the share of each
//     part from esbuild's metafile — the same files the size budgets of `npm test` check — and of
//     each language file (dist/locales/<tag>.js).
// (2) Time to a usable gate on a throttled phone-like Chromium, against a bare plain-DOM gate in the
//     same run (time-to-gate.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const KB = 1024;
const kb = (n) => `${(n / KB).toFixed(1)} kB`;
const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const scripts = [
  { file: 'dist/paywall-gate.js', what: '<paywall-gate> only', target: 18 * KB },
  { file: 'dist/visitor-access.js', what: 'every element', target: 24 * KB },
];
for (const { file } of scripts) {
  if (!existsSync(join(here, '..', file))) {
    console.error(`${file} is missing: run \`npm run build -w @visitor-access/elements\` first.`);
    process.exit(1);
  }
}

/** Bytes in the minified output by part: Lit, ky, the SDK, the contract, the elements' own modules. */
function parts(metaFile) {
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
    else if (path.includes('/contract/')) group = '@visitor-access/contract';
    groups[group] = (groups[group] ?? 0) + info.bytesInOutput;
  }
  return groups;
}

console.log('| figure | measured | target | result |');
console.log('|---|---:|---:|---|');
const notes = [];
for (const { file, what, target } of scripts) {
  const code = readFileSync(join(here, '..', file));
  const size = brotli(code);
  console.log(`| ${file} (${what}): brotli | ${kb(size)} | ≤ ${kb(target)} | ${verdict(size <= target)} |`);
  const groups = parts(join(here, '..', file.replace(/\.js$/, '.meta.json')));
  const total = Object.values(groups).reduce((a, b) => a + b, 0);
  const share = Object.entries(groups)
    .sort((a, b) => b[1] - a[1])
    .map(([g, bytes]) => `${g} ${kb(bytes)} (≈ ${kb((bytes / total) * size)} brotli)`)
    .join(', ');
  notes.push(`${file}: ${kb(code.length)} min, ${kb(gzipSync(code, { level: 9 }).length)} gzip; by part: ${share}`);
}

// (1b) Each shipped language (decision 0110): downloaded only by a page in that language, beside the
// script-tag bundle. Target: 3 kB brotli each.
const LANGUAGE_TARGET = 3 * KB;
for (const tag of ['fr', 'de', 'es', 'it', 'pt-BR', 'nl', 'hi', 'ja', 'ko', 'zh-CN', 'ar', 'he']) {
  const file = `dist/locales/${tag}.js`;
  const size = brotli(readFileSync(join(here, '..', file)));
  console.log(
    `| ${file} (language): brotli | ${kb(size)} | ≤ ${kb(LANGUAGE_TARGET)} | ${verdict(size <= LANGUAGE_TARGET)} |`,
  );
}

const ttg = JSON.parse(
  execFileSync(process.execPath, [join(here, 'time-to-gate.mjs'), '--json'], { encoding: 'utf8' }).trim(),
);
const RATIO = 1.2;
const bare = ttg.sides['bare-gate.js'];
for (const [side, label] of [
  ['paywall-gate.js', 'dist/paywall-gate.js'],
  ['visitor-access.js', 'dist/visitor-access.js'],
]) {
  const { ratio, medianMs, fastQuarterMs } = ttg.sides[side];
  // Three estimates of one figure: the median of per-round ratios (cancels the machine's drift), the
  // ratio of the median times, and the ratio of the fastest quarters (the least diluted by a busy
  // machine, which adds the same delays to both pages). On a quiet machine they agree; the target
  // is met only when all three meet it.
  const ofMedians = medianMs / bare.medianMs;
  const ofFastest = fastQuarterMs / bare.fastQuarterMs;
  const ok = Math.max(ratio, ofMedians, ofFastest) <= RATIO;
  console.log(
    `| time to a usable gate, ${label} / bare gate | ${ratio.toFixed(2)}× per round, ${ofMedians.toFixed(2)}× of medians, ${ofFastest.toFixed(2)}× of fastest quarters (${Math.round(medianMs)} vs ${Math.round(bare.medianMs)} ms) | ≤ ${RATIO}× | ${side === 'paywall-gate.js' ? verdict(ok) : '(reference)'} |`,
  );
}
const t = ttg.throttle;
notes.push(
  `time to a usable gate: median of ${ttg.rounds} interleaved rounds per page, fresh context each, Chromium throttled to ${t.latencyMs} ms round trip, ${t.downKbit / 1000} Mbit/s down, ${t.upKbit} kbit/s up, CPU ${t.cpu}× slower; scripts served with ${ttg.encodings.join('/')}; from navigation start to the first frame with the email field visible and enabled`,
);
console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
