// The split-loading journeys' server (lib/script-host.ts), without a browser: which files it counts
// as later chunks, and what it does with them in each mode.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLES, startScriptHost, type ScriptHost } from './lib/script-host.js';

const DIST = join(import.meta.dirname, '../../packages/elements/dist');

let host: ScriptHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** The first chunk and the later chunks of a bundle, as its build lists them. */
function layout(bundle: string): { first: string[]; later: string[] } {
  const meta = JSON.parse(readFileSync(join(DIST, bundle.replace(/\.js$/, '.meta.json')), 'utf8')) as {
    first: string[];
    outputs: Record<string, unknown>;
  };
  const name = bundle.replace(/\.js$/, '');
  const later = Object.keys(meta.outputs).filter(
    (file) => file.endsWith('.js') && file !== bundle && !meta.first.includes(file) && file.startsWith(`${name}.`),
  );
  return { first: meta.first, later };
}

describe('e2e/engines/lib/script-host.ts', () => {
  it("serves the loader and the first chunk at once, and holds every later chunk of the build's until released", async () => {
    host = await startScriptHost();
    host.setLater('hold');
    for (const bundle of BUNDLES) {
      const { first, later } = layout(bundle);
      expect(later.length, `${bundle} has later chunks`).toBeGreaterThan(0);
      for (const file of [bundle, ...first]) {
        expect((await fetch(`${host.origin}/dist/${file}`)).status, file).toBe(200);
      }
      const held = later.map((file) => fetch(`${host!.origin}/dist/${file}?retry=1`));
      await expect.poll(() => host!.held().length).toBe(later.length);
      expect(host.held().sort()).toEqual(later.map((file) => `${file}?retry=1`).sort());
      host.setLater('serve');
      for (const res of await Promise.all(held)) expect(res.status).toBe(200);
      expect(host.held()).toEqual([]);
      host.setLater('hold');
    }
    expect(
      host
        .requests()
        .filter((r) => r.later)
        .every((r) => r.answer === 'served'),
    ).toBe(true);
  });

  it('answers later chunks 404, or drops their connection; serves the rest; never leaves dist/', async () => {
    host = await startScriptHost();
    const [sdk] = layout('paywall-gate.js').later;
    host.setLater('404');
    expect((await fetch(`${host.origin}/dist/${sdk}`)).status).toBe(404);
    expect((await fetch(`${host.origin}/dist/paywall-gate.js`)).status).toBe(200);
    host.setLater('drop');
    await expect(fetch(`${host.origin}/dist/${sdk}`)).rejects.toThrow();
    expect(host.requests().map((r) => r.answer)).toEqual(['404', 'served', 'dropped']);
    for (const path of ['/dist/../package.json', '/dist/%2e%2e/package.json', '/dist/%E0%A4%A', '/package.json']) {
      expect([400, 404], path).toContain((await fetch(`${host.origin}${path}`)).status);
    }
    host.page('/p.html', '<!doctype html><title>p</title>', { 'content-security-policy': "script-src 'none'" });
    const page = await fetch(`${host.origin}/p.html`);
    expect(page.headers.get('content-security-policy')).toBe("script-src 'none'");
  });
});
