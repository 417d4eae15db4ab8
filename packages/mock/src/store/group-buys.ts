// Group buys: interest (one record per visitor), the target, activation (publishes the page it sells
// and emails every interested visitor a link to the creator's site).
import type { GroupBuy, GroupBuyStatus } from '@visitor-access/contract';
import type { GroupBuyRecord, InterestRecord } from '../records.js';
import type { MailSlice } from './mail.js';
import type { Index } from './table.js';
import { groupBuyView } from './views.js';
import { fail, ok, pageKey, type Kernel, type Result } from './state.js';

const interestKey = (handle: string, slug: string, visitorId: string) => `${handle}/${slug}|${visitorId}`;

export class GroupBuysSlice {
  readonly #byGroupBuy: Index<InterestRecord>;

  constructor(
    private readonly k: Kernel,
    private readonly mail: MailSlice,
  ) {
    this.#byGroupBuy = k.t.interests.index((i) => pageKey(i.handle, i.slug));
  }

  #interested(g: GroupBuyRecord): InterestRecord[] {
    return this.k.t.interests.lookup(this.#byGroupBuy, pageKey(g.handle, g.slug));
  }

  #status(g: GroupBuyRecord, count: number): GroupBuyStatus {
    if (g.activatedAt !== undefined) return 'active';
    return count >= g.targetQuantity ? 'target_reached' : 'collecting';
  }

  #find(handle: string, slug: string): Result<GroupBuyRecord> {
    const g = this.k.t.groupBuys.get(pageKey(handle, slug));
    return g ? ok(g) : fail('group_buy_not_found', `There is no group buy "${slug}" for "${handle}".`);
  }

  view(handle: string, slug: string): Result<GroupBuy> {
    const found = this.#find(handle, slug);
    if (!found.ok) return found;
    const g = found.value;
    const interestCount = this.#interested(g).length;
    return ok(groupBuyView({ ...g, interestCount, status: this.#status(g, interestCount) }));
  }

  /** Adds a visitor's interest (once; repeats change nothing). */
  express(handle: string, slug: string, visitorId: string) {
    const found = this.#find(handle, slug);
    if (!found.ok) return found;
    const key = interestKey(handle, slug, visitorId);
    if (!this.k.t.interests.has(key)) {
      this.k.t.interests.put(key, { handle, slug, visitorId, expressedAt: this.k.now() });
    }
    const count = this.#interested(found.value).length;
    return ok({ interested: true as const, interestCount: count, status: this.#status(found.value, count) });
  }

  mine(handle: string, slug: string, visitorId: string) {
    const found = this.#find(handle, slug);
    if (!found.ok) return found;
    const at = this.k.t.interests.get(interestKey(handle, slug, visitorId))?.expressedAt;
    return ok(at === undefined ? { interested: false } : { interested: true, expressedAt: new Date(at).toISOString() });
  }

  withdraw(handle: string, slug: string, visitorId: string) {
    const found = this.#find(handle, slug);
    if (!found.ok) return found;
    this.k.t.interests.delete(interestKey(handle, slug, visitorId));
    return ok({ interested: false as const, interestCount: this.#interested(found.value).length });
  }

  /**
   * Activates a group buy that reached its target: the page it sells is published and every interested
   * visitor is emailed a link to the creator's site (the handle's first allowed origin), never to an API
   * address. A handle without an allowed origin gets an email without a link.
   */
  activate(handle: string, slug: string): Result<GroupBuy> {
    const found = this.#find(handle, slug);
    if (!found.ok) return found;
    const g = found.value;
    const interested = this.#interested(g);
    const status = this.#status(g, interested.length);
    if (status === 'collecting') {
      return fail(
        'target_not_reached',
        `The group buy has ${interested.length} of ${g.targetQuantity} interested visitors; it can be activated once the target is reached.`,
      );
    }
    if (status === 'target_reached') {
      this.k.t.groupBuys.update(pageKey(handle, slug), { activatedAt: this.k.now() });
      const pk = g.pageSlug === undefined ? undefined : pageKey(handle, g.pageSlug);
      if (pk && this.k.t.pages.has(pk)) this.k.t.pages.update(pk, { published: true });
      const site = this.k.t.handles.get(handle)?.allowedOrigins[0];
      const link = site ? `${site}/${encodeURIComponent(g.pageSlug ?? g.slug)}` : null;
      for (const i of interested) {
        const visitor = this.k.t.visitors.get(i.visitorId);
        if (!visitor) continue;
        this.mail.send({
          to: visitor.email,
          subject: `${g.title} is live`,
          text: `Good news: enough people joined "${g.title}" and the offer is now live.\n\n${
            link ? `Buy it here: ${link}` : "Visit the creator's site to buy it."
          }`,
          link,
        });
      }
    }
    return this.view(handle, slug);
  }
}
