// Puts a running mock into every state its HTML pages have and answers their addresses: the Chromium
// tests check each one, and scripts/screenshot-pages.mjs renders them. Only the HTTP API is used, so this
// keeps working whatever the store looks like inside.
import { advance, Visitor } from './helpers.js';

/** Each state of the mock's own pages, by name. */
export interface PageStates {
  index: string;
  mailbox: string;
  mailboxFiltered: string;
  mailboxEmpty: string;
  landingValid: string;
  landingExpired: string;
  landingUsed: string;
  landingInvalid: string;
  /** A landing while the mock injects 503 (a rule for this one path): the page for people. */
  landingUnavailable: string;
  checkoutOpen: string;
  checkoutPaid: string;
  checkoutNotFound: string;
}

/** A long address that is still valid (64-character local part, long domain). */
export const LONG_EMAIL = `${'a-very-long-local-part-'.repeat(2)}that-goes-on-and-on@subdomain.an-extremely-long-domain-name-for-testing.example.com`;

/**
 * Seeds `base` (a freshly reset mock) and answers the address of each page state. The clock moves by
 * 16 minutes on the way (that is how a link expires); links made afterwards are fresh.
 */
export async function seedPageStates(base: string): Promise<PageStates> {
  const dev = new Visitor(base);
  const send = async (email: string, returnTo?: string) => {
    const r = await dev.req('POST', '/v2/visitor/auth/magic-link', returnTo ? { email, returnTo } : { email });
    if (r.status !== 202) throw new Error(`magic-link ${r.status} ${r.text}`);
    return dev.lastMessage(email);
  };

  const expired = await send('late@example.com', 'http://localhost:5173/masterclass');
  await advance(base, 16 * 60 * 1000);

  const used = await send('again@example.com');
  if ((await dev.req('POST', '/v2/visitor/auth/verify', { token: used.token })).status !== 200) {
    throw new Error('could not use the link up');
  }

  // The group buy goes live: three fans, then an email that links to the creator's site (no code).
  const fans = ['fan.one@example.com', 'fan.two@example.com', 'fan.three@example.com'];
  for (const email of fans) {
    const fan = new Visitor(base);
    await fan.signIn(email);
    await fan.req('POST', '/v2/public/group-buys/gharart/spring-bundle/interest');
  }
  await dev.req('PUT', '/_mock/api/handles/gharart', { allowedOrigins: ['https://gharart.example.com'] });
  await dev.req('POST', '/_mock/api/group-buys/gharart/spring-bundle/activate');

  // A link as long as they come: a long address and a long path to return to.
  await send(LONG_EMAIL, `${base}/courses/block-printing/${'chapter-'.repeat(8)}one?utm_source=newsletter&ref=spring`);
  const valid = await send('reader@example.com', 'http://localhost:5173/masterclass');

  const buyer = new Visitor(base);
  await buyer.signIn('buyer@example.com');
  const openCheckout = await buyer.req('POST', '/v2/public/pages/gharart/masterclass/checkout', {
    successUrl: 'http://localhost:5173/masterclass',
    cancelUrl: 'http://localhost:5173/masterclass',
  });
  if (openCheckout.status !== 200) throw new Error(`checkout ${openCheckout.status} ${openCheckout.text}`);
  const payer = new Visitor(base);
  await payer.signIn('paid@example.com');
  const paidSession = await payer.buy('gharart', 'masterclass');

  const unavailable = '/_edge/visitor/access/t/unavailable-for-a-moment';
  const faults = await dev.req('PUT', '/_mock/api/faults', {
    rules: [{ method: 'GET', path: unavailable, fault: '503' }],
  });
  if (faults.status !== 200) throw new Error(`faults ${faults.status} ${faults.text}`);

  return {
    index: `${base}/`,
    mailbox: `${base}/_mock/mailbox`,
    mailboxFiltered: `${base}/_mock/mailbox?to=${encodeURIComponent(LONG_EMAIL)}`,
    mailboxEmpty: `${base}/_mock/mailbox?to=nobody%40example.com`,
    landingValid: valid.link!,
    landingExpired: expired.link!,
    landingUsed: used.link!,
    landingInvalid: `${base}/_edge/visitor/access/t/not-a-real-token`,
    landingUnavailable: `${base}${unavailable}?returnTo=${encodeURIComponent('http://localhost:5173/masterclass')}`,
    checkoutOpen: openCheckout.body.url as string,
    checkoutPaid: `${base}/_mock/checkout/${paidSession}`,
    checkoutNotFound: `${base}/_mock/checkout/cs_test_nothing_here`,
  };
}
