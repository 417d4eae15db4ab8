// A loopback HTTP server that gives every request the same answer (an access check's JSON, with a
// request ID), in its own process so that its work does not share the client's event loop. Also
// serves a blank page and the bench's browser bundles for the Chromium half of the per-call bench.
// Prints its URL on stdout, then runs until its parent closes stdin.
import http from 'node:http';

const body = JSON.stringify({
  hasAccess: true,
  reason: 'entitled',
  page: { handle: 'gharart', slug: 'masterclass', title: 'Masterclass', mode: 'PAID', price: 1900, currency: 'USD' },
});
const files = new Map(); // path → JS source, sent by the parent as JSON lines on stdin
const server = http.createServer((req, res) => {
  if (req.method === 'GET' && files.has(req.url)) {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    return res.end(files.get(req.url));
  }
  if (req.method === 'GET' && req.url === '/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end('<!doctype html><title>per-call bench</title>');
  }
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bench' });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`));
let buffer = '';
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  let nl;
  while ((nl = buffer.indexOf('\n')) >= 0) {
    const { path, source } = JSON.parse(buffer.slice(0, nl));
    buffer = buffer.slice(nl + 1);
    files.set(path, source);
  }
});
process.stdin.on('end', () => process.exit(0));
