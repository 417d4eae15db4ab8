// Checks an answer of the mock against what is documented: docs/openapi.json (with ajv, the way Prism's
// validating proxy reads it) and the contract's own schemas. Every status the mock gives must be listed
// for its route, every body must match the schema listed for that status, and an error's code must be
// one the route documents for that status.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ERROR_STATUS, ErrorBody, routes, type RouteId } from '@visitor-access/contract';
import { routeErrors } from '@visitor-access/contract/openapi';

const doc = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema(doc, 'openapi.json');

const pointer = (...parts: string[]) =>
  parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

/** The operation of a route in docs/openapi.json. */
export function operation(id: RouteId): any {
  const r = routes[id];
  return doc.paths[r.path]?.[r.method.toLowerCase()];
}

/** The statuses docs/openapi.json lists for a route. */
export function documentedStatuses(id: RouteId): number[] {
  return Object.keys(operation(id).responses).map(Number);
}

/** What is wrong with an answer, as a list of sentences (empty: it is documented). */
export function problems(id: RouteId, status: number, contentType: string | null, text: string): string[] {
  const r = routes[id];
  const op = operation(id);
  if (!op) return [`${id}: no operation in docs/openapi.json`];
  const out: string[] = [];
  const response = op.responses[String(status)];
  if (!response)
    return [
      `${id}: status ${status} is not documented (documented: ${Object.keys(op.responses).join(', ')}) — ${text.slice(0, 200)}`,
    ];
  const content = response.content as Record<string, unknown> | undefined;
  if (!content) {
    if (text !== '') out.push(`${id} ${status}: documented without a body, got "${text.slice(0, 80)}"`);
    return out;
  }
  const media = (contentType ?? '').split(';')[0]!.trim();
  if (!(media in content)) return [`${id} ${status}: content type ${media} is not documented`];
  if (media !== 'application/json') return out;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [`${id} ${status}: not JSON`];
  }
  const ref = `openapi.json#/${pointer('paths', r.path, r.method.toLowerCase(), 'responses', String(status), 'content', media, 'schema')}`;
  const validate = ajv.getSchema(ref);
  if (!validate) return [`${id} ${status}: cannot resolve ${ref}`];
  if (!validate(body))
    out.push(
      `${id} ${status}: does not match docs/openapi.json: ${ajv.errorsText(validate.errors)} — ${text.slice(0, 200)}`,
    );
  if (status >= 400) {
    if (!ErrorBody.safeParse(body).success) out.push(`${id} ${status}: not the error envelope`);
    const code = (body as { error?: string }).error!;
    if (!routeErrors(r).includes(code as never) || (ERROR_STATUS as Record<string, number>)[code] !== status) {
      out.push(`${id} ${status}: code ${code} is not documented for this route and status`);
    }
  } else {
    const schema = (r.responses as Record<number, unknown>)[status];
    if (
      schema &&
      typeof schema === 'object' &&
      !(schema as { safeParse: (v: unknown) => { success: boolean } }).safeParse(body).success
    ) {
      out.push(`${id} ${status}: does not match the contract's response schema`);
    }
  }
  return out;
}

/** The contract route a method and path belong to, if any. */
export function routeOf(method: string, pathname: string): RouteId | undefined {
  for (const [id, r] of Object.entries(routes)) {
    if (r.method !== method) continue;
    const re = new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}/?$`);
    if (re.test(pathname)) return id as RouteId;
  }
  return undefined;
}
