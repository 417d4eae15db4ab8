// Creators (handles) and their pages, from the fixture or the development API, and which origins they
// allow (CORS and redirect targets).
import { normaliseEmail } from '@visitor-access/contract';
import type { Fixture } from '../fixture.js';
import type { HandleRecord, PageRecord } from '../records.js';
import { isLocalOrigin } from '../net.js';
import { fail, ok, pageKey, type Kernel, type Result } from './state.js';

export class PagesSlice {
  /** origin → the handles that allow it; rebuilt lazily after a handle changes. */
  #byOrigin: Map<string, string[]> | undefined;

  constructor(private readonly k: Kernel) {}

  /** Forget cached origins (a handle changed, a reset, a load). */
  changed(): void {
    this.#byOrigin = undefined;
  }

  /** The handles whose allowed origins include `origin`. */
  handlesAllowing(origin: string): string[] {
    if (!this.#byOrigin) {
      const map = new Map<string, string[]>();
      for (const h of this.k.t.handles.values()) {
        for (const o of h.allowedOrigins) map.set(o, [...(map.get(o) ?? []), h.handle]);
      }
      this.#byOrigin = map;
    }
    return this.#byOrigin.get(origin) ?? [];
  }

  /** Whether an origin may receive CORS headers and be a redirect target for `handle` (or any handle). */
  isAllowedOrigin(origin: string, handle?: string): boolean {
    if (isLocalOrigin(origin)) return true;
    if (handle !== undefined) return this.k.t.handles.get(handle)?.allowedOrigins.includes(origin) ?? false;
    return this.handlesAllowing(origin).length > 0;
  }

  /** Whether `url` is an absolute http(s) URL on an allowed origin (or on `selfOrigin`, the mock itself). */
  isAllowedRedirect(url: string, selfOrigin: string, handle?: string): boolean {
    if (!URL.canParse(url)) return false;
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    if (u.username || u.password) return false;
    return u.origin === selfOrigin || this.isAllowedOrigin(u.origin, handle);
  }

  /** Puts a fixture's handles, pages, group buys and allowlisted files into the tables. */
  loadFixture(fixture: Fixture): void {
    const now = this.k.now();
    for (const h of fixture.handles) {
      this.k.t.handles.put(h.handle, {
        handle: h.handle,
        connectConfigured: h.connectConfigured,
        allowedOrigins: [...(h.allowedOrigins ?? [])],
      });
      for (const p of h.pages ?? []) {
        this.k.t.pages.put(pageKey(h.handle, p.slug), {
          handle: h.handle,
          slug: p.slug,
          title: p.title,
          mode: p.mode,
          price: p.price,
          currency: p.currency,
          published: p.published ?? true,
        });
      }
      for (const g of h.groupBuys ?? []) {
        this.k.t.groupBuys.put(pageKey(h.handle, g.slug), {
          handle: h.handle,
          slug: g.slug,
          title: g.title,
          targetQuantity: g.targetQuantity,
          price: g.price,
          currency: g.currency,
          activatedAt: undefined,
          pageSlug: g.pageSlug,
        });
      }
      for (const f of h.files ?? []) {
        for (const email of f.allowlist) {
          const normalised = normaliseEmail(email);
          this.k.t.files.put(`${h.handle}/${f.slug}|${normalised}`, {
            handle: h.handle,
            slug: f.slug,
            title: f.title,
            email: normalised,
            grantedAt: now,
          });
        }
      }
    }
  }

  /** A published page, or undefined. */
  published(handle: string, slug: string): PageRecord | undefined {
    const page = this.k.t.pages.get(pageKey(handle, slug));
    return page?.published ? page : undefined;
  }

  /** Creates or changes a handle (development API). */
  upsertHandle(handle: string, patch: { connectConfigured?: boolean; allowedOrigins?: string[] }): HandleRecord {
    const current = this.k.t.handles.get(handle) ?? { handle, connectConfigured: false, allowedOrigins: [] };
    const record: HandleRecord = {
      ...current,
      ...(patch.connectConfigured !== undefined ? { connectConfigured: patch.connectConfigured } : {}),
      ...(patch.allowedOrigins !== undefined ? { allowedOrigins: [...patch.allowedOrigins] } : {}),
    };
    this.k.t.handles.put(handle, record);
    this.changed();
    return record;
  }

  /** Creates or changes a page (development API). A new page needs a title and a mode. */
  upsertPage(
    handle: string,
    slug: string,
    patch: { title?: string; mode?: PageRecord['mode']; price?: number; currency?: string; published?: boolean },
  ): Result<PageRecord> {
    if (!this.k.t.handles.has(handle)) return fail('handle_not_found', `There is no handle "${handle}".`);
    const existing = this.k.t.pages.get(pageKey(handle, slug));
    if (!existing && (patch.title === undefined || patch.mode === undefined)) {
      return fail('invalid_request', 'A new page needs at least "title" and "mode".');
    }
    const base: PageRecord = existing ?? {
      handle,
      slug,
      title: patch.title!,
      mode: patch.mode!,
      price: undefined,
      currency: undefined,
      published: true,
    };
    const record: PageRecord = { ...base };
    if (patch.title !== undefined) record.title = patch.title;
    if (patch.mode !== undefined) record.mode = patch.mode;
    if (patch.price !== undefined) record.price = patch.price;
    if (patch.currency !== undefined) record.currency = patch.currency;
    if (patch.published !== undefined) record.published = patch.published;
    if (record.mode === 'PAID' && (record.price === undefined || record.currency === undefined)) {
      return fail('invalid_request', 'A PAID page needs "price" (minor units) and "currency".');
    }
    this.k.t.pages.put(pageKey(handle, slug), record);
    return ok(record);
  }
}
