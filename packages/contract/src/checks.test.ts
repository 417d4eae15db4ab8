import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { nonNegativeInt, positiveInt } from './checks.js';
import { formatIssues } from './issues.js';

// The one-check integers must refuse exactly what zod's `z.int()` plus a bound refused, with the same
// issues (the mock's 400s and the SDK's errors are built from them), so swapping them changes nothing
// a caller sees.
const inputs = [
  0,
  1,
  2,
  -1,
  0.5,
  -0.5,
  2 ** 60,
  -(2 ** 60),
  Number.MAX_SAFE_INTEGER,
  NaN,
  Infinity,
  -Infinity,
  '1',
  null,
];

const issuesOf = (schema: z.ZodMiniType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) return { ok: result.data };
  const issues = result.error.issues.map((issue) => {
    const {
      code,
      message,
      path,
      minimum,
      maximum,
      inclusive,
      origin,
      expected,
      format,
      continue: go,
    } = issue as unknown as Record<string, unknown>;
    return { code, message, path, minimum, maximum, inclusive, origin, expected, format, go };
  });
  return { issues, details: formatIssues(result.error.issues) };
};

describe('integer checks', () => {
  it.each([
    ['nonNegativeInt', nonNegativeInt, z.int().check(z.nonnegative())],
    ['positiveInt', positiveInt, z.int().check(z.positive())],
  ] as const)('%s answers every input as z.int() with its bound did', (_name, check, reference) => {
    const ours = z.number().check(check);
    for (const input of inputs) {
      expect(issuesOf(ours, input), String(input)).toEqual(issuesOf(reference, input));
    }
  });
});
