// The shipped languages stay whole (decision 0110): every key of the English strings in every
// language, the same placeholders, none empty, none extra. Adding an English string fails this until
// every language has it. Plural messages (decision 0111) are filled for counts of every plural
// category a language has.
import { describe, expect, it } from 'vitest';
import { fill } from '../internal/strings.js';
import { defaultStrings } from '../internal/strings-all.js';
import type { StringKey } from '../internal/strings.js';
import { shippedLanguages } from '../internal/locale.js';

const modules = import.meta.glob(['./*.ts', '!./*.test.ts', '!./format.ts'], {
  eager: true,
  import: 'default',
}) as Record<string, Record<string, string>>;
const languages = Object.fromEntries(Object.entries(modules).map(([path, t]) => [path.slice(2, -3), t]));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const english = defaultStrings as Record<StringKey, string>;

describe('shipped languages', () => {
  it('are the twelve of the spec, each with its module', () => {
    expect(shippedLanguages).toEqual(['fr', 'de', 'es', 'it', 'pt-BR', 'nl', 'hi', 'ja', 'ko', 'zh-CN', 'ar', 'he']);
    expect(Object.keys(languages).sort()).toEqual([...shippedLanguages].sort());
  });

  for (const lang of shippedLanguages) {
    it(`${lang}: every English key, the same placeholders, nothing empty, nothing extra`, () => {
      const t = languages[lang]!;
      const problems: string[] = [];
      for (const key of Object.keys(t)) if (!(key in english)) problems.push(`${key}: not an English key`);
      for (const [key, text] of Object.entries(english)) {
        const message = t[key];
        if (message === undefined) {
          problems.push(`${key}: missing`);
        } else if (typeof message === 'string') {
          if (!message.trim()) problems.push(`${key}: empty`);
          if (placeholders(message).join() !== placeholders(text).join())
            problems.push(`${key}: placeholders ${placeholders(message)} ≠ ${placeholders(text)}`);
          if (message === text && !/^(Status|Type)$/.test(text) && lang !== 'en')
            problems.push(`${key}: left in English`);
        } else {
          // A plural string: every count, every category of the language; every placeholder shows its
          // value (the number as the language writes it) at least in the "other" form.
          const names = placeholders(text);
          if (!names.length) problems.push(`${key}: a function for a string without placeholders`);
          const categories = new Set<string>();
          for (const n of [0, 1, 2, 3, 5, 11, 21, 100, 101, 1.5]) {
            categories.add(new Intl.PluralRules(lang).select(n));
            const values = Object.fromEntries(
              names.map((name, i) => [name, name === 'count' || name === 'n' ? n : 7000 + i]),
            );
            const out = fill(message, values);
            if (!out.trim() || /[{}]|undefined|NaN/.test(out)) problems.push(`${key}(${n}): "${out}"`);
            for (const [name, value] of Object.entries(values)) {
              const written = [
                String(value),
                new Intl.NumberFormat(lang).format(value),
                new Intl.NumberFormat(lang, { useGrouping: false }).format(value),
              ];
              const other = new Intl.PluralRules(lang).select(n) === 'other';
              if ((!(name === 'count' || name === 'n') || other) && !written.some((w) => out.includes(w)))
                problems.push(`${key}(${n}): ${name} (${value}) not shown in "${out}"`);
            }
          }
          expect(categories.size).toBeGreaterThan(0);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('an English string added without its translations fails the check', () => {
    const t = { ...languages.fr! };
    const withNew = { ...english, newString: 'New {thing}' } as Record<string, string>;
    const missing = Object.keys(withNew).filter((key) => !(key in t));
    expect(missing).toEqual(['newString']);
  });
});
