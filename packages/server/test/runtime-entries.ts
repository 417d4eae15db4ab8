// One entry per runtime around the same app. Each prints `LISTENING <port>` once it serves on loopback.
export const entries = {
  workerd: `
import { makeApp } from './runtime-app.ts';
let app;
export default {
  fetch(request, env) {
    app ??= makeApp(env.VA_API_BASE, env.VA_SITE_URL);
    return app(request, { clientAddress: request.headers.get('cf-connecting-ip') ?? undefined });
  },
};
`,
  deno: `
import { makeApp } from './runtime-app.ts';
const app = makeApp(Deno.env.get('VA_API_BASE'), Deno.env.get('VA_SITE_URL'));
Deno.serve(
  { port: 0, hostname: '127.0.0.1', onListen: ({ port }) => console.log('LISTENING ' + port) },
  (request, info) => app(request, { clientAddress: info.remoteAddr.hostname }),
);
`,
  bun: `
import { makeApp } from './runtime-app.ts';
const app = makeApp(process.env.VA_API_BASE, process.env.VA_SITE_URL);
const server = Bun.serve({
  port: 0,
  hostname: '127.0.0.1',
  fetch: (request, srv) => app(request, { clientAddress: srv.requestIP(request)?.address }),
});
console.log('LISTENING ' + server.port);
`,
} as const;
