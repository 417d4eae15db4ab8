/// <reference types="vite/client" />
// Each element resolves its strings over its own English set (decision 0093): the gate-only script
// carries only the shared strings. A string key read by code that the gate (or any element) bundles,
// but missing from that element's set, would render as "undefined" in the gate-only script while
// every source test still passed; this reads the sources to catch it.
import { describe, expect, it } from 'vitest';
import { groupBuyStrings, listStrings, sharedStrings } from './strings.js';
import { defaultStrings } from './strings-all.js';
import { laterStrings, signInStrings } from './strings-later.js';

const sources = import.meta.glob(
  ['../**/*.ts', '!../**/*.test.ts', '!./strings.ts', '!./strings-later.ts', '!./strings-all.ts'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
) as Record<string, string>;

const keys = new Set(Object.keys(defaultStrings));
/** The string keys a source reads as `s.key`, `this.s.key` or `strings.key`. */
function keysRead(source: string): string[] {
  return [...source.matchAll(/\b(?:s|strings)\??\.(\w+)/g)].map((m) => m[1]!).filter((k) => keys.has(k));
}

describe('English strings by element', () => {
  it('every key a module reads is in the English set of the elements that bundle it', () => {
    expect(keysRead(sources['../paywall-gate/first-states.ts'] ?? '')).toContain('purchaseBody');
    const problems: string[] = [];
    for (const [path, source] of Object.entries(sources)) {
      const own = path.includes('/visitor-access-list/')
        ? { ...signInStrings, ...listStrings }
        : path.includes('/group-buy-card/')
          ? { ...signInStrings, ...groupBuyStrings }
          : signInStrings;
      for (const key of keysRead(source)) if (!(key in own)) problems.push(`${path}: ${key}`);
    }
    expect(problems).toEqual([]);
  });

  it('the four blocks make up the defaults, with no key in two of them', () => {
    const all = [
      ...Object.keys(sharedStrings),
      ...Object.keys(laterStrings),
      ...Object.keys(listStrings),
      ...Object.keys(groupBuyStrings),
    ];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(Object.keys(defaultStrings));
  });
});
