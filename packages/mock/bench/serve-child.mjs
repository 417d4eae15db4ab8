// Started by index.mjs in its own process: the standalone mock, a bare node:http server that answers the
// same JSON, or (`plain`) the mock as it starts, for the memory bench. Prints one JSON line and serves
// until killed.
import http from 'node:http';
import { startServer } from '../dist/server.js';

const kind = process.argv[2];
const mock = await startServer({ port: 0, host: '127.0.0.1' });
if (kind === 'plain') {
  // Memory: the parent asks for the RSS after a full garbage collection.
  process.on('message', (msg) => {
    // While a load runs: the RSS as it is, without a collection.
    if (msg === 'rss-now') process.send({ rss: process.memoryUsage().rss });
    if (msg === 'rss') {
      // Two full collections: the second frees what the first only made unreachable (weak maps, finalisers).
      globalThis.gc?.();
      globalThis.gc?.();
      process.send({
        rss: process.memoryUsage().rss,
        links: mock.store.magicLinks.size,
        messages: mock.store.messages.length,
      });
    }
  });
  console.log(JSON.stringify({ port: mock.port }));
}
const cookie = kind === 'plain' ? '' : await mock.store.createSession('bench@example.com');
if (kind === 'plain') await new Promise(() => {});
const visitor = [...mock.store.visitors.values()][0];
mock.store.grantPurchase({ visitorId: visitor.id, handle: 'gharart', slug: 'masterclass' });
const path = '/v2/public/pages/gharart/masterclass/access-check';
const probe = await fetch(mock.url + path, { method: 'POST', headers: { cookie: `_10x_visitor=${cookie}` } });
const body = await probe.text();
if (probe.status !== 200 || !body.includes('"entitled"')) throw new Error(`unexpected answer ${probe.status} ${body}`);

if (kind === 'bare') {
  await mock.close();
  const bare = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req_bare' });
      res.end(body);
    });
  });
  bare.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: bare.address().port, cookie, path })));
} else {
  console.log(JSON.stringify({ port: mock.port, cookie, path }));
}

// The parent asks for this process's CPU time around each load round (robust to other load on the machine).
process.on('message', (msg) => {
  if (msg === 'cpu') {
    const u = process.cpuUsage();
    process.send({ cpu: u.user + u.system });
  }
});
