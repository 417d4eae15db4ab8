// Assertions that fail a check with one readable sentence naming the answer (method, path, status, code,
// request ID) rather than a stack trace: the reader is whoever runs the kit against their deployment.
import { ErrorBody, routes, type RouteId } from '@visitor-access/contract';
import { describe, type Answer } from './http.js';

/**
 * A check found the server behaving other than documented; its message becomes the result's.
 *
 * @example
 * ```ts
 * if (answer.status !== 401) throw new CheckFailed(`expected 401, got ${answer.status}`);
 * ```
 */
export class CheckFailed extends Error {
  override name = 'CheckFailed';
}

/**
 * A check cannot run against this server (no clock, no creator token…); the message says why.
 *
 * @example
 * ```ts
 * if (!ctx.capabilities.clock) throw new CheckSkipped('the server offers no clock');
 * ```
 */
export class CheckSkipped extends Error {
  override name = 'CheckSkipped';
}

/** Fails the current check. */
export function fail(message: string): never {
  throw new CheckFailed(message);
}

/** Skips the current check with a reason. */
export function skip(reason: string): never {
  throw new CheckSkipped(reason);
}

/** Fails with `message` unless `condition` holds. */
export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

/** A body shortened for a failure message. */
export function preview(answer: Answer, max = 160): string {
  const text = answer.text.replace(/\s+/g, ' ').trim();
  if (text === '') return 'an empty body';
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The answer has this status. */
export function expectStatus(answer: Answer, status: number | readonly number[], what = ''): void {
  const allowed = typeof status === 'number' ? [status] : status;
  if (allowed.includes(answer.status)) return;
  fail(`${what ? `${what}: ` : ''}expected ${allowed.join(' or ')}, got ${describe(answer)}: ${preview(answer)}`);
}

/**
 * The answer is the documented error: this status and this `error` code in the envelope. (The envelope's
 * other fields are the business of the `wire.error-envelope` check, so that one broken field fails one check.)
 */
export function expectError(answer: Answer, status: number, code: string, what = ''): void {
  const got = answer.body && typeof answer.body === 'object' ? answer.body.error : undefined;
  if (answer.status === status && got === code) return;
  fail(`${what ? `${what}: ` : ''}expected ${status} ${code}, got ${describe(answer)}: ${preview(answer)}`);
}

/** The answer is a documented success of `route`: its status, and a body of the contract's schema. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- validated against the contract's schema just above the return
export function expectSuccess(answer: Answer, route: RouteId, what = ''): any {
  const responses = routes[route].responses as Record<number, unknown>;
  const documented = Object.keys(responses).map(Number);
  expectStatus(answer, documented, what || `${routes[route].method} ${routes[route].path}`);
  const schema = responses[answer.status];
  if (schema === null) return undefined;
  if (schema === 'html') {
    expectHtml(answer, what);
    return answer.text;
  }
  const parsed = (schema as { safeParse(v: unknown): { success: boolean; error?: { issues: Issue[] } } }).safeParse(
    answer.body,
  );
  if (!parsed.success) {
    const issues = (parsed.error?.issues ?? [])
      .slice(0, 3)
      .map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`)
      .join('; ');
    fail(
      `${what ? `${what}: ` : ''}${describe(answer)} does not match the documented shape (${issues}): ${preview(answer)}`,
    );
  }
  return answer.body;
}

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** The answer is an HTML page. */
export function expectHtml(answer: Answer, what = ''): void {
  const type = answer.headers.get('content-type') ?? '';
  if (/text\/html/i.test(type)) return;
  fail(
    `${what ? `${what}: ` : ''}expected an HTML page, got ${describe(answer)} with content-type "${type || 'none'}"`,
  );
}

/** Whether a body is the documented error envelope; answers what is wrong with it, or undefined. */
export function envelopeProblem(answer: Answer): string | undefined {
  if (!/json/i.test(answer.headers.get('content-type') ?? '')) {
    return `content-type is "${answer.headers.get('content-type') ?? 'none'}", not JSON`;
  }
  if (!answer.body || typeof answer.body !== 'object') return 'the body is not a JSON object';
  const parsed = ErrorBody.safeParse(answer.body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.map(String).join('.') || 'body').join(', ');
    return `the envelope is missing or mistypes ${fields}`;
  }
  if (answer.body.error === '') return 'the "error" code is empty';
  if (answer.body.message.trim() === '') return 'the "message" is empty';
  if (answer.body.requestId !== answer.requestId) {
    return `"requestId" (${answer.body.requestId}) differs from the x-request-id header (${answer.requestId ?? 'missing'})`;
  }
  return undefined;
}

/** Deep equality of JSON values, for replay comparisons. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
