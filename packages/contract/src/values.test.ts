import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { Email, RETURN_PARAMS, isHttpOrigin, normaliseEmail, originCheck } from './index.js';
import * as lite from './lite.js';

describe('isHttpOrigin', () => {
  it('takes an http(s) origin as URL writes it', () => {
    for (const ok of [
      'https://shop.example.com',
      'http://localhost:5173',
      'http://127.0.0.1:8080',
      'https://[::1]:4010',
    ]) {
      expect(isHttpOrigin(ok), ok).toBe(true);
    }
  });

  it('refuses anything more or other than an origin', () => {
    for (const bad of [
      'https://shop.example.com/',
      'https://shop.example.com/path',
      'https://shop.example.com?x=1',
      'https://shop.example.com#top',
      'https://user:pw@shop.example.com',
      'HTTPS://shop.example.com',
      'https://Shop.example.com',
      'http://localhost:80',
      'ftp://shop.example.com',
      'javascript:alert(1)',
      'shop.example.com',
      '',
    ]) {
      expect(isHttpOrigin(bad), bad).toBe(false);
    }
  });

  it('is the rule of originCheck, which says what an origin is', () => {
    const Origin = z.string().check(originCheck);
    expect(Origin.safeParse('https://shop.example.com').success).toBe(true);
    const refused = Origin.safeParse('https://shop.example.com/lesson');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/^Expected an origin such as https:\/\/shop\.example\.com/);
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases, as the Email schema does before it checks', () => {
    expect(normaliseEmail('  Buyer@Example.COM \n')).toBe('buyer@example.com');
    expect(Email.parse('  Buyer@Example.COM \n')).toBe(normaliseEmail('  Buyer@Example.COM \n'));
  });
});

describe('RETURN_PARAMS', () => {
  it('names six distinct markers', () => {
    const names = Object.values(RETURN_PARAMS);
    expect(names).toHaveLength(6);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the lite entry', () => {
  it('exports the same values as the index, without zod', async () => {
    const index = await import('./index.js');
    for (const [name, value] of Object.entries(lite)) expect(index[name as keyof typeof index], name).toBe(value);
    expect(Object.keys(lite).sort()).toEqual(
      [
        'IDEMPOTENCY_TTL_MS',
        'MAGIC_LINK_TTL_MS',
        'MAX_CODE_ATTEMPTS',
        'RETURN_PARAMS',
        'SESSION_COOKIE',
        'SESSION_TTL_SECONDS',
        'isHttpOrigin',
        'normaliseEmail',
        'sleep',
      ].sort(),
    );
  });

  it('imports nothing but its own zod-free modules', () => {
    const imports = (file: string) =>
      [
        ...readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(/^(?:import|export)[^;]*? from '([^']+)'/gm),
      ].map((m) => m[1]);
    expect(imports('./lite.ts')).toEqual(['./constants.js', './values.js', './sleep.js']);
    expect(imports('./sleep.ts')).toEqual([]);
    expect(imports('./constants.ts')).toEqual([]);
    expect(imports('./values.ts')).toEqual([]);
  });
});
