// Real-looking sites on this machine, for the cookie tests: a creator's site and an API on
// `example.com` and `example.net` (reserved for examples, RFC 2606), over https, all answered by
// servers on 127.0.0.1.
//
// Loopback names (`localhost`, `127.0.0.1`) are not enough to test what engines do with
// third-party cookies: engines treat them specially (a `Secure` cookie from http://127.0.0.1 is
// accepted by Chromium and Firefox), and the gate, seeing two loopback names, rightly names the
// host-name mix-up rather than a third-party cookie policy. So the cookie tests also serve the page
// and the API on two registrable domains, with TLS from a test-only certificate (`tls/`,
// self-signed, for these names only; the engines are told to accept it), and point each engine at
// 127.0.0.1 for them, so nothing ever leaves this machine:
// - Chromium: `--host-resolver-rules`;
// - Firefox: `network.dns.localDomains` (those names resolve to this machine);
// - WebKitGTK, which has no such switch: MiniBrowser's `--proxy`, a tiny proxy here that connects
//   every request for these names to 127.0.0.1 (see `startTestHostProxy`).
// Made-up TLDs such as `.test` do not work for this: WebKitGTK's cookie jar (libsoup) finds no
// registrable domain under a suffix the public suffix list does not know, and then treats
// `api.creator.test` as a third party of `www.creator.test`.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

/** The host names the tests use, all answered on this machine. */
export const TEST_HOSTS = {
  /** A creator's site. */
  page: 'www.example.com',
  /** The API on the creator's own domain: the same site as `page`. */
  sameSiteApi: 'api.example.com',
  /** The API on the platform's domain: another site than `page`. */
  otherSiteApi: 'api.example.net',
} as const;

export const isTestHost = (host: string) => /(^|\.)example\.(com|net)$/.test(host);
/** What the WebKit proxy forwards: the test sites' names, and this machine's own names. */
const proxied = (host: string) => isTestHost(host) || host === 'localhost' || host === '127.0.0.1';
/** Where a proxied name is served: `localhost` may be bound to ::1, the rest to 127.0.0.1. */
const target = (host: string) => (host === 'localhost' ? 'localhost' : '127.0.0.1');

const cert = () => ({
  key: readFileSync(new URL('./tls/test-only.key', import.meta.url)),
  cert: readFileSync(new URL('./tls/test-only.crt', import.meta.url)),
});

export interface Front {
  port: number;
  close(): Promise<void>;
}

/**
 * TLS in front of a plain-HTTP server on 127.0.0.1: every connection is decrypted and piped to
 * `targetPort`, unchanged (the server never knows). Listens on a free port of 127.0.0.1.
 */
export async function startTlsFront(targetPort: () => number): Promise<Front> {
  const sockets = new Set<Socket>();
  const server = createTlsServer(cert(), (socket) => {
    const upstream = connect(targetPort(), '127.0.0.1');
    for (const s of [socket, upstream]) {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
      s.on('error', () => (s === socket ? upstream : socket).destroy());
    }
    socket.pipe(upstream).pipe(socket);
  });
  // A client that gives up on the certificate or the handshake is not an error of the test.
  server.on('tlsClientError', () => undefined);
  return listen(server, sockets);
}

/**
 * An HTTP proxy that sends every request for a test host name to 127.0.0.1 (same port), for
 * engines with no host-resolver switch (WebKitGTK). https goes through CONNECT (the tunnel carries
 * the engine's TLS untouched); plain http is forwarded, `localhost` and `127.0.0.1` included (the
 * engine sends those through the proxy too). Any other host is refused: the tests never reach
 * outside this machine.
 */
export async function startTestHostProxy(): Promise<Front> {
  const sockets = new Set<Socket>();
  const server = createHttpServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      return void res.writeHead(400).end();
    }
    if (!proxied(url.hostname)) return void res.writeHead(403).end('Only the test sites and this machine\n');
    const upstream = httpRequest(
      {
        host: target(url.hostname),
        port: url.port || 80,
        method: req.method,
        path: url.pathname + url.search,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req, client: Socket, head) => {
    const [host = '', port = '443'] = (req.url ?? '').split(':');
    if (!proxied(host)) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const upstream = connect(Number(port), target(host), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      client.pipe(upstream).pipe(client);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
      s.on('error', () => (s === client ? upstream : client).destroy());
    }
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return listen(server, sockets);
}

async function listen(
  server: ReturnType<typeof createTlsServer> | ReturnType<typeof createHttpServer>,
  sockets: Set<Socket>,
): Promise<Front> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
