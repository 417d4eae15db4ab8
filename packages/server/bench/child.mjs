// Started by index.mjs in its own process, as it would run in use:
//   api  — the standalone reference mock, with a signed-in buyer of gharart/masterclass; a second
//          argument adds that many ms to every API answer (the API across a network, as in use);
//   site — a node:http site on @visitor-access/server (built dist) in front of that API: the proxy
//          under /api and the protected lesson at /lessons/1.
// Prints one JSON line, then serves until killed; answers 'cpu' and 'rss' (RSS and heap used, after a full GC) messages.
import http from 'node:http';

const [kind, apiBase] = process.argv.slice(2);

process.on('message', (msg) => {
  if (msg === 'cpu') {
    const u = process.cpuUsage();
    process.send({ cpu: u.user + u.system });
  } else if (msg === 'exit') {
    process.exit(0);
  } else if (msg === 'rss') {
    globalThis.gc?.();
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send({ rss: { rss, heapUsed } });
  }
});

if (kind === 'api') {
  const { startServer } = await import('@visitor-access/mock/server');
  const latency = Number(apiBase ?? 0);
  const mock = await startServer({ port: 0, host: '127.0.0.1', ...(latency ? { faults: { latency } } : {}) });
  const cookie = await mock.store.createSession('bench@example.com');
  const visitor = [...mock.store.visitors.values()][0];
  mock.store.grantPurchase({ visitorId: visitor.id, handle: 'gharart', slug: 'masterclass' });
  console.log(JSON.stringify({ port: mock.port, cookie }));
} else if (kind === 'bare') {
  // The baseline of the protected URL: the bare access-check call a site makes by hand (one POST to
  // the API with the visitor's session cookie, then the content or a refusal), on node:http.
  const transport = process.argv[4] ?? 'fetch';
  const { request, Agent } = await import('undici');
  const agent = new Agent({ connections: 128, keepAliveTimeout: 4_000 });
  const check = async (cookie) => {
    const url = `${apiBase}/v2/public/pages/gharart/masterclass/access-check`;
    const headers = { 'content-type': 'application/json', cookie: cookie ?? '' };
    if (transport === 'undici') {
      const res = await request(url, { method: 'POST', headers, body: '{}', dispatcher: agent });
      return res.statusCode === 200 && (await res.body.json()).hasAccess === true;
    }
    const res = await fetch(url, { method: 'POST', headers, body: '{}' });
    return res.status === 200 && (await res.json()).hasAccess === true;
  };
  // And the baseline of the proxy's own cost: a bare pass-through of POST /api/… (path, cookie,
  // content type and body up; status, content type and body down), no rules at all.
  const pass = async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const url = apiBase + req.url.slice('/api'.length);
    const headers = { 'content-type': req.headers['content-type'] ?? '', cookie: req.headers.cookie ?? '' };
    const body = Buffer.concat(chunks);
    let status, type, answer;
    if (transport === 'undici') {
      const up = await request(url, { method: req.method, headers, body, dispatcher: agent });
      [status, type, answer] = [up.statusCode, up.headers['content-type'], Buffer.from(await up.body.arrayBuffer())];
    } else {
      const up = await fetch(url, { method: req.method, headers, body, redirect: 'manual' });
      [status, type, answer] = [up.status, up.headers.get('content-type'), Buffer.from(await up.arrayBuffer())];
    }
    res.writeHead(status, { 'content-type': type ?? 'application/octet-stream', 'content-length': answer.byteLength });
    res.end(answer);
  };
  const server = http.createServer(async (req, res) => {
    if (req.url.startsWith('/api/')) return pass(req, res).catch(() => res.writeHead(503).end());
    const ok = await check(req.headers.cookie).catch(() => false);
    res.writeHead(ok ? 200 : 403, {
      'content-type': 'text/html',
      'cache-control': 'private, no-store',
      vary: 'Cookie',
    });
    res.end(ok ? '<p>the paid lesson</p>' : 'refused');
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
} else {
  // The site: node:http + toNodeHandler, with the Node transport (nodeFetch) unless the third
  // argument is 'fetch' (the global fetch, as on the other runtimes).
  const transport = process.argv[4] ?? 'node';
  // BENCH_SITE_DIST: another build of the package (a previous version, for before/after in one run).
  const dist = process.env.BENCH_SITE_DIST
    ? new URL(`file://${process.env.BENCH_SITE_DIST}/`)
    : new URL('../dist/', import.meta.url);
  const { createVisitorAccess } = await import(new URL('index.js', dist).href);
  const { toNodeHandler, nodeFetch } = await import(new URL('node.js', dist).href);
  const va = createVisitorAccess({
    apiBase,
    siteUrl: 'http://localhost:3000',
    ...(transport === 'node' ? { fetch: nodeFetch() } : {}),
  });
  const lesson = va.protect({ handle: 'gharart', page: 'masterclass' }, () => new Response('<p>the paid lesson</p>'));
  const server = http.createServer(
    toNodeHandler((request, info) =>
      new URL(request.url).pathname === '/lessons/1' ? lesson(request, info) : va.fetch(request, info),
    ),
  );
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
}
