// The one formatter of validation errors. The SDK (refusing to send a bad request) and the mock
// (answering 400) both turn zod issues into `{ code, message, details }` here, so the same mistake
// reads the same on both sides. It imports no zod: the lite SDK and the script-tag bundle use it too.
import type { ErrorDetail } from './errors.js';

/**
 * A zod issue as far as the formatter needs it (zod and zod/mini issues both fit).
 *
 * @example
 * ```ts
 * const issue: IssueLike = { path: ['email'], message: 'Enter a valid email address' };
 * ```
 */
export interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly errors?: readonly (readonly IssueLike[])[];
  readonly expected?: string;
  readonly origin?: string;
  readonly format?: string;
  readonly keys?: readonly string[];
  readonly params?: { readonly code?: unknown } | undefined;
}

/** Most details one answer lists; the rest of a very wrong body adds nothing a person reads. */
const MAX_DETAILS = 20;

/** zod/mini ships no locale ("Invalid input" everywhere): say something a person can act on. */
function messageOf({ message, code, expected, origin, format, keys = [] }: IssueLike): string {
  if (message && message !== 'Invalid input') return message;
  const size = origin === 'string' ? ['short', 'long'] : ['small', 'big'];
  switch (code) {
    case 'invalid_type':
      return expected ? `Expected ${expected}` : 'Invalid type';
    case 'too_small':
      return `Too ${size[0]}`;
    case 'too_big':
      return `Too ${size[1]}`;
    case 'unrecognized_keys':
      return `Unknown field${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}`;
    case 'invalid_format':
      return `Invalid ${format ?? 'format'}`;
    case 'invalid_value':
      return 'Invalid value';
    default:
      return message || 'Invalid input';
  }
}

/**
 * Flattens zod issues into `{ path, message }` details, at most 20. For a union (verify's
 * `{ token } | { email, code }`) the branch closest to passing explains the failure best.
 *
 * @example
 * ```ts
 * const result = MagicLinkRequest.safeParse({ email: 'nope' });
 * if (!result.success) formatIssues(result.error.issues); // [{ path: 'email', message: 'Enter a valid email address' }]
 * ```
 */
export function formatIssues(issues: readonly IssueLike[], prefix: readonly PropertyKey[] = []): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
      const best = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
      out.push(...formatIssues(best, path));
    } else {
      out.push({ path: path.map(String).join('.'), message: messageOf(issue) });
    }
  }
  return out.slice(0, MAX_DETAILS);
}

/** Whether any issue (or the best branch of a union) is a refused redirect URL. */
function redirectOnly(issues: readonly IssueLike[]): boolean {
  return (
    issues.length > 0 &&
    issues.every((issue) =>
      issue.code === 'invalid_union' && issue.errors?.length
        ? redirectOnly(issue.errors.reduce((a, b) => (b.length < a.length ? b : a)))
        : issue.params?.code === 'invalid_redirect_url',
    )
  );
}

/**
 * What a request that fails its schema answers: 400 `invalid_redirect_url` when the only problem is a
 * refused redirect URL (any scheme or shape: `javascript:`, `data:`, `//host`, relative…), else 400
 * `invalid_request`; one message and the failing fields.
 *
 * @example
 * ```ts
 * const result = CheckoutRequest.safeParse({ successUrl: 'javascript:alert(1)', cancelUrl: 'https://a.example/' });
 * if (!result.success) validationFailure(result.error.issues);
 * // { code: 'invalid_redirect_url', message: 'Invalid request: successUrl: Expected an absolute http(s) URL', details: [...] }
 * ```
 */
export function validationFailure(issues: readonly IssueLike[]): {
  code: 'invalid_request' | 'invalid_redirect_url';
  message: string;
  details: ErrorDetail[];
} {
  const details = formatIssues(issues);
  const parts = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message));
  return {
    code: redirectOnly(issues) ? 'invalid_redirect_url' : 'invalid_request',
    message: parts.length ? `Invalid request: ${parts.join('; ')}` : 'Invalid request',
    details,
  };
}
