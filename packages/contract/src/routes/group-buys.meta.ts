// The group-buys area's routes without schemas: one line per route with method, path and auth (`meta`;
// `defineMeta` adds the id and the idempotency), and what the OpenAPI document says of them (`docs`). No zod:
// `meta` reaches the lite client, and `docs`, plain literals, is shaken out of every bundle that does not build
// the OpenAPI document. The schemas are in ./group-buys.ts.
import { type AreaDocs, defineMeta } from '../route-area.js';

export const meta = defineMeta({
  getGroupBuy: ['GET', '/v2/public/group-buys/{handle}/{groupBuySlug}', 'none'],
  expressInterest: ['POST', '/v2/public/group-buys/{handle}/{groupBuySlug}/interest', 'visitor'],
  myInterest: ['GET', '/v2/public/group-buys/{handle}/{groupBuySlug}/my-interest', 'visitor'],
  withdrawInterest: ['DELETE', '/v2/public/group-buys/{handle}/{groupBuySlug}/my-interest', 'visitor'],
});

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
