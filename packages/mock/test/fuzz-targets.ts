// What the fuzz test (src/fuzz.test.ts) sends malformed input to: every route of the contract, derived
// from the route table, and the mock's own development routes (`/_mock`), written here by hand.
import { routeList, type RouteDef, type RouteId } from '@visitor-access/contract';

export type BodyKind = 'object' | 'optional' | 'none';

export interface Target {
  /** The contract route, or undefined for a development route of the mock. */
  id?: RouteId;
  method: string;
  /** Builds the path; `odd` replaces the first path parameter when given. */
  path: (odd?: string) => string;
  body: BodyKind;
  /** Fields whose values must be typed strings (email, URL, handle…): unicode junk is invalid there. */
  fields: string[];
  /** 'json': a 4xx answers the error envelope; 'html': a 4xx answers a page. */
  answer: 'json' | 'html';
  /**
   * Whether even a request without a body and with a bad session cookie gets a 4xx: the route needs a
   * session, or its path names nothing that exists. Elsewhere a bad cookie is simply "signed out".
   */
  refusesEmpty: boolean;
}

/** Valid values of the path parameters, so only the parameter a mutation replaces is odd. */
const VALID: Record<string, string> = {
  handle: 'gharart',
  pageSlug: 'masterclass',
  groupBuySlug: 'spring-bundle',
  slug: 'masterclass',
  sessionId: 'cs_test_nothing',
  token: 'x',
};

const p = (template: string) => (odd?: string) =>
  template.replace(/\{[^}]+\}/, odd ?? '$&').replace(/\{(\w+)\}/g, (_, n: string) => VALID[n] ?? 'x');

/** Unicode junk of the kind the fuzz sends: a field whose schema refuses it is a typed field. */
const JUNK = '😀 junk \u0000';

interface SchemaLike {
  def: { type: string; shape?: Record<string, SchemaLike>; options?: SchemaLike[]; innerType?: SchemaLike };
  safeParse(value: unknown): { success: boolean };
}

/** The object shapes a body schema accepts: one, or one per variant of a union, through `optional`. */
function shapes(schema: SchemaLike | undefined): Record<string, SchemaLike>[] {
  if (!schema) return [];
  const { type, shape, options, innerType } = schema.def;
  if (type === 'object' && shape) return [shape];
  if (type === 'union' && options) return options.flatMap(shapes);
  if (innerType) return shapes(innerType);
  return [];
}

/** The body fields whose schema refuses unicode junk, across every variant of the body. */
function typedFields(route: RouteDef): string[] {
  const names = new Set<string>();
  for (const shape of shapes(route.body as SchemaLike | undefined)) {
    for (const [name, schema] of Object.entries(shape)) if (!schema.safeParse(JUNK).success) names.add(name);
  }
  return [...names];
}

/** One target per route of the contract, read from the route table. */
export const contractTargets: Target[] = routeList.map((route: RouteDef) => ({
  id: route.id as RouteId,
  method: route.method,
  path: p(route.path),
  body: route.body === undefined ? 'none' : route.bodyOptional ? 'optional' : 'object',
  fields: typedFields(route),
  answer: Object.values(route.responses).includes('html') ? 'html' : 'json',
  refusesEmpty: route.auth === 'visitor',
}));

/** The development API and the mock's checkout page: not in the contract, so listed by hand. */
export const mockTargets: Target[] = [
  { method: 'POST', path: p('/_mock/api/clock'), body: 'object', fields: ['set'], answer: 'json', refusesEmpty: false },
  {
    method: 'POST',
    path: p('/_mock/api/creator-token'),
    body: 'object',
    fields: ['handle'],
    answer: 'json',
    refusesEmpty: false,
  },
  {
    method: 'POST',
    path: p('/_mock/api/checkout/{sessionId}/complete'),
    body: 'object',
    fields: ['outcome'],
    answer: 'json',
    refusesEmpty: true,
  },
  {
    method: 'POST',
    path: p('/_mock/api/stripe-refund'),
    body: 'object',
    fields: ['handle', 'pageSlug', 'visitorId'],
    answer: 'json',
    refusesEmpty: false,
  },
  {
    method: 'POST',
    path: p('/_mock/api/group-buys/{handle}/{slug}/activate'),
    body: 'none',
    fields: [],
    answer: 'json',
    refusesEmpty: false,
  },
  // An unknown checkout session: the page answers 404 whatever the cookie.
  {
    method: 'GET',
    path: p('/_mock/checkout/{sessionId}'),
    body: 'none',
    fields: [],
    answer: 'html',
    refusesEmpty: true,
  },
  {
    method: 'PUT',
    path: p('/_mock/api/handles/{handle}'),
    body: 'optional',
    fields: [],
    answer: 'json',
    refusesEmpty: false,
  },
  {
    method: 'PUT',
    path: p('/_mock/api/pages/{handle}/{slug}'),
    body: 'optional',
    fields: [],
    answer: 'json',
    refusesEmpty: false,
  },
];

export const targets: Target[] = [...contractTargets, ...mockTargets];
