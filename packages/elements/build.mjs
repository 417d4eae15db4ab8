// Builds what `tsc -b` does not: the script-tag bundles (dist/visitor-access.js, one minified IIFE
// registering every element, and dist/paywall-gate.js, <paywall-gate> only) and the custom elements manifest (custom-elements.json, also copied
// to docs/ for the element reference).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** The script-tag bundles: one minified IIFE each, with a metafile for the size bench. */
const scripts = [
  // Every element.
  { entry: 'src/bundle.ts', out: 'dist/visitor-access.js' },
  // <paywall-gate> only, for a page that shows no other element (decision 0090).
  { entry: 'src/bundle-paywall-gate.ts', out: 'dist/paywall-gate.js' },
];

for (const { entry, out } of scripts) {
  const result = await build({
    entryPoints: [join(here, entry)],
    outfile: join(here, out),
    bundle: true,
    format: 'iife',
    minify: true,
    target: ['es2022'],
    platform: 'browser',
    legalComments: 'none',
    metafile: true,
    sourcemap: 'linked',
    // The browser build of the SDK never needs Node's globals. The language files' address comes
    // from the script tag (script-config.ts), never from import.meta, which an IIFE has not.
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '""' },
    logLevel: 'warning',
    // Indentation and CSS whitespace of the Lit templates (see minify-templates.mjs).
    plugins: [minifyTemplatesPlugin(join(here, 'src'))],
  });
  writeFileSync(join(here, out.replace(/\.js$/, '.meta.json')), JSON.stringify(result.metafile));
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
    '--outdir',
    '.',
  ],
  { cwd: here, stdio: 'inherit' },
);
mkdirSync(join(here, '../../docs'), { recursive: true });
copyFileSync(join(here, 'custom-elements.json'), join(here, '../../docs/custom-elements.json'));
execFileSync(process.execPath, [join(here, 'docs.mjs')], { stdio: 'inherit' });
console.log(
  `built ${scripts.map((s) => s.out).join(', ')}, ${languages.length} languages in dist/locales and custom-elements.json`,
);
