import { describe, expect, it } from 'vitest';
import { advance, useMock, Visitor } from '../test/helpers.js';

const ctx = useMock();

const MIN = 60 * 1000;

describe('magic-link request', () => {
  it('answers 202 the same way for a new and a known email, and mails a link and a 6-digit code', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('known@example.com');
    const a = await v.req('POST', '/v2/visitor/auth/magic-link', { email: ' Known@Example.com ' });
    const b = await v.req('POST', '/v2/visitor/auth/magic-link', { email: 'nobody@example.com' });
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(Object.keys(a.body)).toEqual(Object.keys(b.body));
    expect(a.body.sent).toBe(true);
    expect(Date.parse(a.body.expiresAt) - Date.now()).toBeGreaterThan(14 * MIN);
    const mail = await v.lastMessage('known@example.com');
    expect(mail.link).toBe(`${ctx.mock.publicUrl}/_edge/visitor/access/t/${mail.token}`);
    expect(mail.code).toMatch(/^\d{6}$/);
    // 128+ random bits: the secret half alone is 43 base64url characters (256 bits).
    expect(mail.token.split('.')[1]).toHaveLength(43);
  });

  it('stores tokens only as hashes', async () => {
    const v = new Visitor(ctx.base);
    const { token, code } = await v.requestLink('hash@example.com');
    const record = [...ctx.mock.store.magicLinks.values()][0]!;
    const stored = JSON.stringify(record);
    expect(stored).not.toContain(token.split('.')[1]);
    expect(stored).not.toContain(code);
    expect(record.verifierHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a returnTo on an origin nobody allows, and accepts localhost', async () => {
    const v = new Visitor(ctx.base);
    const bad = await v.req('POST', '/v2/visitor/auth/magic-link', {
      email: 'r@example.com',
      returnTo: 'https://evil.example/steal',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('invalid_redirect_url');
    const good = await v.req('POST', '/v2/visitor/auth/magic-link', {
      email: 'r@example.com',
      returnTo: 'http://localhost:5173/back',
    });
    expect(good.status).toBe(202);
    expect((await v.lastMessage('r@example.com')).link).toContain('?returnTo=http%3A%2F%2Flocalhost%3A5173%2Fback');
  });

  it('throttles the 6th request for one email in 15 minutes with 429 and Retry-After, then lets it through later', async () => {
    const v = new Visitor(ctx.base);
    for (let i = 0; i < 5; i++)
      expect((await v.req('POST', '/v2/visitor/auth/magic-link', { email: 't@example.com' })).status).toBe(202);
    const limited = await v.req('POST', '/v2/visitor/auth/magic-link', { email: 't@example.com' });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    const retry = Number(limited.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    // Another email is not affected; loopback clients are never throttled per IP.
    expect((await v.req('POST', '/v2/visitor/auth/magic-link', { email: 'other@example.com' })).status).toBe(202);
    await advance(ctx.base, 15 * MIN + 1000);
    expect((await v.req('POST', '/v2/visitor/auth/magic-link', { email: 't@example.com' })).status).toBe(202);
  });
});

describe('verify with a token', () => {
  it('sets the session cookie with HttpOnly, Path=/, Max-Age=2592000 and SameSite=Lax', async () => {
    const v = new Visitor(ctx.base);
    const { token } = await v.requestLink('cookie@example.com');
    const r = await v.req('POST', '/v2/visitor/auth/verify', { token });
    expect(r.status).toBe(200);
    expect(r.body.visitor).toMatchObject({ email: 'cookie@example.com' });
    expect(r.body.visitor.id).toMatch(/^vis_/);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^_10x_visitor=[^;]+; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/);
    expect((await v.req('GET', '/v2/visitor/me')).body.visitor.email).toBe('cookie@example.com');
  });

  it('works once: the second use is used_magic_link', async () => {
    const v = new Visitor(ctx.base);
    const { token } = await v.requestLink('once@example.com');
    expect((await v.req('POST', '/v2/visitor/auth/verify', { token })).status).toBe(200);
    const again = await v.req('POST', '/v2/visitor/auth/verify', { token });
    expect(again.status).toBe(401);
    expect(again.body.error).toBe('used_magic_link');
  });

  it('of 50 simultaneous verifies of one token, exactly one signs in and 49 get used_magic_link', async () => {
    const v = new Visitor(ctx.base);
    const { token } = await v.requestLink('race@example.com');
    const results = await Promise.all(
      Array.from({ length: 50 }, () => new Visitor(ctx.base).req('POST', '/v2/visitor/auth/verify', { token })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const rest = results.filter((r) => r.status !== 200);
    expect(rest).toHaveLength(49);
    expect(new Set(rest.map((r) => `${r.status} ${r.body.error}`))).toEqual(new Set(['401 used_magic_link']));
    expect([...ctx.mock.store.sessions.values()]).toHaveLength(1);
  });

  it('expires after exactly 15 minutes on the clock', async () => {
    const v = new Visitor(ctx.base);
    await v.req('POST', '/v2/visitor/auth/magic-link', { email: 'late@example.com' });
    await v.req('POST', '/v2/visitor/auth/magic-link', { email: 'ontime@example.com' });
    const late = await v.lastMessage('late@example.com');
    const onTime = await v.lastMessage('ontime@example.com');
    await advance(ctx.base, 15 * MIN - 2000);
    expect((await new Visitor(ctx.base).req('POST', '/v2/visitor/auth/verify', { token: onTime.token })).status).toBe(
      200,
    );
    await advance(ctx.base, 2000);
    const r = await v.req('POST', '/v2/visitor/auth/verify', { token: late.token });
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('expired_magic_link');
  });

  it('answers invalid_magic_link for an unknown or tampered token', async () => {
    const v = new Visitor(ctx.base);
    const { token } = await v.requestLink('tamper@example.com');
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const t of [tampered, 'nonsense', 'x'.repeat(512)]) {
      const r = await v.req('POST', '/v2/visitor/auth/verify', { token: t });
      expect(r.status).toBe(401);
      expect(r.body.error).toBe('invalid_magic_link');
    }
    // The real token still works afterwards.
    expect((await v.req('POST', '/v2/visitor/auth/verify', { token })).status).toBe(200);
  });
});

describe('verify with a code', () => {
  it('signs in with the emailed code, which consumes the link too', async () => {
    const v = new Visitor(ctx.base);
    await v.req('POST', '/v2/visitor/auth/magic-link', { email: 'Code@Example.com' });
    const { token, code } = await v.lastMessage('code@example.com');
    const r = await v.req('POST', '/v2/visitor/auth/verify', { email: 'code@example.com', code });
    expect(r.status).toBe(200);
    expect((await new Visitor(ctx.base).req('POST', '/v2/visitor/auth/verify', { token })).body.error).toBe(
      'used_magic_link',
    );
    expect(
      (await new Visitor(ctx.base).req('POST', '/v2/visitor/auth/verify', { email: 'code@example.com', code })).body
        .error,
    ).toBe('used_magic_link');
  });

  it('a link sign-in consumes the code', async () => {
    const v = new Visitor(ctx.base);
    const { token, code } = await v.requestLink('both@example.com');
    expect((await v.req('POST', '/v2/visitor/auth/verify', { token })).status).toBe(200);
    const r = await new Visitor(ctx.base).req('POST', '/v2/visitor/auth/verify', { email: 'both@example.com', code });
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('used_magic_link');
  });

  it('five wrong codes kill the request: even the right code is then invalid_magic_link', async () => {
    const v = new Visitor(ctx.base);
    const { token, code } = await v.requestLink('guess@example.com');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const r = await v.req('POST', '/v2/visitor/auth/verify', { email: 'guess@example.com', code: wrong });
      expect(r.body.error).toBe('invalid_magic_link');
    }
    const right = await v.req('POST', '/v2/visitor/auth/verify', { email: 'guess@example.com', code });
    expect(right.status).toBe(401);
    expect(right.body.error).toBe('invalid_magic_link');
    expect((await v.req('POST', '/v2/visitor/auth/verify', { token })).body.error).toBe('invalid_magic_link');
  });

  it('codes expire with the link', async () => {
    const v = new Visitor(ctx.base);
    const { code } = await v.requestLink('codelate@example.com');
    await advance(ctx.base, 15 * MIN);
    const r = await v.req('POST', '/v2/visitor/auth/verify', { email: 'codelate@example.com', code });
    expect(r.body.error).toBe('expired_magic_link');
  });
});

describe('magic-link landing page', () => {
  it('never consumes the token on GET and shows one Continue button', async () => {
    const v = new Visitor(ctx.base);
    await v.req('POST', '/v2/visitor/auth/magic-link', {
      email: 'land@example.com',
      returnTo: 'http://localhost:5173/after',
    });
    const { link, token } = await v.lastMessage('land@example.com');
    for (let i = 0; i < 3; i++) {
      // Scanners fetch links (several times): nothing may happen.
      const page = await fetch(link!);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('set-cookie')).toBeNull();
      const html = await page.text();
      expect(html.match(/<button[^>]*>Continue<\/button>/g)).toHaveLength(1);
      expect(html).toContain('data-return-to="http://localhost:5173/after"');
      expect(html).toContain("fetch(button.dataset.api + '/v2/visitor/auth/verify'");
      expect(html).toContain('data-api=""'); // served at the root: the calls go to /v2/…
      expect(html).toContain('land@example.com');
    }
    expect((await v.req('POST', '/v2/visitor/auth/verify', { token })).status).toBe(200);
  });

  it('drops a returnTo on an origin nobody allows', async () => {
    const v = new Visitor(ctx.base);
    const { token } = await v.requestLink('evil@example.com');
    const html = await (
      await fetch(`${ctx.base}/_edge/visitor/access/t/${token}?returnTo=https://evil.example/`)
    ).text();
    expect(html).not.toContain('evil.example');
  });

  it('shows a used link a page (401) with a form to request a new link', async () => {
    const v = new Visitor(ctx.base);
    const { link, token } = await v.requestLink('used@example.com');
    await v.req('POST', '/v2/visitor/auth/verify', { token });
    const page = await fetch(link!);
    expect(page.status).toBe(401);
    const html = await page.text();
    expect(html).toContain('already used');
    expect(html).toContain('<form id="request-link"');
    expect(html).toContain("fetch(form.dataset.api + '/v2/visitor/auth/magic-link'");
    expect(html).toContain('value="used@example.com"');
  });

  it('shows an expired link and an unknown link a page with the request form', async () => {
    const v = new Visitor(ctx.base);
    const { link } = await v.requestLink('old@example.com');
    await advance(ctx.base, 16 * MIN);
    const expired = await fetch(link!);
    expect(expired.status).toBe(401);
    expect(await expired.text()).toContain('expired');
    const unknown = await fetch(`${ctx.base}/_edge/visitor/access/t/%3Cscript%3Ealert(1)%3C%2Fscript%3E`);
    expect(unknown.status).toBe(401);
    const html = await unknown.text();
    expect(html).toContain('not valid');
    expect(html).not.toContain('<script>alert(1)');
  });
});

describe('sessions', () => {
  it('logout revokes the session on the server: the old cookie replayed gets visitor_unauthorized', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('bye@example.com');
    const oldCookie = v.cookie;
    const out = await v.req('POST', '/v2/visitor/auth/logout');
    expect(out.status).toBe(204);
    expect(out.text).toBe('');
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    const replay = new Visitor(ctx.base);
    replay.cookie = oldCookie;
    const me = await replay.req('GET', '/v2/visitor/me');
    expect(me.status).toBe(401);
    expect(me.body.error).toBe('visitor_unauthorized');
    // Logout without a session is fine too.
    expect((await new Visitor(ctx.base).req('POST', '/v2/visitor/auth/logout')).status).toBe(204);
  });

  it('lasts 30 days from sign-in, however often it is used', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('month@example.com');
    await advance(ctx.base, 29 * 24 * 60 * MIN);
    expect((await v.req('GET', '/v2/visitor/me')).status).toBe(200);
    await advance(ctx.base, 24 * 60 * MIN);
    const me = await v.req('GET', '/v2/visitor/me');
    expect(me.status).toBe(401);
    expect(me.body.error).toBe('visitor_unauthorized');
  });

  it('me without a cookie, or with a forged one, is visitor_unauthorized', async () => {
    const v = new Visitor(ctx.base);
    expect((await v.req('GET', '/v2/visitor/me')).body.error).toBe('visitor_unauthorized');
    await v.signIn('forge@example.com');
    v.cookie = v.cookie!.slice(0, 17) + 'A'.repeat(43);
    expect((await v.req('GET', '/v2/visitor/me')).status).toBe(401);
  });
});
