// The pages' scripts as served: the committed text is what src/pages/client/*.ts builds to, and each one
// (with its strings) is a classic script that parses and imports nothing.
import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { english } from '../locales/index.js';
// @ts-expect-error -- plain ESM build script
import { generate, generatedPath } from '../../scripts/client-scripts.mjs';
import { CLIENT_CODE, type ClientName } from './scripts.generated.js';
import { pageScript } from './scripts.js';

describe('the pages’ scripts', () => {
  it('scripts.generated.ts is what src/pages/client/*.ts builds to (run npm run build -w @visitor-access/mock)', () => {
    expect(readFileSync(generatedPath as string, 'utf8')).toBe(generate() as string);
  });

  it.each(Object.keys(CLIENT_CODE) as ClientName[])('%s is a plain script with its strings', (name) => {
    const text = pageScript(english.t, name);
    expect(() => new Script(text)).not.toThrow();
    expect(text).not.toMatch(/^\s*(import|export)\b/m);
    // Every T.x the script reads is among the strings the page gives it.
    const given = Object.keys(JSON.parse(/const T = (\{.*\});/.exec(text)![1]!) as object);
    const read = [...CLIENT_CODE[name].matchAll(/\bT\.(\w+)/g)].map((m) => m[1]);
    expect(read.length).toBeGreaterThan(0);
    for (const key of read) expect(given).toContain(key);
  });
});
