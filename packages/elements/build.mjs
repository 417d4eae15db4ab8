// Builds what `tsc -b` does not: the script-tag bundles and the custom elements manifest
// (custom-elements.json, also copied to docs/ for the element reference).
//
// Each script-tag bundle (dist/visitor-access.js: every element; dist/paywall-gate.js:
// <paywall-gate> only) is three files side by side, named after it (decision 0151):
// - `<name>.js`, the classic script a page's tag loads: a small loader (script/loader.ts) that sends
//   the gates' access checks and adds the first chunk as a module script;
// - `<name>.first.js`, an ES module: Lit and the elements, everything the first usable state needs;
// - `<name>.sdk.js`, an ES module: the SDK and ky, imported after the first usable paint (or by the
//   first call that needs them) through `internal/sdk-lazy.ts`, which replaces `internal/sdk.ts` here;
//   in `visitor-access.sdk.js`, also the three elements whose first state needs the SDK (0155).
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
  // Every element: the gate in the first chunk, the other three in the SDK's (decision 0155).
  {
    name: 'visitor-access',
    first: 'src/script/visitor-access.main.ts',
    sdk: 'src/script/visitor-access.sdk.ts',
    laterTags: ['visitor-session', 'visitor-access-list', 'group-buy-card'],
  },
  // <paywall-gate> only, for a page that shows no other element (decision 0090).
  { name: 'paywall-gate', first: 'src/script/paywall-gate.main.ts', sdk: 'src/script/sdk.ts', laterTags: [] },
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

/**
 * `internal/sdk.ts` (the SDK, statically) becomes `internal/sdk-lazy.ts` (the SDK's chunk, later), and
 * `internal/later.ts` (the gate's later states, statically) `internal/later-lazy.ts` (the same chunk),
 * `internal/analytics.ts` `internal/analytics-lazy.ts` (its events sent by the same chunk).
 */
const lazySdkPlugin = {
  name: 'lazy-sdk',
  setup(b) {
    b.onResolve({ filter: /^\.\/sdk\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'internal', 'client.ts'))
        ? { path: join(here, 'src/internal/sdk-lazy.ts') }
        : undefined,
    );
    b.onResolve({ filter: /^\.\.\/internal\/later\.js$/ }, () => ({ path: join(here, 'src/internal/later-lazy.ts') }));
    // The funnel's events are sent by the SDK's chunk (`script/sdk.ts` imports the real module).
    b.onResolve({ filter: /(^|\/)analytics\.js$/ }, (args) =>
      args.importer.endsWith(join('script', 'sdk.ts')) || args.importer.endsWith('analytics-lazy.ts')
        ? undefined
        : { path: join(here, 'src/internal/analytics-lazy.ts') },
    );
  },
};

// Files of earlier builds (chunks are named by their content).
for (const file of readdirSync(dist)) {
  if (scripts.some(({ name }) => file.startsWith(`${name}.`) || file === `${name}.js`)) rmSync(join(dist, file));
}

/**
 * The SDK's chunk imports what the first chunk holds (Lit, the strings, the flows…) from the first
 * chunk itself rather than from a chunk both would share (decision 0153): each module is external
 * to it, at `mark(path)`, and the first chunk exports the names it asks for.
 */
const fromFirst = (inFirst, mark, names) => ({
  name: 'from-first',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind === 'entry-point' || args.pluginData?.inner || args.namespace === 'first') return undefined;
      const found = await b.resolve(args.path, {
        resolveDir: args.resolveDir,
        importer: args.importer,
        kind: args.kind,
        pluginData: { inner: true },
      });
      if (!inFirst.has(found.path)) return undefined;
      // Learning the names: each module apart. Then: one module for them all, one import.
      return names ? { path: 'first', namespace: 'first' } : { path: mark(found.path), external: true };
    });
    b.onResolve({ filter: /.*/, namespace: 'first' }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'first' }, () => ({
      contents: `export { ${names.join(', ')} } from ${JSON.stringify(mark())};`,
    }));
  },
});

for (const { name, first, sdk: sdkEntry, laterTags } of scripts) {
  const define = {
    ...common.define,
    SDK_CHUNK: JSON.stringify(`${name}.sdk.js`),
    LATER_TAGS: JSON.stringify(laterTags.join()),
  };
  // Indentation and CSS whitespace of the Lit templates (see minify-templates.mjs).
  const plugins = [minifyTemplatesPlugin(join(here, 'src')), lazySdkPlugin];
  const firstBuild = (exports, write) =>
    build({
      ...common,
      entryPoints: { [`${name}.first`]: 'first-chunk' },
      // Module scripts are always read as UTF-8: `’` is 3 bytes, not the 6 of `\u2019` (decision 0153).
      charset: 'utf8',
      outdir: dist,
      format: 'esm',
      splitting: true,
      entryNames: '[name]',
      chunkNames: `${name}.[name]-[hash]`,
      define,
      write,
      plugins: [
        {
          name: 'first-chunk',
          setup(b) {
            b.onResolve({ filter: /^first-chunk$/ }, () => ({ path: 'first-chunk', namespace: 'va' }));
            // The entry's own code, and the exports the SDK's chunk needs.
            b.onLoad({ filter: /.*/, namespace: 'va' }, () => ({
              resolveDir: dirname(join(here, first)),
              loader: 'ts',
              contents: [
                readFileSync(join(here, first), 'utf8'),
                ...Object.entries(exports).map(
                  ([path, names]) => `export { ${[...names].join(', ')} } from ${JSON.stringify(path)};`,
                ),
              ].join('\n'),
            }));
          },
        },
        ...plugins,
      ],
    });
  // 1. The first chunk: which modules it holds.
  const probe = await firstBuild({}, false);
  const inFirst = new Set(Object.keys(probe.metafile.inputs).map((path) => join(process.cwd(), path)));
  // 2. The SDK's chunk with those modules external: which of their names it imports.
  const sdkBuild = (mark, write, names) =>
    build({
      ...common,
      entryPoints: { [`${name}.sdk`]: join(here, sdkEntry) },
      charset: 'utf8',
      outdir: dist,
      format: 'esm',
      entryNames: '[name]',
      define,
      write,
      plugins: [fromFirst(inFirst, mark, names), ...plugins],
    });
  const named = await sdkBuild((path) => `shared:${path}`, false);
  const exports = {};
  const owner = new Map();
  const text = named.outputFiles.find((f) => f.path.endsWith('.js')).text;
  for (const [, list = '', path] of text.matchAll(/import\s*(?:\{([^}]*)\})?\s*(?:from\s*)?"shared:([^"]+)"/g)) {
    for (const item of list.split(',').filter((i) => i.trim())) {
      const exported = item.trim().split(/\s+as\s+/)[0];
      if (owner.has(exported) && owner.get(exported) !== path)
        throw new Error(`${exported} is exported by two modules the SDK's chunk imports`);
      owner.set(exported, path);
      (exports[path] ??= new Set()).add(exported);
    }
  }
  if (/"shared:|import\s*\*/.test(text.replace(/import\s*(?:\{[^}]*\})?\s*(?:from\s*)?"shared:[^"]+"/g, ''))) {
    throw new Error(`${name}.sdk.js imports the first chunk in a way build.mjs does not handle`);
  }
  // 3. Both, for real: the first chunk exports those names, the SDK's chunk imports them from it.
  const chunks = await firstBuild(exports, true);
  const sdk = await sdkBuild(() => `./${name}.first.js`, true, [...owner.keys()]);
  Object.assign(chunks.metafile.inputs, sdk.metafile.inputs);
  Object.assign(chunks.metafile.outputs, sdk.metafile.outputs);
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
    define: { ...define, FIRST_CHUNK: JSON.stringify(firstFiles) },
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
