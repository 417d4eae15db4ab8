// The third stage of a run: the data the checks run on. Through the development API the kit makes its own
// creators and pages (so that it neither depends on nor changes data others use) and asks for a creator
// token; without one it uses the target it was given.
import { DEFAULT_TARGET, type Capabilities, type DevApi, type Target } from '../context.js';

/**
 * The target of a run and its creator token: `given` over the default target, the run's own data when the
 * development API makes it, and a token from the development API when none was given. Sets
 * `capabilities.fixtures` and `capabilities.creatorToken`; adds to `notes` what a reader should know.
 */
export async function prepareTarget(input: {
  dev: DevApi | undefined;
  run: string;
  given: Partial<Target> | undefined;
  origin: string | undefined;
  creatorToken: string | undefined;
  capabilities: Capabilities;
  notes: string[];
}): Promise<{ target: Target; creatorToken: string | undefined }> {
  const { dev, run, origin, capabilities, notes } = input;
  const target: Target = { ...DEFAULT_TARGET, ...input.given };
  if (origin) target.origin = origin;
  let creatorToken = input.creatorToken;
  if (dev) {
    await prepareFreshData(dev, run, target, creatorToken !== undefined, capabilities, notes);
    // The reference mock allows every http://localhost:* origin; a creator's own origin is better when known.
    target.origin ??= 'http://localhost:5173';
    if (creatorToken === undefined) {
      const answer = await dev
        .send('POST', '/creator-token', { json: { handle: target.handle } })
        .catch(() => undefined);
      if (answer?.status === 200 && typeof answer.body?.token === 'string') creatorToken = answer.body.token;
    }
  }
  capabilities.creatorToken = creatorToken !== undefined;
  return { target, creatorToken };
}

/**
 * Makes the run's own creators and pages through the development API, so that the checks neither depend on
 * nor change data that others use: `conf-<run>` (Stripe connected, its own allowed origin, one page per
 * mode) and `conf-<run>-b` (Stripe not connected, another origin). With a creator token given for an
 * existing handle, the pages are made under that handle instead.
 */
async function prepareFreshData(
  dev: DevApi,
  run: string,
  target: Target,
  existingHandle: boolean,
  capabilities: Capabilities,
  notes: string[],
): Promise<void> {
  const put = async (path: string, json: unknown) => {
    const answer = await dev.send('PUT', path, { json }).catch(() => undefined);
    return answer?.status === 200 ? answer : undefined;
  };
  const main = existingHandle ? target.handle : `conf-${run}`;
  const origin = `https://conf-${run}.example.com`;
  if (!existingHandle && !(await put(`/handles/${main}`, { connectConfigured: true, allowedOrigins: [origin] }))) {
    notes.push('The development API did not create a handle: the checks use the existing data named by the target.');
    return;
  }
  const slug = (name: string) => (existingHandle ? `conf-${run}-${name}` : name);
  const pages: [string, Record<string, unknown>][] = [
    [slug('public'), { title: 'Conformance public page', mode: 'PUBLIC' }],
    [slug('free'), { title: 'Conformance free page', mode: 'FREE_WITH_LOGIN' }],
    [slug('paid'), { title: 'Conformance paid page', mode: 'PAID', price: 1234, currency: 'USD' }],
    [slug('draft'), { title: 'Conformance draft', mode: 'PAID', price: 500, currency: 'USD', published: false }],
  ];
  for (const [name, body] of pages) {
    if (!(await put(`/pages/${main}/${name}`, body))) {
      notes.push(`The development API did not create the page ${main}/${name}: the checks use the target's pages.`);
      return;
    }
  }
  target.handle = main;
  target.publicPage = slug('public');
  target.freePage = slug('free');
  target.paidPage = slug('paid');
  target.unpublishedPage = slug('draft');
  if (!existingHandle) target.origin = origin;
  capabilities.fixtures = true;

  const second = `conf-${run}-b`;
  const secondOrigin = `https://conf-${run}-b.example.com`;
  if (
    (await put(`/handles/${second}`, { connectConfigured: false, allowedOrigins: [secondOrigin] })) &&
    (await put(`/pages/${second}/premium`, {
      title: 'Conformance unconnected page',
      mode: 'PAID',
      price: 900,
      currency: 'USD',
    })) &&
    (await put(`/pages/${second}/free`, { title: 'Conformance second free page', mode: 'FREE_WITH_LOGIN' }))
  ) {
    target.unconnectedPage = { handle: second, slug: 'premium' };
    target.second = { handle: second, origin: secondOrigin, freePage: 'free' };
  }
}
