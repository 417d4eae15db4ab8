// The group-buys area's routes without schemas: method, path, auth and idempotency (`meta`), and what the
// OpenAPI document says of them (`docs`). Plain literals and no zod: `meta` reaches the lite client, and
// `docs` is shaken out of every bundle that does not build the OpenAPI document. The schemas are in ./group-buys.ts.
import type { AreaDocs, RouteMetaEntry } from '../route-area.js';

export const meta = {
  getGroupBuy: {
    id: 'getGroupBuy',
    method: 'GET',
    path: '/v2/public/group-buys/{handle}/{groupBuySlug}',
    auth: 'none',
    idempotent: false,
  },
  expressInterest: {
    id: 'expressInterest',
    method: 'POST',
    path: '/v2/public/group-buys/{handle}/{groupBuySlug}/interest',
    auth: 'visitor',
    idempotent: true,
  },
  myInterest: {
    id: 'myInterest',
    method: 'GET',
    path: '/v2/public/group-buys/{handle}/{groupBuySlug}/my-interest',
    auth: 'visitor',
    idempotent: false,
  },
  withdrawInterest: {
    id: 'withdrawInterest',
    method: 'DELETE',
    path: '/v2/public/group-buys/{handle}/{groupBuySlug}/my-interest',
    auth: 'visitor',
    idempotent: true,
  },
} as const satisfies Record<string, RouteMetaEntry>;

export const docs = {
  getGroupBuy: {
    tag: 'group-buys',
    summary: 'A group buy',
    errors: ['group_buy_not_found'],
  },
  expressInterest: {
    tag: 'group-buys',
    summary: 'Express interest in a group buy',
    description: 'One interest per visitor: repeating it changes nothing. Reaching the target sets `target_reached`.',
    errors: ['group_buy_not_found'],
  },
  myInterest: {
    tag: 'group-buys',
    summary: "The visitor's interest in a group buy",
    errors: ['group_buy_not_found'],
  },
  withdrawInterest: {
    tag: 'group-buys',
    summary: 'Withdraw interest in a group buy',
    errors: ['group_buy_not_found'],
  },
} satisfies AreaDocs<typeof meta>;
