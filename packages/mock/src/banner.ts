import type { RunningServer } from './server.js';

/**
 * What a newcomer needs to see once the server is up: the mailbox, the development API, the request log
 * and the fixture's handles, pages and group buys with their URLs.
 *
 * @example
 * ```ts
 * const mock = await startServer();
 * console.log(banner(mock)); // URLs on mock.publicUrl, http://localhost:PORT by default
 * ```
 */
export function banner(
  server: RunningServer,
  options: { dataFile?: string | undefined; baseUrl?: string } = {},
): string {
  const dataFile = options.dataFile;
  const u = options.baseUrl ?? server.publicUrl;
  const publicUrl = new URL(u);
  const host = publicUrl.hostname;
  // Behind a site's proxy (a public URL with a path prefix), the development API is not proxied: it is
  // shown at the address the mock listens on.
  const prefixed = publicUrl.pathname !== '/';
  const dev = prefixed ? server.url.replace(/^http:\/\/(127\.0\.0\.1|\[::1\]):/, 'http://localhost:') : u;
  const lines = [
    `Visitor Access mock listening on ${dev}`,
    ...(prefixed
      ? [
          `  Public URL ${u}: links, the landing page and the checkout are under it; the site's proxy`,
          `  serves the API there and strips ${publicUrl.pathname} (the mock answers at its root).`,
        ]
      : [
          `  Open your pages on http://${host}:… too (not another name for this machine): the session cookie`,
          `  belongs to the host name, so a page on another one is never signed in.`,
        ]),
    '',
    `  Mailbox        ${dev}/_mock/mailbox`,
    `  Dev API        ${dev}/_mock/api  (messages, clock, reset, creator-token, requests, …)`,
    `  Request log    ${dev}/_mock/api/requests`,
    `  API            ${u}/v2/…  and  ${u}/_edge/visitor/access`,
    dataFile ? `  Data file      ${dataFile}` : '  Data           in memory (use --data FILE to keep it)',
    ...faultLines(server),
    '',
    'Fixture:',
  ];
  for (const h of server.store.handles.values()) {
    lines.push(`  ${h.handle}  (Stripe ${h.connectConfigured ? 'connected' : 'not connected'})`);
    for (const p of server.store.pages.values()) {
      if (p.handle !== h.handle) continue;
      const price = p.price !== undefined ? ` ${(p.price / 100).toFixed(2)} ${p.currency ?? ''}` : '';
      lines.push(
        `    page ${p.slug.padEnd(18)} ${p.mode}${price}${p.published ? '' : ' (unpublished)'}  POST ${u}/v2/public/pages/${h.handle}/${p.slug}/access-check`,
      );
    }
    for (const g of server.store.groupBuys.values()) {
      if (g.handle !== h.handle) continue;
      lines.push(
        `    group buy ${g.slug} (target ${g.targetQuantity})  ${u}/v2/public/group-buys/${h.handle}/${g.slug}`,
      );
    }
  }
  const files = server.store.files;
  if (files.length)
    lines.push(`  allowlisted files: ${files.map((f) => `${f.handle}/${f.slug} for ${f.email}`).join(', ')}`);
  return lines.join('\n');
}

/** The faults in effect, when any: a page tested against the mock then fails on purpose. */
function faultLines(server: RunningServer): string[] {
  const described = server.faults?.describe();
  if (!described) return [];
  return [
    `  Faults         ${described}`,
    `                 (not /_mock; a request opts out with X-Mock-Fault: none; change: PUT /_mock/api/faults)`,
  ];
}
