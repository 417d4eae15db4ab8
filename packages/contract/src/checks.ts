import * as z from 'zod/mini';

// Internal building blocks of the shared schemas. They accept and reject exactly what the richer
// zod helpers they replace did (`z.iso.datetime`, `z.email` behind a trim/lower-case pipe, `z.int`,
// `z.refine`), but they only use the base check and the regex/overwrite checks every schema already
// needs, so the browser bundle no longer carries zod's ISO, e-mail, pipe, transform, custom and
// number-format classes. `openapi.ts` restores the JSON Schema facts (format, integer) those helpers
// used to emit, so `docs/openapi.json` does not change. Not exported from the package index.

/** The pattern `z.iso.datetime({ offset: true })` compiles to (zod 4.6): RFC 3339 with `Z` or `±hh:mm`. */
export const ISO_DATETIME =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;

/** zod's default e-mail pattern (`z.email()`, zod 4.6). */
export const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

type Payload = z.core.ParsePayload<unknown>;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * A safe integer at or above a bound: what `z.int()` followed by `z.nonnegative()` (`min` 0) or
 * `z.positive()` (`min` 1) checks, with the same issues in the same order (`invalid_type` expected
 * `int` that stops further checks; `too_big`/`too_small` outside the safe range; then `too_small`
 * below the bound), as one check: the browser bundle then carries no number-bound check class.
 */
function intAtLeast(min: 0 | 1) {
  return z.check<number>((payload) => {
    const input = payload.value;
    const issues = (payload as Payload).issues as unknown[];
    if (!Number.isInteger(input)) {
      issues.push({ code: 'invalid_type', expected: 'int', format: 'safeint', input, continue: false });
      return;
    }
    if (!Number.isSafeInteger(input)) {
      const big = input > 0;
      issues.push({
        code: big ? 'too_big' : 'too_small',
        [big ? 'maximum' : 'minimum']: big ? MAX_SAFE : -MAX_SAFE,
        note: 'Integers must be within the safe integer range.',
        origin: 'int',
        inclusive: true,
        input,
        continue: true,
      });
    }
    if (input < min)
      issues.push({ origin: 'number', code: 'too_small', minimum: 0, inclusive: !min, input, continue: true });
  });
}

/** A safe integer ≥ 0 (`z.int()` + `z.nonnegative()`): prices, counts. */
export const nonNegativeInt = intAtLeast(0);
/** A safe integer > 0 (`z.int()` + `z.positive()`): targets. */
export const positiveInt = intAtLeast(1);

/** An absolute http(s) URL that `URL` can parse: the issue `z.refine` gave, for less code. */
export const httpUrlCheck = z.check<string>((payload) => {
  const s = payload.value;
  if (!(/^https?:\/\//i.test(s) && URL.canParse(s))) {
    (payload as Payload).issues.push({
      code: 'custom',
      message: 'Expected an absolute http(s) URL',
      input: s,
      continue: true,
    } as never);
  }
});

/**
 * A redirect target: an absolute http(s) URL of at most 2048 characters without credentials. Every
 * refusal carries `params.code = 'invalid_redirect_url'`, so a bad `returnTo`, `successUrl` or
 * `cancelUrl` of any scheme or shape answers that code rather than `invalid_request`.
 */
export const redirectUrlCheck = z.check<string>((payload) => {
  const s = payload.value;
  const ok =
    s.length <= 2048 &&
    /^https?:\/\//i.test(s) &&
    URL.canParse(s) &&
    ((u) => u.username === '' && u.password === '')(new URL(s));
  if (!ok) {
    (payload as Payload).issues.push({
      code: 'custom',
      message:
        s.length > 2048 ? 'Too long (at most 2048 characters)' : 'Expected an absolute http(s) URL without credentials',
      input: s,
      params: { code: 'invalid_redirect_url' },
      continue: true,
    } as never);
  }
});
