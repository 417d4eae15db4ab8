// Builds what `tsc -b` does not: the script-tag bundle (dist/visitor-access.js, one minified IIFE
// registering every element) and the custom elements manifest (custom-elements.json, also copied
// to docs/ for the element reference).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const result = await build({
  entryPoints: [join(here, 'src/bundle.ts')],
  outfile: join(here, 'dist/visitor-access.js'),
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
writeFileSync(join(here, 'dist/visitor-access.meta.json'), JSON.stringify(result.metafile));

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
console.log('built dist/visitor-access.js and custom-elements.json');
