// Passwordless sign-in: the magic-link request, verify by link and by code, single use, expiry, the
// session cookie, me and logout.
import { MAGIC_LINK_TTL_MS, MAX_CODE_ATTEMPTS, SESSION_COOKIE, SESSION_TTL_SECONDS } from '@visitor-access/contract';
import { expectNoSessionCookie, scenario, Visitor } from '../context.js';
import { ensure, expectError, expectStatus, expectSuccess, fail } from '../expect.js';
import { describe, parseSetCookie } from '../http.js';

const CONCURRENT_VERIFIES = 10;
const EVIL = 'https://conformance-foreign.example.net';

export const authScenarios = [
  scenario({
    id: 'auth.magic-link.accepted',
    title:
      'A magic-link request answers 202 { sent: true, expiresAt } 15 minutes ahead, and the same for a known and an unknown email',
    source: 'spec',
    routes: ['requestMagicLink'],
    async run(ctx) {
      const fresh = await ctx.http.send('POST', ctx.path('requestMagicLink'), {
        json: { email: ctx.email('unknown') },
      });
      const body = expectSuccess(fresh, 'requestMagicLink', 'a link for an unknown email');
      ensure(fresh.status === 202, `expected 202, got ${describe(fresh)}`);
      const now = await ctx.serverNow(fresh);
      const ahead = Date.parse(body.expiresAt) - now;
      ensure(
        Math.abs(ahead - MAGIC_LINK_TTL_MS) < 2 * 60_000,
        `expiresAt ${body.expiresAt} is ${Math.round(ahead / 1000)} s after the server's time, not 15 minutes`,
      );
      if (ctx.capabilities.mailbox) {
        const known = await ctx.signIn('known');
        const again = await ctx.http.send('POST', ctx.path('requestMagicLink'), { json: { email: known.email } });
        expectSuccess(again, 'requestMagicLink', 'a link for a known email');
        ensure(
          again.status === fresh.status && Object.keys(again.body).sort().join() === Object.keys(body).sort().join(),
          `a known email got ${describe(again)} ${again.text}, an unknown one ${describe(fresh)} ${fresh.text}: the answers tell them apart`,
        );
      }
    },
  }),

  scenario({
    id: 'auth.magic-link.normalised',
    title: 'The email is trimmed and lower-cased: a link asked for " Mixed@Example.COM " arrives for mixed@example.com',
    source: 'product-spec',
    routes: ['requestMagicLink'],
    needs: ['mailbox'],
    async run(ctx) {
      const email = ctx.email('mixed');
      const [local, domain] = email.split('@') as [string, string];
      const shouted = `  ${local.toUpperCase()}@${domain.toUpperCase()} `;
      const message = await ctx.requestSignIn(shouted);
      ensure(message.to === email, `the email went to "${message.to}", not "${email}"`);
    },
  }),

  scenario({
    id: 'auth.magic-link.throttle',
    title: 'A sixth link request for one email within 15 minutes gets 429 rate_limited with Retry-After in seconds',
    source: 'product-spec',
    routes: ['requestMagicLink'],
    async run(ctx) {
      const email = ctx.email('throttle');
      for (let i = 1; i <= 5; i++) {
        const answer = await ctx.http.send('POST', ctx.path('requestMagicLink'), { json: { email } });
        expectStatus(answer, 202, `request ${i} of 5`);
      }
      const sixth = await ctx.http.send('POST', ctx.path('requestMagicLink'), { json: { email } });
      expectError(sixth, 429, 'rate_limited', 'the sixth request');
      const retryAfter = sixth.headers.get('retry-after') ?? '';
      ensure(
        /^\d+$/.test(retryAfter) && Number(retryAfter) > 0,
        `Retry-After is "${retryAfter}", not a number of seconds`,
      );
    },
  }),

  scenario({
    id: 'auth.verify.link',
    title:
      'The emailed link is {api}/_edge/visitor/access/t/{token}; verifying its token answers 200 { visitor: { id: vis_…, email, createdAt } } and signs in',
    source: 'spec',
    routes: ['requestMagicLink', 'verify', 'me'],
    needs: ['mailbox'],
    async run(ctx) {
      const visitor = ctx.anonymous('verify');
      const message = await ctx.requestSignIn(visitor.email);
      ensure(message.link && message.token, 'the sign-in email has no link or token');
      const link = new URL(message.link);
      // {api} may carry a path: an API published under a site's prefix (`https://site/api`, the mock's
      // `--public-url` with a path) puts it in the link, whether the kit goes through that site or not.
      ensure(
        /^(\/[^/]+)*\/_edge\/visitor\/access\/t\/[^/]+$/.test(link.pathname) &&
          link.pathname.endsWith(`/_edge/visitor/access/t/${message.token}`),
        `the emailed link's path is ${link.pathname}, not {prefix}/_edge/visitor/access/t/{token}`,
      );
      const answer = await visitor.send('POST', ctx.path('verify'), { json: { token: message.token } });
      const body = expectSuccess(answer, 'verify');
      ensure(
        body.visitor.email === visitor.email,
        `verify answered the visitor ${body.visitor.email}, not ${visitor.email}`,
      );
      const me = expectSuccess(await visitor.send('GET', ctx.path('me')), 'me', 'me after verify');
      ensure(me.visitor.id === body.visitor.id, `me answered ${me.visitor.id}, verify ${body.visitor.id}`);
    },
  }),

  scenario({
    id: 'auth.verify.invalid',
    title: 'An unknown or malformed token gets 401 invalid_magic_link and no session',
    source: 'product-spec',
    routes: ['verify'],
    async run(ctx) {
      for (const token of ['x', `${'A'.repeat(16)}.${'B'.repeat(43)}`, 'conformance-unknown-token']) {
        const answer = await ctx.http.send('POST', ctx.path('verify'), { json: { token } });
        expectError(answer, 401, 'invalid_magic_link', `verify of the token "${token}"`);
        expectNoSessionCookie(answer, `verify of the token "${token}"`);
      }
    },
  }),

  scenario({
    id: 'auth.link.single-use',
    title: 'A magic link works once: verifying it again gets 401 used_magic_link and no session',
    source: 'spec',
    routes: ['verify'],
    needs: ['mailbox'],
    async run(ctx) {
      const message = await ctx.requestSignIn(ctx.email('single-use'));
      const first = await ctx.http.send('POST', ctx.path('verify'), { json: { token: message.token } });
      expectSuccess(first, 'verify', 'the first verify');
      const second = await ctx.http.send('POST', ctx.path('verify'), { json: { token: message.token } });
      expectError(second, 401, 'used_magic_link', 'the second verify of the same link');
      expectNoSessionCookie(second, 'the second verify of the same link');
    },
  }),

  scenario({
    id: 'auth.link.concurrent',
    title: `Of ${CONCURRENT_VERIFIES} simultaneous verifies of one token exactly one succeeds; the others get 401 used_magic_link`,
    source: 'product-spec',
    routes: ['verify'],
    needs: ['mailbox'],
    async run(ctx) {
      const message = await ctx.requestSignIn(ctx.email('concurrent'));
      const answers = await Promise.all(
        Array.from({ length: CONCURRENT_VERIFIES }, () =>
          ctx.http.send('POST', ctx.path('verify'), { json: { token: message.token } }),
        ),
      );
      const ok = answers.filter((a) => a.status === 200);
      const used = answers.filter((a) => a.status === 401 && a.body?.error === 'used_magic_link');
      const other = answers.filter((a) => !ok.includes(a) && !used.includes(a));
      ensure(
        ok.length === 1 && used.length === CONCURRENT_VERIFIES - 1,
        `${ok.length} of ${CONCURRENT_VERIFIES} verifies succeeded and ${used.length} got used_magic_link${
          other.length ? `; others: ${other.map(describe).join(', ')}` : ''
        }`,
      );
    },
  }),

  scenario({
    id: 'auth.link.expiry',
    title:
      'A link still works just before 15 minutes and gets 401 expired_magic_link just after (clock moved, then put back)',
    source: 'spec',
    routes: ['verify'],
    needs: ['mailbox', 'clock'],
    async run(ctx) {
      const dev = ctx.dev!;
      const early = await ctx.requestSignIn(ctx.email('expiry-early'));
      const late = await ctx.requestSignIn(ctx.email('expiry-late'));
      let moved = 0;
      ctx.defer(() => dev.advanceClock(-moved));
      const step = MAGIC_LINK_TTL_MS - 10_000;
      await dev.advanceClock(step);
      moved += step;
      const before = await ctx.http.send('POST', ctx.path('verify'), { json: { token: early.token } });
      expectSuccess(before, 'verify', 'verify 14 min 50 s after the link was sent');
      await dev.advanceClock(20_000);
      moved += 20_000;
      const after = await ctx.http.send('POST', ctx.path('verify'), { json: { token: late.token } });
      expectError(after, 401, 'expired_magic_link', 'verify 15 min 10 s after the link was sent');
      expectNoSessionCookie(after, 'verify of an expired link');
    },
  }),

  scenario({
    id: 'auth.code',
    title: 'The sign-in email carries a 6-digit code; { email, code } signs in and uses up the link too',
    source: 'product-spec',
    routes: ['requestMagicLink', 'verify'],
    needs: ['mailbox'],
    async run(ctx) {
      const visitor = ctx.anonymous('code');
      const message = await ctx.requestSignIn(visitor.email);
      ensure(/^\d{6}$/.test(message.code ?? ''), `the sign-in email's code is "${message.code}", not 6 digits`);
      const answer = await visitor.send('POST', ctx.path('verify'), {
        json: { email: visitor.email, code: message.code },
      });
      const body = expectSuccess(answer, 'verify', 'verify by code');
      ensure(body.visitor.email === visitor.email, `verify by code signed in ${body.visitor.email}`);
      ensure(visitor.session, `verify by code set no ${SESSION_COOKIE} cookie`);
      const link = await ctx.http.send('POST', ctx.path('verify'), { json: { token: message.token } });
      expectError(link, 401, 'used_magic_link', 'the link after its code was used');
    },
  }),

  scenario({
    id: 'auth.code.attempts',
    title: `${MAX_CODE_ATTEMPTS} wrong codes kill the request: even the right code then gets 401 invalid_magic_link`,
    source: 'product-spec',
    routes: ['verify'],
    needs: ['mailbox'],
    async run(ctx) {
      const email = ctx.email('wrong-codes');
      const message = await ctx.requestSignIn(email);
      const right = Number(message.code);
      for (let i = 1; i <= MAX_CODE_ATTEMPTS; i++) {
        const code = String((right + i) % 1_000_000).padStart(6, '0');
        const answer = await ctx.http.send('POST', ctx.path('verify'), { json: { email, code } });
        expectError(answer, 401, 'invalid_magic_link', `wrong code ${i}`);
      }
      const answer = await ctx.http.send('POST', ctx.path('verify'), { json: { email, code: message.code } });
      expectError(answer, 401, 'invalid_magic_link', `the right code after ${MAX_CODE_ATTEMPTS} wrong ones`);
      expectNoSessionCookie(answer, 'the right code of a killed request');
    },
  }),

  scenario({
    id: 'auth.session-cookie',
    title: `Verify sets ${SESSION_COOKIE} with HttpOnly, Path=/, Max-Age=${SESSION_TTL_SECONDS} (30 days) and SameSite=Lax, plus Secure over https`,
    source: 'product-spec',
    routes: ['verify'],
    needs: ['mailbox'],
    async run(ctx) {
      const message = await ctx.requestSignIn(ctx.email('cookie'));
      const answer = await ctx.http.send('POST', ctx.path('verify'), { json: { token: message.token } });
      expectStatus(answer, 200, 'verify');
      const cookie = answer.setCookies.map(parseSetCookie).find((c) => c?.name === SESSION_COOKIE);
      if (!cookie)
        fail(
          `${describe(answer)} set no ${SESSION_COOKIE} cookie (Set-Cookie: ${answer.setCookies.join(' | ') || 'none'})`,
        );
      const a = cookie.attributes;
      const problems: string[] = [];
      if (!cookie.value) problems.push('its value is empty');
      if (!a.has('httponly')) problems.push('HttpOnly is missing');
      if (a.get('path') !== '/') problems.push(`Path is ${a.get('path') ?? 'missing'}, not /`);
      if (a.get('max-age') !== String(SESSION_TTL_SECONDS))
        problems.push(`Max-Age is ${a.get('max-age') ?? 'missing'}`);
      const sameSite = a.get('samesite')?.toLowerCase();
      // SameSite=None is the documented setting for cross-site embeds, and only ever with Secure.
      if (sameSite !== 'lax' && !(sameSite === 'none' && a.has('secure'))) {
        problems.push(`SameSite is ${a.get('samesite') ?? 'missing'}, not Lax`);
      }
      if (ctx.http.baseUrl.startsWith('https:') && !a.has('secure')) problems.push('Secure is missing over https');
      if (problems.length) fail(`${SESSION_COOKIE}: ${problems.join('; ')} (${cookie.raw.replace(cookie.value, '…')})`);
    },
  }),

  scenario({
    id: 'auth.me.requires-session',
    title: 'me without a session, or with a forged cookie, gets 401 visitor_unauthorized',
    source: 'spec',
    routes: ['me'],
    async run(ctx) {
      expectError(await ctx.http.send('GET', ctx.path('me')), 401, 'visitor_unauthorized', 'me without a cookie');
      const forged = await ctx.http.send('GET', ctx.path('me'), {
        headers: { cookie: `${SESSION_COOKIE}=${'A'.repeat(16)}.${'B'.repeat(43)}` },
      });
      expectError(forged, 401, 'visitor_unauthorized', 'me with a forged cookie');
    },
  }),

  scenario({
    id: 'auth.logout',
    title: 'Logout answers 204 and clears the cookie; the old cookie replayed afterwards gets 401 visitor_unauthorized',
    source: 'product-spec',
    routes: ['logout', 'me'],
    needs: ['mailbox'],
    async run(ctx) {
      const visitor = await ctx.signIn('logout');
      const old = visitor.session!;
      const answer = await visitor.send('POST', ctx.path('logout'));
      expectSuccess(answer, 'logout');
      const cleared = answer.setCookies.map(parseSetCookie).find((c) => c?.name === SESSION_COOKIE);
      ensure(
        cleared &&
          (cleared.value === '' ||
            cleared.attributes.get('max-age') === '0' ||
            Date.parse(cleared.attributes.get('expires') ?? '') < Date.now()),
        `${describe(answer)} did not clear ${SESSION_COOKIE} (Set-Cookie: ${answer.setCookies.join(' | ') || 'none'})`,
      );
      const replay = new Visitor(ctx.http, visitor.email);
      replay.jar.set(SESSION_COOKIE, old);
      expectError(
        await replay.send('GET', ctx.path('me')),
        401,
        'visitor_unauthorized',
        'me with the cookie from before logout',
      );
    },
  }),

  scenario({
    id: 'auth.logout.without-session',
    title: 'Logout without a session still answers 204 (it is idempotent)',
    source: 'product-spec',
    routes: ['logout'],
    async run(ctx) {
      expectSuccess(await ctx.http.send('POST', ctx.path('logout')), 'logout', 'logout without a cookie');
    },
  }),

  scenario({
    id: 'auth.return-to',
    title:
      'returnTo on an allowed origin travels in the emailed link as ?returnTo=; one on another origin gets 400 invalid_redirect_url',
    source: 'product-spec',
    routes: ['requestMagicLink'],
    needs: ['mailbox', 'origin'],
    async run(ctx) {
      const returnTo = `${ctx.target.origin}/conformance/after-sign-in?step=2`;
      const message = await ctx.requestSignIn(ctx.email('return-to'), { returnTo });
      const inLink = message.link ? new URL(message.link).searchParams.get('returnTo') : null;
      ensure(inLink === returnTo, `the emailed link carries returnTo=${inLink}, not ${returnTo}`);
      const refused = await ctx.http.send('POST', ctx.path('requestMagicLink'), {
        json: { email: ctx.email('return-to-foreign'), returnTo: `${EVIL}/steal` },
      });
      expectError(refused, 400, 'invalid_redirect_url', 'returnTo on a foreign origin');
    },
  }),
];
