// Starts the reference mock on localhost (same site as the Vitest page, so the HttpOnly
// SameSite=Lax session cookie flows) and hands its URL to the browser tests as `apiBase`. The
// default fixture gets a few group buys of its own for the tests that activate one (activation
// cannot be undone, and test files run in parallel against this one mock).
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    apiBase: string;
    /** A mock of its own for the fault tests (src/internal/faults.test.ts): its faults hit nobody else. */
    faultApiBase: string;
  }
}

/** Group buys with a target of one, each selling its own unpublished PAID page (2900 USD cents). */
export const TEST_GROUP_BUYS = [
  'gb-live-buy',
  'gb-live-sign-in',
  'gb-live-link',
  'gb-live-link-tab',
  'gb-live-report',
  'gb-live-stranger',
  'gb-analytics',
];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { defaultFixture, startServer } = await import('@visitor-access/mock/server');
  const fixture = structuredClone(defaultFixture);
  const gharart = fixture.handles.find((h) => h.handle === 'gharart')!;
  for (const slug of TEST_GROUP_BUYS) {
    gharart.pages!.push({
      slug,
      title: `Bundle ${slug}`,
      mode: 'PAID',
      price: 2900,
      currency: 'USD',
      published: false,
    });
    gharart.groupBuys!.push({
      slug,
      title: `Bundle ${slug}`,
      targetQuantity: 1,
      price: 2900,
      currency: 'USD',
      pageSlug: slug,
    });
  }
  gharart.groupBuys!.push({
    slug: 'gb-legacy',
    title: 'Legacy bundle',
    targetQuantity: 1,
    price: 1500,
    currency: 'USD',
  });
  const server = await startServer({ port: 0, host: 'localhost', fixture });
  project.provide('apiBase', server.url.replace(/\/+$/, ''));
  const faulty = await startServer({ port: 0, host: 'localhost' });
  project.provide('faultApiBase', faulty.url.replace(/\/+$/, ''));
  return async () => {
    await Promise.all([server.close(), faulty.close()]);
  };
}
