// Per-call overhead of the SDK against a bare fetch, measured honestly: a fixed-answer loopback
// server in its own process (fixed-answer-server.mjs), the same access check from every side,
// interleaved rounds (per-call-sides.mjs), in Node and in Chromium (where most calls happen).
// Prints JSON: { node: {side: {msPerCall, ratio}}, chromium: {...} }.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ky from 'ky';
import { chromium } from 'playwright-core';
import { createClient } from '@visitor-access/sdk';
import { createClient as createLiteClient } from '@visitor-access/sdk/lite';
import { CHROMIUM_ARGS, findChromium } from '@visitor-access/tools/find-chromium';
import { calls, interleave } from './per-call-sides.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// Short batches in many rounds: every side sees the same moments of a noisy machine.
const rounds = 40;
const batch = 25;

const server = spawn(process.execPath, [join(here, 'fixed-answer-server.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
try {
  const base = await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.stdout.once('data', (data) => resolve(String(data).trim()));
  });
  const node = await interleave(calls({ base, ky, createClient, createLiteClient }), {
    rounds,
    batch,
    gc: globalThis.gc,
  });

  const bundle = await build({
    entryPoints: [join(here, 'per-call-page.mjs')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  server.stdin.write(`${JSON.stringify({ path: '/bench.js', source: bundle.outputFiles[0].text })}\n`);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  let inChromium;
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.addScriptTag({ url: '/bench.js', type: 'module' });
    await page.waitForFunction(() => typeof window.runBench === 'function');
    inChromium = await page.evaluate((options) => window.runBench(options), { rounds, batch });
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify({ rounds, batch, node, chromium: inChromium }));
} finally {
  server.stdin.end();
}
