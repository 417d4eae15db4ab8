// Builds what `tsc -b` does not: the script-tag bundles (dist/visitor-access.js, one minified IIFE
// registering every element, and dist/paywall-gate.js, <paywall-gate> only) and the custom elements manifest (custom-elements.json, also copied
// to docs/ for the element reference).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
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
    // The browser build of the SDK never needs Node's globals.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    // Indentation and CSS whitespace of the Lit templates (see minify-templates.mjs).
    plugins: [minifyTemplatesPlugin(join(here, 'src'))],
  });
  writeFileSync(join(here, out.replace(/\.js$/, '.meta.json')), JSON.stringify(result.metafile));
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
console.log(`built ${scripts.map((s) => s.out).join(', ')} and custom-elements.json`);
