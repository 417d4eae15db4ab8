import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// The link check that `npm run docs` (and so `npm test`) runs on the built site: it must catch a
// missing page and a missing anchor, and accept what a static server would serve.
const script = fileURLToPath(new URL('../scripts/check-links.mjs', import.meta.url));
const dirs: string[] = [];

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'va-links-'));
  dirs.push(dir);
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}
const check = (dir: string) => spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('scripts/check-links.mjs', () => {
  it('accepts pages, folders, anchors (by id or name) and ignores external links', () => {
    const result = check(
      site({
        'index.html':
          '<a href="/guide.html#setup">x</a><a href="api/">y</a><a href="guide#old">z</a><a href="https://x.test/">e</a><a href="#top">t</a><i id="top"></i>',
        'guide.html': '<h2 id="setup">Setup</h2><a name="old"></a>',
        'api/index.html': '<a href="../index.html">back</a>',
      }),
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('5 internal links in 3 pages');
  });

  it('fails on a missing page and on a missing anchor, naming both', () => {
    const result = check(
      site({
        'index.html': '<a href="/missing.html">x</a><a href="/guide.html#nope">y</a>',
        'guide.html': '<h2 id="setup">Setup</h2>',
      }),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('/index.html: /missing.html (no such file)');
    expect(result.stderr).toContain('/index.html: /guide.html#nope (no #nope in guide.html)');
  });
});
