// Builds what `tsc -b` does not: the script-tag bundles and the custom elements manifest
// (custom-elements.json, also copied to docs/ for the element reference).
//
// Each script-tag bundle (dist/visitor-access.js: every element; dist/paywall-gate.js:
// <paywall-gate> only) is three files side by side, named after it (decision 0151):
// - `<name>.js`, the classic script a page's tag loads: a small loader (script/loader.ts) that sends
//   the gates' access checks and adds the first chunk as a module script;
// - `<name>.first.js`, an ES module: Lit and the elements, everything the first usable state needs;
// - `<name>.sdk.js`, an ES module: the SDK and ky, imported after the first usable paint (or by the
//   first call that needs them) through `internal/sdk-lazy.ts`, which replaces `internal/sdk.ts` here.
// Chunks esbuild splits off (a dynamic import in the sources) are `<name>.<module>-<hash>.js`, e.g.
// `paywall-gate.sanitize-<hash>.js`, the HTML sanitizer, imported with the `src` content it cleans.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');

export const scripts = [
  // Every element.
  { name: 'visitor-access', first: 'src/script/visitor-access.main.ts' },
  // <paywall-gate> only, for a page that shows no other element (decision 0090).
  { name: 'paywall-gate', first: 'src/script/paywall-gate.main.ts' },
];

const common = {
  bundle: true,
  minify: true,
  target: ['es2022'],
  platform: 'browser',
  legalComments: 'none',
  metafile: true,
  sourcemap: 'linked',
  // The browser build of the SDK never needs Node's globals.
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

/** `internal/sdk.ts` (the SDK, statically) becomes `internal/sdk-lazy.ts` (the SDK's chunk, later). */
const lazySdkPlugin = {
  name: 'lazy-sdk',
  setup(b) {
    b.onResolve({ filter: /^\.\/sdk\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'internal', 'client.ts'))
        ? { path: join(here, 'src/internal/sdk-lazy.ts') }
        : undefined,
    );
  },
};

// Files of earlier builds (chunks are named by their content).
for (const file of readdirSync(dist)) {
  if (scripts.some(({ name }) => file.startsWith(`${name}.`) || file === `${name}.js`)) rmSync(join(dist, file));
}

for (const { name, first } of scripts) {
  const chunks = await build({
    ...common,
    entryPoints: { [`${name}.first`]: join(here, first), [`${name}.sdk`]: join(here, 'src/script/sdk.ts') },
    outdir: dist,
    format: 'esm',
    splitting: true,
    entryNames: '[name]',
    chunkNames: `${name}.[name]-[hash]`,
    define: { ...common.define, SDK_CHUNK: JSON.stringify(`${name}.sdk.js`) },
    // Indentation and CSS whitespace of the Lit templates (see minify-templates.mjs).
    plugins: [minifyTemplatesPlugin(join(here, 'src')), lazySdkPlugin],
  });
  // The first chunk and every file it imports statically: the loader asks for them all at once.
  const outputs = chunks.metafile.outputs;
  const key = (file) => Object.keys(outputs).find((k) => k.endsWith(`/${file}`) || k === `dist/${file}`);
  const firstFiles = [];
  const visit = (path) => {
    for (const i of outputs[path].imports) {
      if (i.kind === 'import-statement' && !firstFiles.includes(basename(i.path))) visit(i.path);
    }
    if (!firstFiles.includes(basename(path))) firstFiles.push(basename(path));
  };
  visit(key(`${name}.first.js`));
  const loader = await build({
    ...common,
    entryPoints: [join(here, 'src/script/loader.ts')],
    outfile: join(dist, `${name}.js`),
    format: 'iife',
    define: { ...common.define, FIRST_CHUNK: JSON.stringify(firstFiles) },
  });
  // For the size bench and the budgets: which file is which part.
  writeFileSync(
    join(dist, `${name}.meta.json`),
    JSON.stringify({
      loader: `${name}.js`,
      first: firstFiles,
      inputs: { ...loader.metafile.inputs, ...chunks.metafile.inputs },
      outputs: Object.fromEntries(
        [...Object.entries(loader.metafile.outputs), ...Object.entries(outputs)].map(([k, v]) => [basename(k), v]),
      ),
    }),
  );
}

// The shipped languages other than English (decision 0110): one minified ES module each,
// dist/locales/<tag>.js, beside the script-tag bundles (which import it on a page in that language)
// and the npm module `@visitor-access/elements/locales/<tag>` (in place of tsc's output of it).
const languages = readdirSync(join(here, 'src/locales')).filter((f) => /^[a-z]{2}(-[A-Z]{2})?\.ts$/.test(f));
await build({
  entryPoints: languages.map((f) => join(here, 'src/locales', f)),
  outdir: join(here, 'dist/locales'),
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2022'],
  platform: 'browser',
  charset: 'utf8',
  legalComments: 'none',
  sourcemap: 'linked',
  logLevel: 'warning',
});
// The elements ask for a language by its base (locales/pt.js on a `pt` or `pt-PT` page), so the
// two regional variants are also there under their base name.
for (const [base, tag] of [
  ['pt', 'pt-BR'],
  ['zh', 'zh-CN'],
]) {
  const code = readFileSync(join(here, `dist/locales/${tag}.js`), 'utf8').replace(
    /\n\/\/# sourceMappingURL=.*\n?$/,
    '\n',
  );
  writeFileSync(join(here, `dist/locales/${base}.js`), code);
}

execFileSync(
  process.execPath,
  [
    join(here, '../../node_modules/@custom-elements-manifest/analyzer/cem.js'),
    'analyze',
    '--litelement',
    '--globs',
    'src/**/*.ts',
    '--exclude',
    'src/**/*.test.ts',
    '--exclude',
    'src/script/**',
    '--outdir',
    '.',
  ],
  { cwd: here, stdio: 'inherit' },
);
mkdirSync(join(here, '../../docs'), { recursive: true });
copyFileSync(join(here, 'custom-elements.json'), join(here, '../../docs/custom-elements.json'));
execFileSync(process.execPath, [join(here, 'docs.mjs')], { stdio: 'inherit' });
console.log(
  `built ${scripts.map((s) => `dist/${s.name}.js`).join(', ')} with their chunks, ${languages.length} languages in dist/locales and custom-elements.json`,
);
