// The mock's page languages stay whole (decision 0112): every English key in every language, the
// same placeholders, none empty; and the language a visitor gets from Accept-Language, on the landing,
// the mailbox and the checkout, with `lang` and `dir` set.
import { describe, expect, it } from 'vitest';
import { checkoutPage } from '../pages/checkout.js';
import { landingProblemPage, landingValidPage } from '../pages/landing.js';
import { mailboxPage } from '../pages/mailbox.js';
import { getResponse } from 'msw';
import { createHandlers } from '../handlers/index.js';
import { nodeCrypto } from '../node-crypto.js';
import { MockStore } from '../store/index.js';
import { en } from './en.js';
import { pageLanguages, pickLocale } from './index.js';
import { checkoutSession } from '../../test/helpers.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('mock page languages', () => {
  it('are English and the twelve languages the elements ship', () => {
    expect(Object.keys(pageLanguages)).toEqual([
      'en',
      'fr',
      'de',
      'es',
      'it',
      'pt-BR',
      'nl',
      'hi',
      'ja',
      'ko',
      'zh-CN',
      'ar',
      'he',
    ]);
  });

  for (const [lang, t] of Object.entries(pageLanguages)) {
    it(`${lang}: every key, the same placeholders, nothing empty or extra`, () => {
      const problems: string[] = [];
      for (const key of Object.keys(t)) if (!(key in en)) problems.push(`${key}: not an English key`);
      for (const [key, text] of Object.entries(en)) {
        const message = (t as Record<string, string | undefined>)[key];
        if (message === undefined) problems.push(`${key}: missing`);
        else {
          if (!message.trim()) problems.push(`${key}: empty`);
          if (placeholders(message).join() !== placeholders(text).join()) problems.push(`${key}: placeholders`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('Accept-Language', () => {
  it('picks by q-value among the shipped languages, by base language, else English', () => {
    expect(pickLocale('ja').lang).toBe('ja');
    expect(pickLocale('de-CH;q=0.4, ja;q=0.9').lang).toBe('ja');
    expect(pickLocale('sv-SE, fr-CA;q=0.8, en;q=0.5').lang).toBe('fr');
    expect(pickLocale('pt-PT').lang).toBe('pt-BR');
    expect(pickLocale('zh').lang).toBe('zh-CN');
    expect(pickLocale('ar;q=0, he').lang).toBe('he');
    expect(pickLocale('en-US, ar;q=0.9').lang).toBe('en');
    expect(pickLocale('sv, *;q=0.1').lang).toBe('en');
    expect(pickLocale('').lang).toBe('en');
    expect(pickLocale(undefined).lang).toBe('en');
    expect(pickLocale('ar;q=abc, ;;;, q=1').lang).toBe('en');
    expect(pickLocale('ar').dir).toBe('rtl');
    expect(pickLocale('he-IL').dir).toBe('rtl');
    expect(pickLocale('hi').dir).toBe('ltr');
  });

  it('the pages render in the picked language, with lang and dir', async () => {
    const ar = pickLocale('ar');
    const landing = await landingValidPage('tok', 'a@example.com', 'https://shop.example/x', '', ar).text();
    expect(landing).toContain('<html lang="ar" dir="rtl">');
    expect(landing).toContain(ar.t.continue);
    expect(landing).not.toContain('>Continue<');
    const problem = await landingProblemPage('expired', 'a@example.com', undefined, '', pickLocale('de')).text();
    expect(problem).toContain('<html lang="de" dir="ltr">');
    expect(problem).toContain('Dieser Link ist abgelaufen');
    const mailbox = await mailboxPage([], undefined, pickLocale('ja')).text();
    expect(mailbox).toContain('メールボックス');
    const checkout = await checkoutPage(checkoutSession({ currency: 'EUR' }), pickLocale('fr')).text();
    expect(checkout).toContain('<html lang="fr" dir="ltr">');
    expect(checkout).toContain('>Payer<');
    expect(checkout).toContain('19,00\u00a0€');
    // The script's strings are JSON inside the script, never able to close it.
    expect(checkout).toMatch(/const T = \{"processing":"Traitement…"/);
  });

  it('every page script still parses, in every language (its strings are JSON inside it)', async () => {
    for (const lang of Object.keys(pageLanguages)) {
      const locale = pickLocale(lang);
      const pages = [
        landingValidPage('tok', 'a@example.com', 'https://shop.example/x', '', locale),
        landingProblemPage('used', 'a@example.com', undefined, '', locale),
      ];
      for (const page of pages) {
        const script = (await page.text()).split(/<script nonce="[^"]+">/)[1]!.split('</script>')[0]!;
        expect(() => new Function(script), lang).not.toThrow();
      }
    }
  });

  it('through the mock: the mailbox follows the request’s Accept-Language', async () => {
    const handlers = createHandlers({ store: new MockStore(nodeCrypto), apiOrigin: 'http://mock.test' });
    const get = async (headers: Record<string, string> = {}) =>
      (await getResponse(handlers, new Request('http://mock.test/_mock/mailbox', { headers })))!.text();
    const html = await get({ 'accept-language': 'he;q=0.8, xx' });
    expect(html).toContain('<html lang="he" dir="rtl">');
    expect(html).toContain('תיבת דואר');
    const plain = await get();
    expect(plain).toContain('<html lang="en" dir="ltr">');
    expect(plain).toContain('Mailbox');
  });
});
