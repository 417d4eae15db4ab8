// Every method and getter of a client, called once: nothing of the SDK can be left out of a bundle
// built from this, so its size is the size of the whole SDK as an app that uses all of it pays.
export function callEveryMethod(createClient) {
  const c = createClient({ baseUrl: 'https://api.example.com', creatorToken: () => 't' });
  c.onSessionChange((e) => console.log(e.state));
  const h = 'gharart';
  const p = 'masterclass';
  const g = 'spring-bundle';
  return [
    c.auth.requestMagicLink({ email: 'a@b.co' }),
    c.auth.verify({ token: 't' }),
    c.auth.me(),
    c.auth.logout(),
    c.pages.checkAccess(h, p),
    c.pages.checkout(h, p, { successUrl: 'https://x.co', cancelUrl: 'https://x.co' }),
    c.pages.refund(h, p, { visitorId: 'vis_1' }),
    c.access.list(),
    c.groupBuys.get(h, g),
    c.groupBuys.expressInterest(h, g),
    c.groupBuys.myInterest(h, g),
    c.groupBuys.withdrawInterest(h, g),
    c.edge.access(),
    c.edge.landingUrl('t'),
    c.support.report({ summary: 's', details: 'd' }),
    c.support.reportContent({ handle: h, reason: 'r' }),
    c.lastRequestId,
    c.session,
    c.close,
  ];
}
