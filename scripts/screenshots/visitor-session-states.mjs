// The states of `<visitor-session>` for `npm run screenshots` (scripts/screenshots.mjs): [name, how to get
// there, options?]. `go` gets { page, context, scheme, width } and leaves the page in the state; the
// screenshot is the whole page. The helpers come from the stage (./stage.mjs).

/** @param {Awaited<ReturnType<typeof import('./stage.mjs').startStage>>} stage */
export function visitorSessionStates({ email, signIn, openJournal }) {
  return [
    [
      'visitor-session-signed-out',
      async ({ page, scheme }) => {
        await openJournal(page, scheme);
        await page.waitForSelector('visitor-session >> button');
      },
    ],
    [
      'visitor-session-sign-in',
      async ({ page, scheme }) => {
        await openJournal(page, scheme);
        await page.click('visitor-session >> button:has-text("Sign in")');
        await page.waitForSelector('visitor-session >> input[name=email]');
      },
    ],
    [
      'visitor-session-check-email',
      async ({ page, scheme }) => {
        await openJournal(page, scheme);
        await page.click('visitor-session >> button:has-text("Sign in")');
        await page.fill('visitor-session >> input[name=email]', email('maria'));
        await page.click('visitor-session >> form button[type=submit]');
        await page.waitForSelector('visitor-session >> input[name=code]');
      },
    ],
    [
      'visitor-session-signed-in',
      async ({ page, context, scheme }) => {
        await signIn(context, email('maria.fernandez-garcia'));
        await openJournal(page, scheme);
        await page.waitForSelector('visitor-session >> text=Signed in as');
      },
    ],
    [
      'visitor-session-unavailable',
      async ({ page, scheme }) => {
        await openJournal(page, scheme, { apiBase: 'http://localhost:9' });
        await page.waitForSelector('visitor-session >> text=Account unavailable');
      },
    ],
  ];
}
