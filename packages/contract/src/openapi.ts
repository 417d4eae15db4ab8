import * as z from 'zod/mini';
import { ERROR_STATUS, ErrorBody, type ErrorCode } from './errors.js';
import { pathParamNames, type ResponseSchema, type RouteDef } from './route.js';
import { routeDocs, routeErrors, routeTags } from './route-docs.js';
import { routeList } from './route-table.js';
import { SESSION_COOKIE } from './constants.js';
import { nonNegativeInt, positiveInt } from './checks.js';
import { Email, IsoDateTime, RedirectUrl } from './common.js';

type Json = Record<string, unknown>;

/** Replaces the keys of `target` with `keys`, in that order (JSON key order is what the file diffs on). */
function reset(target: Json, keys: Json): void {
  for (const k of Object.keys(target)) delete target[k];
  Object.assign(target, keys);
}

/**
 * The browser-facing schemas spell some formats as plain checks to stay small (see `checks.ts`);
 * put back what the richer zod helpers documented.
 */
function override({ zodSchema, jsonSchema }: { zodSchema: unknown; jsonSchema: Json }): void {
  // zod names its startsWith check as a format; JSON Schema has no such format (validators warn), and
  // the pattern says it all.
  if (jsonSchema.format === 'starts_with') delete jsonSchema.format;
  if (zodSchema === IsoDateTime) {
    reset(jsonSchema, { type: 'string', format: 'date-time', pattern: jsonSchema.pattern });
  } else if (zodSchema === RedirectUrl) {
    reset(jsonSchema, { type: 'string', maxLength: 2048 });
  } else if (zodSchema === Email) {
    // Trimmed and lower-cased before the pattern applies, so only the raw length bounds the input.
    reset(jsonSchema, { type: 'string', maxLength: 320 });
  } else {
    const checks: unknown[] = (zodSchema as z.ZodMiniType)._zod?.def.checks ?? [];
    const lower = checks.includes(nonNegativeInt)
      ? { minimum: 0 }
      : checks.includes(positiveInt)
        ? { exclusiveMinimum: 0 }
        : undefined;
    if (!lower) return;
    reset(jsonSchema, { type: 'integer', ...lower, maximum: Number.MAX_SAFE_INTEGER });
  }
}

function schema(s: z.ZodMiniType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(s, { io, unrepresentable: 'any', override: override as never }) as Json;
  delete out.$schema;
  return out;
}

function responseFor(s: ResponseSchema, description: string): Json {
  if (s === null) return { description };
  if (s === 'html') return { description, content: { 'text/html': { schema: { type: 'string' } } } };
  return { description, content: { 'application/json': { schema: schema(s, 'output') } } };
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  415: 'Unsupported media type',
  422: 'Unprocessable',
  429: 'Too many requests',
  503: 'Service unavailable',
};

function operation(route: RouteDef): Json {
  const doc = routeDocs[route.id as keyof typeof routeDocs];
  const parameters: Json[] = [];
  const paramShape = route.params ? (schema(route.params, 'input').properties as Json) : {};
  for (const name of pathParamNames(route.path)) {
    parameters.push({ name, in: 'path', required: true, schema: paramShape[name] ?? { type: 'string' } });
  }
  if (route.query) {
    const q = schema(route.query, 'input');
    const required = new Set((q.required as string[] | undefined) ?? []);
    for (const [name, s] of Object.entries((q.properties as Json) ?? {})) {
      parameters.push({ name, in: 'query', required: required.has(name), schema: s });
    }
  }
  if (route.idempotent) {
    parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  }

  const responses: Json = {};
  for (const [status, s] of Object.entries(route.responses)) {
    const r = responseFor(s, STATUS_TEXT[Number(status)] ?? 'Response');
    r.headers = { 'x-request-id': { $ref: '#/components/headers/RequestId' } };
    if (route.id === 'verify' && status === '200') {
      (r.headers as Json)['Set-Cookie'] = {
        description: `\`${SESSION_COOKIE}\` session cookie: HttpOnly; Path=/; Max-Age=2592000; SameSite=Lax (Secure over https).`,
        schema: { type: 'string' },
      };
    }
    responses[status] = r;
  }
  const codes = routeErrors(route);
  const html = Object.values(route.responses).includes('html');
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, list] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    responses[String(status)] = {
      description: `${STATUS_TEXT[status] ?? 'Error'}: ${list.map((c) => `\`${c}\``).join(', ')}`,
      headers: {
        'x-request-id': { $ref: '#/components/headers/RequestId' },
        ...(status === 429 ? { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } : {}),
      },
      // The codes as an enum, so a validator (Prism, ajv) catches an undocumented code too.
      content: {
        'application/json': {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/Error' },
              { type: 'object', properties: { error: { type: 'string', enum: list } } },
            ],
          },
        },
        // A page route (the magic-link landing) answers a person's browser (`Accept: text/html`) with a
        // page when it is unavailable; other clients get the envelope.
        ...(html && status === 503 ? { 'text/html': { schema: { type: 'string' } } } : {}),
      },
    };
  }

  const security =
    route.auth === 'visitor'
      ? [{ visitorCookie: [] }]
      : route.auth === 'creator'
        ? [{ creatorJwt: [] }]
        : route.auth === 'visitor-optional'
          ? [{}, { visitorCookie: [] }]
          : [];

  const op: Json = {
    operationId: route.id,
    summary: doc.summary,
    tags: [doc.tag],
    security,
    parameters,
    responses,
  };
  if (doc.description) op.description = doc.description;
  if (route.body) {
    op.requestBody = {
      required: !route.bodyOptional,
      content: { 'application/json': { schema: schema(route.body, 'input') } },
    };
  }
  return op;
}

export { routeDocs, routeErrors, routeTags, type RouteDoc, type RouteTag } from './route-docs.js';

/**
 * Builds the OpenAPI 3.1 document for every route in the table.
 *
 * @example
 * ```ts
 * import { buildOpenApi } from '@visitor-access/contract/openapi';
 * const doc = buildOpenApi();
 * doc.openapi; // '3.1.0'
 * ```
 */
export function buildOpenApi(): Json {
  const paths: Record<string, Json> = {};
  for (const route of routeList) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route as RouteDef);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Visitor Access API',
      version: '2.0.0',
      description:
        'Passwordless visitor sign-in, page access checks, Stripe checkout, refunds and group buys. Every response carries `x-request-id`; errors share one envelope.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://localhost:4010', description: 'The reference mock (`npm start`)' }],
    tags: routeTags.map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        visitorCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'Set by verify; valid 30 days; revoked by logout.',
        },
        creatorJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A creator JWT for the handle in the path.',
        },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'The same key with the same body within 24 h returns the first response again with `Idempotent-Replayed: true`; with another body, 422 `idempotency_key_reused`.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
      headers: {
        RequestId: { description: 'The request ID (`req_…`): quote it to support.', schema: { type: 'string' } },
        RetryAfter: { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
      },
      schemas: {
        Error: {
          ...schema(ErrorBody, 'output'),
          description: `The error envelope. Known codes: ${Object.keys(ERROR_STATUS).join(', ')}.`,
        },
      },
    },
  };
}
