// The HTML builders on their own: what reaches the page from the store is text, links are only ever
// http(s), and prices read as the currency writes them.
import { describe, expect, it } from 'vitest';
import { checkoutPage } from './pages/checkout.js';
import { indexPage } from './pages/index.js';
import { mailboxPage } from './pages/mailbox.js';
import type { MessageRecord } from './records.js';
import { checkoutSession } from '../test/helpers.js';

const message = (over: Partial<MessageRecord>): MessageRecord => ({
  id: 'msg_1',
  to: 'a@example.com',
  subject: 'Hello',
  text: 'Hi',
  link: null,
  sentAt: Date.UTC(2026, 11, 3, 14, 3, 27),
  ...over,
});
const main = async (response: Response) => (await response.text()).split('<body>')[1]!.split('<script')[0]!;

describe('mailboxPage', () => {
  it('links the http(s) addresses of an email’s text, and nothing else, as text', async () => {
    const html = await main(
      mailboxPage(
        [
          message({
            subject: '<img src=x onerror=alert(1)>',
            text: 'Go to https://shop.example/a?b=1&c=2. Or javascript:alert(1)\n\n"><script>alert(1)</script> http://x.example/"onmouseover="alert(1)',
          }),
        ],
        undefined,
      ),
    );
    expect(html).not.toMatch(/<img|<script|onmouseover="/);
    expect(html).toContain('<a href="https://shop.example/a?b=1&amp;c=2">https://shop.example/a?b=1&amp;c=2</a>.');
    expect(html).toContain('<a href="http://x.example/">http://x.example/</a>&quot;onmouseover');
    expect(html).not.toContain('href="javascript');
  });

  it('makes a button only of an http(s) link, labelled by what it opens', async () => {
    const html = await main(
      mailboxPage(
        [
          message({ id: 'msg_a', link: 'javascript:alert(1)' }),
          message({ id: 'msg_b', link: 'https://gharart.example.com/spring-bundle' }),
          message({
            id: 'msg_c',
            link: 'http://127.0.0.1:4010/_edge/visitor/access/t/x.y',
            token: 'x.y',
            code: '012345',
          }),
        ],
        undefined,
      ),
    );
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a class="button primary" href="https://gharart.example.com/spring-bundle">Open link</a>');
    expect(html).toContain('>Open sign-in link</a>');
    expect(html).toContain('>012345</span>');
    // Server time in UTC until the page script shows local time.
    expect(html).toContain('datetime="2026-12-03T14:03:27.000Z"');
    expect(html).toContain('2026-12-03 14:03:27 UTC');
  });
});

describe('checkoutPage', () => {
  it.each([
    [1900, 'USD', '$19.00'],
    [1900, 'jpy', '¥1,900'],
    [1234, 'EUR', '€12.34'],
    [1000, 'KWD', 'KWD 1.000'],
  ])('formats %i %s as %s', async (amount, currency, shown) => {
    const html = await main(checkoutPage(checkoutSession({ amount, currency })));
    expect(html.replace(/\u00a0/g, ' ')).toContain(`<p class="amount">${shown}</p>`);
  });

  it('offers a way back only to an http(s) address once closed', async () => {
    const paid = await main(checkoutPage(checkoutSession({ status: 'paid' })));
    expect(paid).toContain('href="http://localhost:5173/ok">Back to localhost:5173</a>');
    expect(paid).not.toContain('<button');
    const odd = await main(checkoutPage(checkoutSession({ status: 'cancelled', cancelUrl: 'javascript:alert(1)' })));
    expect(odd).not.toContain('javascript:');
  });
});

describe('indexPage', () => {
  it('lists the pages with their mode and price', async () => {
    const html = await main(
      indexPage(
        [
          {
            handle: 'gharart',
            slug: 'masterclass',
            title: '<b>M</b>',
            mode: 'PAID',
            price: 1900,
            currency: 'USD',
            published: true,
          },
          { handle: 'gharart', slug: 'draft', title: 'D', mode: 'FREE_WITH_LOGIN', published: false },
        ],
        'http://localhost:4010',
      ),
    );
    expect(html).toContain('<strong>&lt;b&gt;M&lt;/b&gt;</strong>');
    expect(html).toContain('Paid · $19.00');
    expect(html).toContain('Free with sign-in · <span class="badge">unpublished</span>');
  });
});
