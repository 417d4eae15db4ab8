// The packaging test: the packages as npm would publish them, used the way a consumer uses them.
//   1. `npm pack` every public package; each tarball has its README, the LICENSE, no placeholder
//      repository fields, and none of the build leftovers (tsbuildinfo, tests, bench files).
//   2. Install the tarballs into a fresh project made like `npm init -y` (CommonJS), from the
//      local npm cache where it can.
//   3. In Node (the one running this script): `import` every entry point, and `require()` it from
//      CommonJS where this Node has require(esm) — where it has not, check that it fails the
//      documented way. Then run the installed mock server and the installed SDK against it.
//   4. TypeScript in that CommonJS project: `module: node16` refuses the ESM packages (TS1479),
//      `nodenext`/`node20` compile to a require() that runs, and `"type": "module"` imports them —
//      what docs/node-and-typescript.md says.
//   5. In Chromium: the script-tag bundle from the installed tarball, on a plain HTML page,
//      against the installed mock: the elements are defined and the gate asks to sign in.
// Run after `npm run build`:  node scripts/check-tarballs.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '@visitor-access/tools/find-chromium';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const failures = [];
const ok = (text) => console.log(`ok   ${text}`);
const fail = (text) => {
  failures.push(text);
  console.error(`FAIL ${text}`);
};
const check = (condition, text) => (condition ? ok(text) : fail(text));

const packages = readdirSync(join(root, 'packages'))
  .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) }))
  .filter(({ json }) => !json.private);
const work = mkdtempSync(join(tmpdir(), 'va-packaging-'));
const started = Date.now();

try {
  // 1. Pack.
  const packs = join(work, 'packs');
  mkdirSync(packs);
  const packed = JSON.parse(
    execFileSync(
      npm,
      [
        'pack',
        '--json',
        '--pack-destination',
        packs,
        ...packages.flatMap(({ dir }) => ['--workspace', `packages/${dir}`]),
      ],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    ),
  );
  for (const pack of packed) {
    const files = pack.files.map((f) => f.path);
    const json = packages.find((p) => p.json.name === pack.name).json;
    check(files.includes('README.md'), `${pack.name}: README.md in the tarball`);
    const dir = packages.find((p) => p.json.name === pack.name).dir;
    const license = (path) => readFileSync(path, 'utf8').trim();
    check(
      files.includes('LICENSE') && license(join(root, 'packages', dir, 'LICENSE')) === license(join(root, 'LICENSE')),
      `${pack.name}: the repository's LICENSE in the tarball`,
    );
    const leftovers = files.filter((f) => /tsbuildinfo|\.test\.|(^|\/)(bench|test)\/|meta\.json$/.test(f));
    check(
      leftovers.length === 0,
      `${pack.name}: no build leftovers${leftovers.length ? ` (${leftovers.join(', ')})` : ''}`,
    );
    const urls = [json.repository?.url ?? json.repository, json.homepage, json.bugs?.url ?? json.bugs].filter(Boolean);
    check(
      urls.every((u) => /^(git\+)?https:\/\//.test(u) && !/example\.(invalid|com|org)|placeholder/i.test(u)),
      `${pack.name}: repository/homepage/bugs absent or real${urls.length ? ` (${urls.join(', ')})` : ''}`,
    );
    check(Boolean(json.engines?.node), `${pack.name}: engines.node says which Node versions (${json.engines?.node})`);
    ok(`${pack.name}: ${pack.entryCount} files, ${(pack.size / 1024).toFixed(1)} kB packed`);
  }

  // 2. A fresh CommonJS project, like `npm init -y`.
  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2),
  );
  const tarballs = readdirSync(packs).map((f) => join(packs, f));
  const install = spawnSync(
    npm,
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs],
    {
      cwd: app,
      encoding: 'utf8',
    },
  );
  if (install.status !== 0) throw new Error(`npm install of the tarballs failed:\n${install.stdout}${install.stderr}`);
  ok(`installed ${tarballs.length} tarballs into a fresh CommonJS project`);

  // 3. Node: import, require, and use.
  // A pattern entry (`./locales/*`) stands for every file it matches in the installed package.
  const expand = (json, key) => {
    if (!key.includes('*')) return [key];
    const target = json.exports[key].default ?? json.exports[key];
    const [folder, suffix] = target.slice(2).split('*');
    return readdirSync(join(app, 'node_modules', json.name, folder))
      .filter((file) => file.endsWith(suffix))
      .map((file) => key.replace('*', file.slice(0, -suffix.length)));
  };
  const entries = packages.flatMap(({ json }) =>
    Object.keys(json.exports)
      .filter((key) => !key.endsWith('.json') && key !== './visitor-access.js') // data, and the browser IIFE
      .flatMap((key) => expand(json, key))
      .map((key) => (key === '.' ? json.name : `${json.name}/${key.slice(2)}`)),
  );
  // Entries that hold types only (the wire types of the contract) or only register (React's JSX types).
  const typesOnly = ['/react', '/types'];
  const node = (args, cwd = app) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  const esm = node([
    '--input-type=module',
    '-e',
    `for (const e of ${JSON.stringify(entries)}) { const m = await import(e); if (!Object.keys(m).length && !${JSON.stringify(typesOnly)}.some((t) => e.endsWith(t))) throw new Error(e + ' exports nothing'); }`,
  ]);
  check(
    esm.status === 0,
    `Node ${process.version}: import() of ${entries.length} entry points${esm.status ? `\n${esm.stderr}` : ''}`,
  );

  const requireCode = `for (const e of ${JSON.stringify(entries)}) require(e);`;
  writeFileSync(join(app, 'require-all.js'), requireCode);
  const cjs = node(['require-all.js']);
  if (process.features.require_module) {
    check(
      cjs.status === 0,
      `Node ${process.version}: require() of every entry point from CommonJS${cjs.status ? `\n${cjs.stderr}` : ''}`,
    );
  } else {
    check(
      cjs.status !== 0 && /ERR_REQUIRE_ESM/.test(cjs.stderr),
      `Node ${process.version} has no require(esm): require() fails with ERR_REQUIRE_ESM, as documented`,
    );
  }

  writeFileSync(
    join(app, 'journey.mjs'),
    `import { startServer } from '@visitor-access/mock/server';
import { createClient, VisitorUnauthorizedError } from '@visitor-access/sdk';
const mock = await startServer({ port: 0, host: '127.0.0.1', log: false });
try {
  const client = createClient({ baseUrl: mock.url, sessionChannel: false });
  const { reason } = await client.pages.checkAccess('gharart', 'masterclass');
  const me = await client.auth.me().catch((e) => e);
  if (reason !== 'visitor_auth_required' || !(me instanceof VisitorUnauthorizedError) || !me.requestId) process.exit(2);
  console.log(reason, me.code, me.requestId);
} finally { await mock.close(); }`,
  );
  const journey = node(['journey.mjs']);
  check(
    journey.status === 0,
    `the installed SDK against the installed mock server: ${journey.stdout.trim() || journey.stderr}`,
  );

  // The installed creator's server in front of the installed mock: the proxy forwards, protect() refuses.
  writeFileSync(
    join(app, 'server-journey.mjs'),
    `import { startServer } from '@visitor-access/mock/server';
import { createVisitorAccess } from '@visitor-access/server';
import { toNodeHandler } from '@visitor-access/server/node';
const mock = await startServer({ port: 0, host: '127.0.0.1', log: false });
try {
  const va = createVisitorAccess({ apiBase: mock.url, siteUrl: 'http://localhost:3000' });
  if (typeof toNodeHandler(va) !== 'function') process.exit(3);
  const me = await va.fetch(new Request('http://localhost:3000/api/v2/visitor/me'));
  const lesson = await va.protect({ handle: 'gharart', page: 'masterclass' }, () => new Response('x'))(new Request('http://localhost:3000/l'));
  const refund = await va.fetch(new Request('http://localhost:3000/api/v2/handles/gharart/pages/masterclass/refund', { method: 'POST' }));
  if (me.status !== 401 || lesson.status !== 401 || refund.status !== 404) process.exit(2);
  console.log(me.status, lesson.status, refund.status);
} finally { await mock.close(); }`,
  );
  const serverJourney = node(['server-journey.mjs']);
  check(
    serverJourney.status === 0,
    `the installed server package in front of the installed mock: ${serverJourney.stdout.trim() || serverJourney.stderr}`,
  );

  // 4. TypeScript in the CommonJS project (the TypeScript of this repository).
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const source = `import { createClient } from '@visitor-access/sdk';\nconsole.log(typeof createClient({ baseUrl: 'http://localhost:4010' }).pages.checkAccess);\n`;
  const tsProject = (name, module, type) => {
    const dir = join(app, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.ts'), source);
    if (type) writeFileSync(join(dir, 'package.json'), JSON.stringify({ type }));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module, target: 'es2022', strict: true, skipLibCheck: true, outDir: 'out', types: [] },
        files: ['index.ts'],
      }),
    );
    const compiled = node([tsc, '-p', '.'], dir);
    const ran = compiled.status === 0 ? node([join('out', 'index.js')], dir) : undefined;
    return { compiled, ran, output: `${compiled.stdout}${compiled.stderr}` };
  };
  const node16 = tsProject('ts-node16', 'node16');
  check(
    node16.compiled.status !== 0 && node16.output.includes('TS1479'),
    'TypeScript, CommonJS project, module node16: import of the ESM package refused with TS1479 (as documented)',
  );
  for (const module of ['nodenext', 'node20']) {
    const result = tsProject(`ts-${module}`, module);
    if (result.compiled.status !== 0) {
      fail(`TypeScript, CommonJS project, module ${module}: does not compile\n${result.output}`);
    } else if (process.features.require_module) {
      check(
        result.ran.status === 0 && result.ran.stdout.trim() === 'function',
        `TypeScript, CommonJS project, module ${module}: compiles to require() that runs`,
      );
    } else {
      check(
        /ERR_REQUIRE_ESM/.test(result.ran.stderr),
        `TypeScript, module ${module}: compiles; this Node has no require(esm) (ERR_REQUIRE_ESM)`,
      );
    }
  }
  const typeModule = tsProject('ts-type-module', 'node16', 'module');
  check(
    typeModule.compiled.status === 0 && typeModule.ran.status === 0 && typeModule.ran.stdout.trim() === 'function',
    `TypeScript, "type": "module", module node16: import compiles and runs${typeModule.compiled.status ? `\n${typeModule.output}` : ''}`,
  );

  // 5. The script-tag bundle from the installed tarball, in Chromium, against the installed mock.
  const bundle = join(app, 'node_modules/@visitor-access/elements/dist/visitor-access.js');
  const page = join(app, 'index.html');
  const pageServer = createServer((req, res) => {
    // The script and the chunks it loads from beside itself (decision 0151).
    if (/^\/visitor-access(\.[\w-]+)?\.js$/.test(req.url)) {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      createReadStream(join(dirname(bundle), req.url.slice(1))).pipe(res);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      createReadStream(page).pipe(res);
    }
  });
  await new Promise((resolve) => pageServer.listen(0, 'localhost', resolve));
  const { startServer } = await import(join(app, 'node_modules/@visitor-access/mock/dist/server.js'));
  const mock = await startServer({ port: 0, host: '127.0.0.1', log: false });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    writeFileSync(
      page,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Script tag</title>
<script src="/visitor-access.js" data-api-base="${mock.url}" defer></script></head>
<body><paywall-gate handle="gharart" page="masterclass"><p>Paid content</p></paywall-gate></body></html>`,
    );
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`http://localhost:${pageServer.address().port}/`);
    await tab.waitForSelector('paywall-gate[state=sign-in]', { timeout: 15_000 });
    const defined = await tab.evaluate(() =>
      ['paywall-gate', 'visitor-session', 'visitor-access-list', 'group-buy-card'].every((t) => customElements.get(t)),
    );
    const contentShown = await tab.locator('text=Paid content').isVisible();
    check(
      defined && !contentShown && errors.length === 0,
      `Chromium: the installed script-tag bundle defines the four elements and the gate asks to sign in${errors.length ? ` (${errors.join('; ')})` : ''}`,
    );
  } finally {
    await browser.close();
    await mock.close();
    await new Promise((resolve) => pageServer.close(resolve));
  }
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  rmSync(work, { recursive: true, force: true });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.error(`packaging: ${failures.length} failed on Node ${process.version} (${seconds} s)`);
  process.exit(1);
}
console.log(`packaging: all checks passed on Node ${process.version} (${seconds} s)`);
