// Elements benchmarks, against the built dist. Every figure is printed with its target and PASS or MISS.
// (1) Size of the script-tag bundles (brotli quality 11, 1 kB = 1024 bytes): what a page downloads
//     before the gate is usable (the loader and the first chunk), and everything the script may load
//     (with the SDK's chunk), with the share of each part from esbuild's metafile — the same files
//     the size budgets of `npm test` check (.size-limit.mjs) —
//     and of each language file (dist/locales/<tag>.js).
// (2) Time to a usable gate on a throttled phone-like Chromium, against a bare plain-DOM gate in the
//     same run, on the page as pasted from the README and on the page with preconnect and brotli;
//     and the layout shift of the three elements while they load (time-to-gate.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { FIRST_CHUNK_PARTS, whereBytes } from './where-bytes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '../dist');
const KB = 1024;
const kb = (n) => `${(n / KB).toFixed(1)} kB`;
const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

// Targets of issue 21 (decision 0151).
const scripts = [
  { name: 'paywall-gate', what: '<paywall-gate> only', first: 14 * KB, whole: 26 * KB },
  { name: 'visitor-access', what: 'every element', whole: 29 * KB },
];
for (const { name } of scripts) {
  if (!existsSync(join(dist, `${name}.meta.json`))) {
    console.error(`dist/${name}.js is missing: run \`npm run build -w @visitor-access/elements\` first.`);
    process.exit(1);
  }
}

/** Bytes in the minified output by part: Lit, ky, the SDK, the contract, the elements' own modules. */
function parts(outputs) {
  const groups = {};
  for (const output of outputs) {
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
  }
  return groups;
}

console.log('| figure | measured | target | result |');
console.log('|---|---:|---:|---|');
const notes = [];
for (const { name, what, first, whole } of scripts) {
  const meta = JSON.parse(readFileSync(join(dist, `${name}.meta.json`), 'utf8'));
  const files = Object.keys(meta.outputs).filter((f) => f.endsWith('.js'));
  const size = Object.fromEntries(files.map((f) => [f, brotli(readFileSync(join(dist, f)))]));
  const firstSize = [meta.loader, ...meta.first].reduce((sum, f) => sum + size[f], 0);
  const wholeSize = files.reduce((sum, f) => sum + size[f], 0);
  const each = files.map((f) => `${f} ${kb(size[f])}`).join(', ');
  console.log(
    `| dist/${name}.js (${what}): first usable state (${[meta.loader, ...meta.first].join(' + ')}), brotli | ${kb(firstSize)} | ${first ? `≤ ${kb(first)}` : ''} | ${first ? verdict(firstSize <= first) : '(reference)'} |`,
  );
  console.log(
    `| dist/${name}.js (${what}): with every chunk it may load, brotli | ${kb(wholeSize)} | ≤ ${kb(whole)} | ${verdict(wholeSize <= whole)} |`,
  );
  const groups = parts(files.map((f) => meta.outputs[f]));
  const total = Object.values(groups).reduce((a, b) => a + b, 0);
  const share = Object.entries(groups)
    .sort((a, b) => b[1] - a[1])
    .map(([g, bytes]) => `${g} ${kb(bytes)} (≈ ${kb((bytes / total) * wholeSize)} brotli)`)
    .join(', ');
  const min = files.reduce((sum, f) => sum + readFileSync(join(dist, f)).length, 0);
  const gz = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
  notes.push(`dist/${name}.js: files ${each}; ${kb(min)} min, ${kb(gz)} gzip in all; by part: ${share}`);
}

// What each part of the gate's first chunk costs (decision 0154): the chunk without it, brotli.
{
  const { whole, saves } = whereBytes(join(dist, 'paywall-gate.first.js'), FIRST_CHUNK_PARTS);
  const each = Object.entries(saves)
    .map(([part, bytes]) => `${part} ${kb(bytes)}`)
    .join(', ');
  notes.push(`dist/paywall-gate.first.js (${kb(whole)} brotli): what each part costs (the chunk without it): ${each}`);
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
// The target is the page as pasted from the README and the page measured before (issue 21); the script
// tag alone and with a `preconnect` are printed for what each line is worth.
const TARGETED = new Set(['pasted', 'today']);
for (const mode of ['pasted', 'today', 'script-only', 'preconnect']) {
  for (const script of ['paywall-gate.js', 'visitor-access.js']) {
    const side = ttg.sides[`${mode} ${script}`];
    const bare = ttg.sides[`${mode} bare-gate.js`];
    // Three estimates of one figure: the median of per-round ratios (cancels the machine's drift), the
    // ratio of the median times, and the ratio of the fastest quarters (the least diluted by a busy
    // machine, which adds the same delays to both pages). On a quiet machine they agree; the target
    // is met only when all three meet it.
    const ok = Math.max(side.ratio, side.ratioOfMedians, side.ratioOfFastQuarters) <= RATIO;
    const page = {
      pasted: "as pasted (the README's snippet: modulepreload + script, no preconnect, gzip)",
      'script-only': 'the script tag alone (no modulepreload, no preconnect, gzip)',
      preconnect: 'the script tag alone + preconnect (gzip)',
      today: 'with preconnect and brotli',
    }[mode];
    const targeted = TARGETED.has(mode);
    console.log(
      `| time to a usable gate, dist/${script} / bare gate, ${page} | ${side.ratio.toFixed(2)}× per round, ${side.ratioOfMedians.toFixed(2)}× of medians, ${side.ratioOfFastQuarters.toFixed(2)}× of fastest quarters (${Math.round(side.medianMs)} vs ${Math.round(bare.medianMs)} ms) | ${targeted ? `≤ ${RATIO}×` : ''} | ${targeted ? verdict(ok) : '(reference)'} |`,
    );
  }
}
// What a `preconnect` or a `modulepreload` line is worth: the script tag with and without it.
for (const [line, mode] of [
  ['preconnect', 'preconnect'],
  ['modulepreload', 'pasted'],
]) {
  for (const script of ['bare-gate.js', 'paywall-gate.js', 'visitor-access.js']) {
    const without = ttg.sides[`script-only ${script}`];
    const withIt = ttg.sides[`${mode} ${script}`];
    notes.push(
      `${line}, ${script}: median ${Math.round(withIt.medianMs)} ms with it, ${Math.round(without.medianMs)} ms without (${(withIt.medianMs / without.medianMs).toFixed(2)}×; fastest quarters ${(withIt.fastQuarterMs / without.fastQuarterMs).toFixed(2)}×)`,
    );
  }
}
const CLS = 0.02;
for (const { element, script, width, max } of Object.values(ttg.cls)) {
  const tag = { gate: '<paywall-gate>', card: '<group-buy-card>', list: '<visitor-access-list>' }[element];
  console.log(
    `| layout shift (CLS) of ${tag} with dist/${script} at ${width} px, worst of ${ttg.clsRounds} | ${max.toFixed(3)} | ≤ ${CLS} | ${verdict(max <= CLS)} |`,
  );
}
const t = ttg.throttle;
notes.push(
  `time to a usable gate: ${ttg.rounds} interleaved rounds per page, fresh context each, Chromium throttled to ${t.latencyMs} ms round trip, ${t.downKbit / 1000} Mbit/s down, ${t.upKbit} kbit/s up, CPU ${t.cpu}× slower; scripts served as ${ttg.encodings.join(', ')}; from navigation start to the first frame with the email field visible and enabled`,
  `layout shift: Lighthouse's CLS (largest session window, input-driven shifts left out) from navigation until 1.5 s after the element is usable, signed out, the gate on a PAID page, the element between two paragraphs, the page as pasted with the README's reserve line`,
);
console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
