import * as z from 'zod/mini';
import { Currency, Email, Handle, originCheck, PageMode, Price, Slug } from '@visitor-access/contract';

const Origin = z.string().check(z.maxLength(2048), originCheck);

const FixturePage = z.strictObject({
  slug: Slug,
  title: z.string().check(z.minLength(1), z.maxLength(300)),
  mode: PageMode,
  price: z.optional(Price),
  currency: z.optional(Currency),
  published: z.optional(z.boolean()),
});

const FixtureGroupBuy = z.strictObject({
  slug: Slug,
  title: z.string().check(z.minLength(1), z.maxLength(300)),
  targetQuantity: z.int().check(z.positive()),
  price: z.optional(Price),
  currency: z.optional(Currency),
  /** The PAID page of the same handle that the offer sells; activation publishes it. */
  pageSlug: z.optional(Slug),
});

const FixtureFile = z.strictObject({
  slug: z.string().check(z.minLength(1), z.maxLength(300)),
  title: z.string().check(z.minLength(1), z.maxLength(300)),
  allowlist: z.array(Email),
});

const FixtureHandle = z.strictObject({
  handle: Handle,
  connectConfigured: z.boolean(),
  allowedOrigins: z.optional(z.array(Origin)),
  pages: z.optional(z.array(FixturePage)),
  groupBuys: z.optional(z.array(FixtureGroupBuy)),
  files: z.optional(z.array(FixtureFile)),
});

/**
 * The schema of a fixture file (`--fixture FILE`): creators (handles) with their pages, group buys and
 * allowlisted files.
 *
 * @example
 * ```ts
 * FixtureSchema.parse({ handles: [{ handle: 'me', connectConfigured: true, pages: [] }] });
 * ```
 */
export const FixtureSchema = z.strictObject({
  handles: z.array(FixtureHandle).check(z.minLength(1)),
});

/** A fixture as written in JSON (optional fields may be left out). */
export type Fixture = z.input<typeof FixtureSchema>;
/** One handle of a fixture. */
export type FixtureHandle = z.input<typeof FixtureHandle>;

/**
 * The default fixture of `product-spec.md`: handle `gharart` (Stripe connected) with `welcome` (PUBLIC),
 * `members-lounge` (FREE_WITH_LOGIN), `masterclass` (PAID, 19.00 USD), `draft-notes` (PAID, unpublished),
 * group buy `spring-bundle` (target 3, 49.00 USD, selling the PAID page `spring-bundle`, unpublished until
 * activation) and `lookbook-2026.pdf` allowlisted for
 * `vip@example.com`; handle `no-connect` (Stripe not connected) with `premium` (PAID, 9.00 USD).
 *
 * @example
 * ```ts
 * import { defaultFixture, createStore } from '@visitor-access/mock';
 * const store = createStore({ fixture: defaultFixture });
 * ```
 */
export const defaultFixture: Fixture = {
  handles: [
    {
      handle: 'gharart',
      connectConfigured: true,
      allowedOrigins: [],
      pages: [
        { slug: 'welcome', title: 'Welcome to Gharart', mode: 'PUBLIC' },
        { slug: 'members-lounge', title: 'Members Lounge', mode: 'FREE_WITH_LOGIN' },
        { slug: 'masterclass', title: 'Block-Printing Masterclass', mode: 'PAID', price: 1900, currency: 'USD' },
        { slug: 'draft-notes', title: 'Draft Notes', mode: 'PAID', price: 500, currency: 'USD', published: false },
        // Sold by the group buy of the same name: unpublished until the group buy is activated.
        { slug: 'spring-bundle', title: 'Spring Bundle', mode: 'PAID', price: 4900, currency: 'USD', published: false },
      ],
      groupBuys: [
        {
          slug: 'spring-bundle',
          title: 'Spring Bundle',
          targetQuantity: 3,
          price: 4900,
          currency: 'USD',
          pageSlug: 'spring-bundle',
        },
      ],
      files: [{ slug: 'lookbook-2026.pdf', title: 'Lookbook 2026', allowlist: ['vip@example.com'] }],
    },
    {
      handle: 'no-connect',
      connectConfigured: false,
      allowedOrigins: [],
      pages: [{ slug: 'premium', title: 'Premium Guide', mode: 'PAID', price: 900, currency: 'USD' }],
    },
  ],
};

/**
 * A fixture file that failed validation; `message` lists every problem with its JSON path.
 *
 * @example
 * ```ts
 * try { parseFixture('{}'); } catch (e) { if (e instanceof FixtureError) console.error(e.message); }
 * ```
 */
export class FixtureError extends Error {
  override readonly name = 'FixtureError';
}

/**
 * Parses and validates a fixture from JSON text or a value, throwing a {@link FixtureError} that
 * names each bad field. Also rejects duplicate handles and slugs, and PAID pages without a price.
 *
 * @example
 * ```ts
 * const fixture = parseFixture(readFileSync('fixture.json', 'utf8'));
 * ```
 */
export function parseFixture(input: unknown, source = 'fixture'): Fixture {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new FixtureError(`${source} is not valid JSON: ${(error as Error).message}`);
    }
  }
  const result = FixtureSchema.safeParse(value);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    throw new FixtureError(`${source} is not a valid fixture:\n${lines.join('\n')}`);
  }
  const problems: string[] = [];
  const handles = new Set<string>();
  for (const [hi, h] of result.data.handles.entries()) {
    if (handles.has(h.handle)) problems.push(`handles.${hi}.handle: duplicate handle "${h.handle}"`);
    handles.add(h.handle);
    const slugs = new Set<string>();
    for (const [pi, p] of (h.pages ?? []).entries()) {
      if (slugs.has(p.slug)) problems.push(`handles.${hi}.pages.${pi}.slug: duplicate page "${p.slug}"`);
      slugs.add(p.slug);
      if (p.mode === 'PAID' && (p.price === undefined || p.currency === undefined)) {
        problems.push(`handles.${hi}.pages.${pi}: a PAID page needs "price" (minor units) and "currency"`);
      }
    }
    const gbs = new Set<string>();
    for (const [gi, g] of (h.groupBuys ?? []).entries()) {
      if (gbs.has(g.slug)) problems.push(`handles.${hi}.groupBuys.${gi}.slug: duplicate group buy "${g.slug}"`);
      gbs.add(g.slug);
      if (g.pageSlug !== undefined && !(h.pages ?? []).some((p) => p.slug === g.pageSlug && p.mode === 'PAID')) {
        problems.push(`handles.${hi}.groupBuys.${gi}.pageSlug: "${g.pageSlug}" is not a PAID page of "${h.handle}"`);
      }
    }
  }
  if (problems.length)
    throw new FixtureError(`${source} is not a valid fixture:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return result.data;
}
