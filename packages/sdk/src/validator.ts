import type { ResponseSchema, RouteId, routes } from '@visitor-access/contract';
import { formatIssues, validationFailure, type IssueLike } from '@visitor-access/contract/issues';
import type { CallSpec, Validator } from './core.js';
import { errorClassFor, type ApiError } from './errors.js';

interface SafeParsable {
  safeParse(data: unknown): { success: true; data: unknown } | { success: false; error: { issues: IssueLike[] } };
}

/** The error for a request the contract says the server would refuse; nothing was sent. */
function invalidRequest(issues: IssueLike[]): ApiError {
  // The mock's 400 for the same mistake carries the same code, message and details.
  const { code, message, details } = validationFailure(issues);
  return new (errorClassFor(code))({ status: 400, code, message, details });
}

function parse(schema: SafeParsable, value: unknown): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidRequest(result.error.issues);
}

/**
 * Checks requests and answers with the contract's route table (decision 0013). Only
 * `@visitor-access/sdk`'s `createClient` imports this module, so the lite entry carries neither zod
 * nor the formatter.
 */
export function contractValidator(table: typeof routes): Validator {
  return {
    request(id: RouteId, spec: CallSpec): unknown {
      const route = table[id];
      if (route.params) parse(route.params as unknown as SafeParsable, spec.params ?? {});
      if (!route.body || (spec.body === undefined && 'bodyOptional' in route && route.bodyOptional)) return undefined;
      return parse(route.body as unknown as SafeParsable, spec.body);
    },
    urlParts(id, parts): void {
      const route = table[id];
      const issues: IssueLike[] = [];
      for (const key of ['params', 'query'] as const) {
        const result = (route[key] as unknown as SafeParsable | undefined)?.safeParse(parts[key] ?? {});
        if (result && !result.success) issues.push(...result.error.issues);
      }
      if (issues.length > 0) throw invalidRequest(issues);
    },
    responses: (id) => table[id].responses as Record<number, ResponseSchema>,
    check(schema, json) {
      const result = (schema as unknown as SafeParsable).safeParse(json);
      return result.success ? undefined : formatIssues(result.error.issues);
    },
  };
}
