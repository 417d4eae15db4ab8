// The whole visitor journey with the typed SDK, in Node, against the reference mock:
// sign in by the emailed code, check access, buy, read the access list, get refunded.
import { createClient, VisitorUnauthorizedError } from '@visitor-access/sdk';
import { startServer } from '@visitor-access/mock/server';
import { fetchWithCookies } from './cookie-jar.mjs';

export async function runJourney({ log = console.log } = {}) {
  const mock = await startServer({ port: 0, host: '127.0.0.1', log: false });
  const api = mock.url;
  try {
    const client = createClient({ baseUrl: api, fetch: fetchWithCookies() });
    const steps = [];
    const step = (text) => {
      steps.push(text);
      log(text);
    };

    const before = await client.pages.checkAccess('gharart', 'masterclass');
    step(`1. masterclass before sign-in: ${before.reason}`);

    const email = `reader-${Date.now()}@example.com`;
    await client.auth.requestMagicLink({ email });
    const mail = await (await fetch(`${api}/_mock/api/messages?to=${encodeURIComponent(email)}`)).json();
    const { visitor } = await client.auth.verify({ email, code: mail.messages[0].code });
    step(`2. signed in as ${visitor.email} (${visitor.id})`);

    const afterSignIn = await client.pages.checkAccess('gharart', 'masterclass');
    step(`3. masterclass after sign-in: ${afterSignIn.reason} (${afterSignIn.page.price} ${afterSignIn.page.currency})`);

    const { sessionId } = await client.pages.checkout('gharart', 'masterclass', {
      successUrl: 'http://localhost:3000/thanks',
      cancelUrl: 'http://localhost:3000/cancelled',
    });
    await fetch(`${api}/_mock/api/checkout/${sessionId}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'paid' }),
    });
    const afterPay = await client.pages.checkAccess('gharart', 'masterclass');
    step(`4. masterclass after paying: ${afterPay.reason}`);

    const { token } = await (
      await fetch(`${api}/_mock/api/creator-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ handle: 'gharart' }),
      })
    ).json();
    const creator = createClient({ baseUrl: api, creatorToken: token });
    const { refund } = await creator.pages.refund('gharart', 'masterclass', { visitorId: visitor.id });
    step(`5. creator refunded ${refund.amount} ${refund.currency}`);

    const afterRefund = await client.pages.checkAccess('gharart', 'masterclass');
    const { items } = await client.access.list();
    step(`6. masterclass after refund: ${afterRefund.reason}; access list: ${items.map((i) => `${i.slug}=${i.status}`).join(', ')}`);

    await client.auth.logout();
    try {
      await client.auth.me();
    } catch (error) {
      if (error instanceof VisitorUnauthorizedError) step(`7. signed out (me → ${error.code}, request ${error.requestId})`);
      else throw error;
    }
    return steps;
  } finally {
    await mock.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runJourney();
}
