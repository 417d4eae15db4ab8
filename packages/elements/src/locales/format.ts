// Helpers of the language modules (bundled into each `dist/locales/<tag>.js`, never into the
// English bundles): plurals chosen by `Intl.PluralRules` and durations written by
// `Intl.NumberFormat`, both in the language's own locale (decision 0111).
//
// A plural message is an object that answers what `fill` asks of a string: `fill` calls
// `template.replace(/\{(\w+)\}/g, callback)`, and the callback gives each placeholder's value. The
// message reads the number from it, picks the form, and fills that. So the English bundle carries no
// plural code at all; read as text (`String(message)`), a message is its `other` form.

type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
type Callback = (match: string, name: string) => string;

function message(other: string, replace: (pattern: RegExp, value: Callback) => string): string {
  return { replace, toString: () => other } as unknown as string;
}

/**
 * A string whose words follow a number (`count` unless told): one text per plural category of the
 * language, `{placeholders}` filled as `fill` does, numbers written as the language writes them.
 *
 * @example
 * ```ts
 * fill(plural('fr', { one: '{count} intéressé', other: '{count} intéressés' }), { count: 2 }); // '2 intéressés'
 * ```
 */
export function plural(lang: string, forms: Forms, key = 'count'): string {
  const rules = new Intl.PluralRules(lang);
  const number = new Intl.NumberFormat(lang);
  return message(forms.other, (pattern, value) => {
    const n = Number(value(`{${key}}`, key));
    return (forms[rules.select(n)] ?? forms.other).replace(pattern, (match, name: string) => {
      const text = value(match, name);
      return text !== match && text.trim() !== '' && Number.isFinite(+text) ? number.format(+text) : text;
    });
  });
}

/**
 * A duration of `{n}` seconds or minutes, written by `Intl.NumberFormat` in the language's own
 * words and plural ("5 Minuten", "5 分", "5 دقائق").
 *
 * @example
 * ```ts
 * fill(duration('de', 'minute'), { n: 5 }); // '5 Minuten'
 * ```
 */
export function duration(lang: string, unit: 'second' | 'minute'): string {
  const format = new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' });
  return message(`{n} ${unit}`, (_pattern, value) => format.format(Number(value('{n}', 'n'))));
}
