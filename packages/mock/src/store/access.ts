// The access decision (what an access check answers) and the access list (what a visitor can open).
import type { AccessItem, AccessReason, PageSummary } from '@visitor-access/contract';
import type { FreeLoginRecord, VisitorRecord } from '../records.js';
import type { PagesSlice } from './pages.js';
import type { PurchasesSlice } from './purchases.js';
import type { Index } from './table.js';
import { accessItemView, pageSummary } from './views.js';
import { fail, grantKey, ok, pageKey, type Kernel, type Result } from './state.js';

export class AccessSlice {
  readonly #freeByVisitor: Index<FreeLoginRecord>;

  constructor(
    private readonly k: Kernel,
    private readonly pages: PagesSlice,
    private readonly purchases: PurchasesSlice,
  ) {
    this.#freeByVisitor = k.t.freeLogins.index((f) => f.visitorId);
  }

  /**
   * The access check of `product-spec.md`: PUBLIC → public; no session → visitor_auth_required;
   * FREE_WITH_LOGIN → entitled (and the visit is recorded); PAID → entitled with an active purchase,
   * else purchase_required.
   */
  check(
    handle: string,
    slug: string,
    visitor: VisitorRecord | null,
  ): Result<{ hasAccess: boolean; reason: AccessReason; page: PageSummary }> {
    const page = this.pages.published(handle, slug);
    if (!page) return fail('page_not_found', `There is no published page "${slug}" for "${handle}".`);
    const answer = (hasAccess: boolean, reason: AccessReason) => ok({ hasAccess, reason, page: pageSummary(page) });
    if (page.mode === 'PUBLIC') return answer(true, 'public');
    if (!visitor) return answer(false, 'visitor_auth_required');
    if (page.mode === 'FREE_WITH_LOGIN') {
      const key = grantKey(visitor.id, handle, slug);
      if (!this.k.t.freeLogins.has(key)) {
        this.k.t.freeLogins.put(key, { visitorId: visitor.id, handle, slug, grantedAt: this.k.now() });
      }
      return answer(true, 'entitled');
    }
    return this.purchases.isEntitled(visitor.id, handle, slug)
      ? answer(true, 'entitled')
      : answer(false, 'purchase_required');
  }

  /**
   * Everything a visitor can (or could) open, newest first. With `origin` set to one creator's allowed
   * origin, only that creator's items: a creator's site never sees what the visitor bought elsewhere.
   */
  items(visitor: VisitorRecord, options: { origin?: string | null | undefined } = {}): AccessItem[] {
    const only = options.origin ? this.pages.handlesAllowing(options.origin) : [];
    const shown = (handle: string) => only.length === 0 || only.includes(handle);
    const title = (handle: string, slug: string) => this.k.t.pages.get(pageKey(handle, slug))?.title ?? slug;
    const items: (AccessItem & { at: number })[] = [];
    for (const p of this.purchases.of(visitor.id)) {
      if (!shown(p.handle)) continue;
      items.push({
        ...accessItemView({
          resourceType: 'page',
          handle: p.handle,
          slug: p.slug,
          title: title(p.handle, p.slug),
          accessType: 'purchase',
          status: this.purchases.status(p),
          grantedAt: p.grantedAt,
          revokedAt: p.revokedAt,
        }),
        at: p.grantedAt,
      });
    }
    for (const f of this.k.t.freeLogins.lookup(this.#freeByVisitor, visitor.id)) {
      if (!shown(f.handle)) continue;
      items.push({
        ...accessItemView({
          resourceType: 'page',
          handle: f.handle,
          slug: f.slug,
          title: title(f.handle, f.slug),
          accessType: 'free_login',
          status: 'active',
          grantedAt: f.grantedAt,
        }),
        at: f.grantedAt,
      });
    }
    for (const f of this.k.t.files.values()) {
      if (f.email !== visitor.email || !shown(f.handle)) continue;
      items.push({
        ...accessItemView({
          resourceType: 'file',
          handle: f.handle,
          slug: f.slug,
          title: f.title,
          accessType: 'allowlist',
          status: 'active',
          grantedAt: f.grantedAt,
        }),
        at: f.grantedAt,
      });
    }
    items.sort((a, b) => b.at - a.at);
    return items.map(({ at: _at, ...item }) => item);
  }
}
