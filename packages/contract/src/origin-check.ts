// `isHttpOrigin` as a zod/mini check, for schemas of origins (the mock's fixture and development API).
// A module of its own, imported by the index only: a check is built by a call at load time, which a
// bundler keeps wherever its module is imported, and no schema of the contract needs it.
import * as z from 'zod/mini';
import { isHttpOrigin } from './values.js';

type Payload = z.core.ParsePayload<unknown>;
/**
 * An http(s) origin and nothing more ({@link isHttpOrigin}): scheme, host and optional port, no path,
 * query, fragment or credentials. For schemas of origins (a creator's allowed origins).
 *
 * @example
 * ```ts
 * import * as z from 'zod/mini';
 * import { originCheck } from '@visitor-access/contract';
 * const Origin = z.string().check(z.maxLength(2048), originCheck);
 * Origin.safeParse('https://shop.example.com/').success; // false: a path
 * ```
 */
export const originCheck = z.check<string>((payload) => {
  const s = payload.value;
  if (!isHttpOrigin(s)) {
    (payload as Payload).issues.push({
      code: 'custom',
      message: 'Expected an origin such as https://shop.example.com (scheme, host and optional port, no path)',
      input: s,
      continue: true,
    } as never);
  }
});
