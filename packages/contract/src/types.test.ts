import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const src = new URL('./', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, src), 'utf8');

/** The type aliases a file declares (`export type Name = …`), the way the schema files name their types. */
const declared = (file: string) => [...read(file).matchAll(/^export type (\w+)\b/gm)].map((m) => m[1]!);

describe('@visitor-access/contract/types', () => {
  it('lists every type a route file, common.ts or errors.ts declares (the SDK exports exactly this list)', () => {
    const files = [
      'common.ts',
      'errors.ts',
      ...readdirSync(new URL('routes/', src))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.meta.ts') && !f.endsWith('.test.ts'))
        .map((f) => `routes/${f}`),
    ];
    const listed = new Set(
      [...read('types.ts').matchAll(/^export type \{([^}]*)\} from '\.\/[^']+';$/gm)].flatMap((m) =>
        m[1]!.split(',').map((name) => name.trim()),
      ),
    );
    const missing = files.flatMap((file) =>
      declared(file)
        .filter((name) => !listed.has(name))
        .map((n) => `${file}: ${n}`),
    );
    expect(missing, 'add these to src/types.ts').toEqual([]);
    expect(files.length).toBeGreaterThan(8);
    expect(listed).toContain('RouteId');
  });
});
