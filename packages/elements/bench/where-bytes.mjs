// What each part of a built file costs in brotli: the file compressed whole, then without the bytes
// its source map attributes to the part (the rest left as it is), the difference being what leaving
// that part out of the file would save. A part's share of the minified bytes overstates what it
// costs when it repeats words of the rest (brotli finds them anyway) and understates it when it does
// not; this measures it. The file without a part does not run: only its size is read.
//
// Usage: node packages/elements/bench/where-bytes.mjs [dist/paywall-gate.first.js]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

const brotli = (text) =>
  brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The parts of the gate's first chunk, by the sources they come from. */
export const FIRST_CHUNK_PARTS = {
  Lit: [
    'node_modules/lit-html/',
    'node_modules/@lit/reactive-element/',
    'node_modules/lit-element/',
    'node_modules/lit/',
  ],
  'the shared styles': ['src/internal/styles.ts'],
  'the gate (element, first states, machine, content, styles)': ['src/paywall-gate/'],
  'the sign-in (controller, form, wait)': ['src/internal/sign-in/'],
  'host colours': ['src/internal/host-colours.ts'],
  'the base element and the lazy client': ['src/internal/client-element.ts', 'src/internal/lazy-client.ts'],
  'the first strings': ['src/internal/strings.ts'],
};

/**
 * For each part (a name and the source path fragments it is made of): the brotli bytes of `file`, and
 * the bytes it would lose without that part.
 */
export function whereBytes(file, parts) {
  const code = readFileSync(file, 'utf8');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  const lines = code.split('\n');
  // Each generated character's source: a mapping covers the characters up to the next one on its line.
  const owners = lines.map((line) => new Array(line.length).fill(''));
  const mappings = [];
  map.eachMapping((m) => mappings.push(m), null, SourceMapConsumer.GENERATED_ORDER);
  mappings.forEach((m, i) => {
    const next = mappings[i + 1];
    const line = m.generatedLine - 1;
    const end = next?.generatedLine === m.generatedLine ? next.generatedColumn : lines[line].length;
    for (let column = m.generatedColumn; column < end; column++) owners[line][column] = m.source ?? '';
  });
  const whole = brotli(code);
  const saves = {};
  for (const [name, sources] of Object.entries(parts)) {
    const rest = lines
      .map((line, l) => [...line].filter((_, c) => !sources.some((s) => owners[l][c].includes(s))).join(''))
      .join('\n');
    saves[name] = whole - brotli(rest);
  }
  return { whole, saves };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../dist/paywall-gate.first.js');
  const { whole, saves } = whereBytes(file, FIRST_CHUNK_PARTS);
  console.log(`${file}: ${(whole / 1024).toFixed(2)} KiB brotli`);
  for (const [name, bytes] of Object.entries(saves))
    console.log(`  without ${name}: −${(bytes / 1024).toFixed(2)} KiB`);
}
