// The anchors of the README's Performance section: what comparable products make a browser download,
// measured the way our own bundles are (esbuild, minified, for the browser; brotli quality 11). Not
// part of `npm test` or `npm run bench` (it installs four packages from npm into a temporary folder):
//
//   node scripts/anchors.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';

const anchors = [
  // The script tag Ghost sites load for their membership UI, as shipped (already minified).
  { name: 'Ghost Portal (embed script)', pkg: '@tryghost/portal@2.71.227', file: 'umd/portal.min.js' },
  // Clerk's browser SDK with its prebuilt sign-in UI.
  {
    name: 'Clerk (clerk-js, with its sign-in UI)',
    pkg: '@clerk/clerk-js@6.40.0',
    code: "import { Clerk } from '@clerk/clerk-js'; export const clerk = new Clerk('pk_test_Y2xlcmsuZXhhbXBsZS5jb20k');",
  },
  // The SDKs alone, without any UI.
  {
    name: 'magic-sdk (no UI)',
    pkg: 'magic-sdk@33.13.0',
    code: "import { Magic } from 'magic-sdk'; export const magic = new Magic('pk_live_x');",
  },
  {
    name: 'Supabase auth-js (no UI)',
    pkg: '@supabase/auth-js@2.119.0',
    code: "import { GoTrueClient } from '@supabase/auth-js'; export const auth = new GoTrueClient({ url: 'https://x.supabase.co/auth/v1' });",
  },
];

const dir = mkdtempSync(join(tmpdir(), 'va-anchors-'));
try {
  writeFileSync(join(dir, 'package.json'), '{"private":true}');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...anchors.map((a) => a.pkg)], {
    cwd: dir,
    stdio: 'inherit',
  });
  console.log('| anchor | brotli |\n|---|---:|');
  for (const anchor of anchors) {
    let bytes;
    if (anchor.file) {
      const pkgName = anchor.pkg.slice(0, anchor.pkg.lastIndexOf('@'));
      bytes = readFileSync(join(dir, 'node_modules', pkgName, anchor.file));
    } else {
      const result = await build({
        stdin: { contents: anchor.code, resolveDir: dir, loader: 'js' },
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        legalComments: 'none',
        logLevel: 'silent',
        loader: { '.css': 'text', '.svg': 'text', '.woff2': 'empty' },
        define: { 'process.env.NODE_ENV': '"production"' },
      });
      bytes = result.outputFiles[0].contents;
    }
    const size = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    console.log(`| ${anchor.name} | ${(size / 1024).toFixed(1)} kB |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
