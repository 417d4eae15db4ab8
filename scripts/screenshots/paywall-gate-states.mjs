// The states of `<paywall-gate>` for `npm run screenshots` (scripts/screenshots.mjs): [name, how to get
// there, options?]. `go` gets { page, context, scheme, width } and leaves the page in the state; the
// screenshot is the whole page. The helpers come from the stage (./stage.mjs).

/** @param {Awaited<ReturnType<typeof import('./stage.mjs').startStage>>} stage */
export function paywallGateStates({
  api,
  json,
  dev,
  email,
  latest,
  signIn,
  buy,
  sitePage,
  serve,
  gate,
  PAID,
  gateState,
  inGate,
  openGate,
}) {
  return [
    [
      'paywall-gate-checking',
      async ({ page, scheme }) => {
        await page.route('**/access-check', () => undefined); // never answered
        await openGate(page, scheme);
        await page.waitForSelector('paywall-gate[state=checking]');
        await page.waitForTimeout(700);
      },
    ],
    [
      'paywall-gate-sign-in-paid',
      async ({ page, scheme }) => {
        await page.goto(
          serve(sitePage(gate(PAID), { scheme, lede: 'Eight lessons on carving, inking and printing by hand.' })),
        );
        await gateState(page, 'sign-in');
      },
    ],
    [
      'paywall-gate-sign-in-free',
      async ({ page, scheme }) => {
        const html = sitePage(gate(`page="members-lounge"><template><p>This month…</p></template`), {
          scheme,
          title: 'Members lounge',
          lede: 'A monthly letter with patterns and studio notes.',
        });
        await page.goto(serve(html));
        await gateState(page, 'sign-in');
      },
    ],
    [
      'paywall-gate-sign-in-invalid-email',
      async ({ page, scheme }) => {
        await openGate(page, scheme);
        await gateState(page, 'sign-in');
        await inGate(page, 'input[name=email]').fill('maria@studio');
        await inGate(page, 'form button[type=submit]').click();
        await page.waitForSelector('paywall-gate >> #va-email-error');
      },
    ],
    [
      'paywall-gate-sign-in-rate-limited',
      async ({ page, scheme }) => {
        const address = email('busy');
        for (let i = 0; i < 5; i++) {
          await fetch(`${api}/v2/visitor/auth/magic-link`, {
            method: 'POST',
            headers: json,
            body: JSON.stringify({ email: address }),
          });
        }
        await openGate(page, scheme);
        await gateState(page, 'sign-in');
        await inGate(page, 'input[name=email]').fill(address);
        await inGate(page, 'form button[type=submit]').click();
        await page.waitForSelector('paywall-gate >> #va-email-error');
      },
    ],
    [
      'paywall-gate-check-email',
      async ({ page, scheme }) => {
        await openGate(page, scheme);
        await gateState(page, 'sign-in');
        await inGate(page, 'input[name=email]').fill(email('maria.fernandez'));
        await inGate(page, 'form button[type=submit]').click();
        await gateState(page, 'check-email');
      },
    ],
    [
      'paywall-gate-confirm-link',
      async ({ page, context, scheme }) => {
        const address = email('maria');
        await fetch(`${api}/v2/visitor/auth/magic-link`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email: address }),
        });
        const { token } = await latest(address);
        await context.addInitScript(
          (value) => localStorage.setItem('va:last-email', `${Date.now()} ${value}`),
          address,
        );
        await openGate(page, scheme, `?va_token=${token}`);
        await gateState(page, 'confirm-link');
      },
    ],
    [
      'paywall-gate-link-expired',
      async ({ page, context, scheme }) => {
        const address = email('maria');
        await fetch(`${api}/v2/visitor/auth/magic-link`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email: address }),
        });
        const { token } = await latest(address);
        await context.addInitScript(
          (value) => localStorage.setItem('va:last-email', `${Date.now()} ${value}`),
          address,
        );
        await dev('/clock', { advanceMs: 16 * 60_000 });
        try {
          await openGate(page, scheme, `?va_token=${token}`);
          await gateState(page, 'confirm-link');
          await inGate(page, '[part~=button-primary]').click();
          await gateState(page, 'sign-in');
        } finally {
          await dev('/clock', { advanceMs: -16 * 60_000 });
        }
      },
    ],
    [
      'paywall-gate-purchase',
      async ({ page, context, scheme }) => {
        await signIn(context, email('maria.fernandez'));
        await openGate(page, scheme);
        await gateState(page, 'purchase');
      },
    ],
    [
      'paywall-gate-purchase-other-account',
      async ({ page, context, scheme }) => {
        // "Buy for …" asked by one address, then someone else's link opened here (decision 0121).
        await context.addInitScript(() =>
          localStorage.setItem('va:buy:gharart/masterclass', `${Date.now()} maria.fernandez@example.com`),
        );
        await signIn(context, email('jon.stranger'));
        await openGate(page, scheme, '?va_buy=gharart/masterclass');
        await page.waitForSelector('paywall-gate >> [part~=notice]');
      },
    ],
    [
      'paywall-gate-purchase-cancelled',
      async ({ page, context, scheme }) => {
        await signIn(context);
        await openGate(page, scheme, '?va_checkout=cancelled&va_gate=gharart/masterclass');
        await gateState(page, 'purchase');
      },
    ],
    [
      'paywall-gate-redirecting',
      async ({ page, context, scheme }) => {
        await signIn(context);
        await page.route('**/checkout', () => undefined); // the checkout session is on its way
        await openGate(page, scheme);
        await gateState(page, 'purchase');
        await inGate(page, '[part~=button-primary]').click();
        await page.waitForSelector('paywall-gate >> button[disabled]');
      },
    ],
    [
      'paywall-gate-returning',
      async ({ page, context, scheme }) => {
        await signIn(context);
        await page.route('**/access-check', () => undefined);
        await openGate(page, scheme, '?va_checkout=success&session_id=cs_x&va_gate=gharart/masterclass');
        await gateState(page, 'returning');
      },
    ],
    [
      'paywall-gate-payment-pending',
      async ({ page, context, scheme }) => {
        await signIn(context);
        await page.clock.install();
        await openGate(page, scheme, '?va_checkout=success&session_id=cs_x&va_gate=gharart/masterclass');
        await gateState(page, 'returning');
        for (let i = 0; i < 12 && !(await page.$('paywall-gate >> [part~=support-code]')); i++) {
          await page.clock.runFor(10_000);
          await page.waitForTimeout(100);
        }
        await page.waitForSelector('paywall-gate >> [part~=support-code]');
      },
    ],
    [
      'paywall-gate-granted',
      async ({ page, context, scheme }) => {
        await signIn(context);
        await buy(context, 'masterclass');
        await openGate(page, scheme);
        await gateState(page, 'granted');
        await page.waitForSelector('paywall-gate h2');
      },
    ],
    [
      'paywall-gate-not-set-up',
      async ({ page, scheme }) => {
        // A script tag whose data-api-base a CMS stripped (decision 0122): every element says so.
        await page.goto(serve(sitePage(gate(PAID), { scheme, apiBase: '' })));
        await gateState(page, 'error');
      },
    ],
    [
      'paywall-gate-dark-host-sign-in',
      async ({ page, scheme }) => {
        const lede = 'Eight lessons on carving, inking and printing by hand.';
        await page.goto(serve(sitePage(gate(PAID), { scheme, lede, undeclared: true })));
        await gateState(page, 'sign-in');
      },
    ],
    [
      'paywall-gate-dark-host-purchase',
      async ({ page, context, scheme }) => {
        await signIn(context, email('maria.fernandez'));
        await page.goto(serve(sitePage(gate(PAID), { scheme, undeclared: true })));
        await gateState(page, 'purchase');
        await page.waitForSelector('visitor-session >> [part~=session]');
      },
    ],
    [
      'paywall-gate-dark-host-granted',
      async ({ page, context, scheme }) => {
        await signIn(context, email('maria.fernandez'));
        await buy(context, 'masterclass');
        // No <visitor-session> here: the gate's own "Signed in as … · Sign out" line, above the content.
        const html = sitePage(gate(PAID), { scheme, undeclared: true }).replace(
          '<visitor-session></visitor-session>',
          '',
        );
        await page.goto(serve(html));
        await gateState(page, 'granted');
        await page.waitForSelector('paywall-gate >> [part~=session]');
        await page.waitForSelector('paywall-gate h2');
      },
    ],
    [
      'paywall-gate-error-network',
      async ({ page, scheme }) => {
        await page.goto(serve(sitePage(gate(PAID), { scheme, apiBase: 'http://localhost:9' })));
        await gateState(page, 'error');
      },
    ],
    [
      'paywall-gate-error-not-for-sale',
      async ({ page, context, scheme }) => {
        await signIn(context);
        await page.goto(
          serve(
            sitePage(`<paywall-gate handle="no-connect" page="premium"></paywall-gate>`, {
              scheme,
              title: 'Premium Guide',
            }),
          ),
        );
        await gateState(page, 'purchase');
        await page.route(/\/_mock\/checkout\//, (route) => route.abort());
        await inGate(page, '[part~=button-primary]').click();
        await gateState(page, 'error');
      },
    ],
    [
      'paywall-gate-report-sent',
      async ({ page, scheme }) => {
        await page.route('**/access-check', (route) =>
          route.fulfill({
            status: 503,
            contentType: 'application/json',
            headers: { 'x-request-id': 'req_7Hq2xk9LmP' },
            body: '{"error":"service_unavailable","message":"Try again","requestId":"req_7Hq2xk9LmP"}',
          }),
        );
        await openGate(page, scheme);
        await gateState(page, 'error');
        await inGate(page, 'button:has-text("Report a problem")').click();
        await page.waitForSelector('paywall-gate >> [part~=report-result]');
      },
    ],
    [
      'paywall-gate-cookies-blocked',
      async ({ page, scheme }) => {
        const port = new URL(api).port;
        await page.goto(serve(sitePage(gate(PAID), { scheme, apiBase: `http://127.0.0.1:${port}` })));
        await gateState(page, 'sign-in');
        const address = email();
        await inGate(page, 'input[name=email]').fill(address);
        await inGate(page, 'form button[type=submit]').click();
        await gateState(page, 'check-email');
        await inGate(page, 'input[name=code]').fill((await latest(address)).code);
        await gateState(page, 'error');
      },
    ],
  ];
}
