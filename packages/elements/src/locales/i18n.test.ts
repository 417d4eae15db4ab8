// The elements in the shipped languages (decision 0110), in Chromium: the language picked from the
// page, loaded before the first paint (never English first), a journey in Japanese and in Arabic for
// each element, right to left for Arabic, plural forms, the fallback to English, and
// `registerStrings` over a shipped language.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  $,
  apiBase,
  freshClient,
  latestMessage,
  resetAll,
  shadowText,
  signInDirectly,
  type,
  uniqueEmail,
  waitFor,
  waitForState,
} from '../../test/helpers.js';
import { languageReady, registerLanguage, setLocalesBase, shippedLanguage } from '../internal/locale.js';
import { fill, registerStrings } from '../internal/strings.js';
import { defaultStrings } from '../internal/strings-all.js';
import '../define.js';
import type { PaywallGate } from '../paywall-gate/paywall-gate.js';
import type { VisitorSession } from '../visitor-session/visitor-session.js';
import type { VisitorAccessList } from '../visitor-access-list/visitor-access-list.js';
import type { GroupBuyCard } from '../group-buy-card/group-buy-card.js';
import ja from './ja.js';
import ar from './ar.js';

/** Mounts markup inside a wrapper with `lang` (and, for a right-to-left page, nothing else). */
function mountIn<T extends Element>(lang: string, markup: string, selector: string): T {
  const host = document.createElement('div');
  host.lang = lang;
  host.innerHTML = markup;
  document.body.append(host);
  return host.querySelector<T>(selector)!;
}

/** Every text the shadow root shows, in the order it was painted (recorded from the first mutation). */
function recordTexts(el: Element): string[] {
  const texts: string[] = [];
  const root = el.shadowRoot!;
  const note = () => {
    const text = (root.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text && texts.at(-1) !== text) texts.push(text);
  };
  new MutationObserver(note).observe(root, { childList: true, subtree: true, characterData: true });
  return texts;
}

// English sentences long enough not to appear by chance in another language (emails, prices and
// the creator's titles aside).
const englishSentences = Object.values(defaultStrings).filter((s) => s.length > 12 && !s.includes('{'));
const hasEnglish = (text: string) => englishSentences.find((s) => text.includes(s));

const gate = (lang: string, page: string) =>
  mountIn<PaywallGate>(
    lang,
    `<paywall-gate handle="gharart" page="${page}" api-base="${apiBase}"><p>The protected content</p></paywall-gate>`,
    'paywall-gate',
  );

async function codeSignIn(el: Element, email: string): Promise<void> {
  const input = $<HTMLInputElement>(el, 'input[name=email]')!;
  input.value = email;
  $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
  await waitFor(() => $(el, 'input[name=code]'), 'the code field');
  const { code } = await latestMessage(email);
  type($<HTMLInputElement>(el, 'input[name=code]')!, code);
}

beforeEach(resetAll);
afterEach(() => document.body.replaceChildren());

describe('which language', () => {
  it('an English page downloads no language file', async () => {
    const el = gate('en', 'members-lounge');
    await waitForState(el, 'sign-in');
    expect(shadowText(el)).toContain('Sign in');
    const files = performance.getEntriesByType('resource').filter((e) => /\/locales\/[\w-]+\.js(\?|$)/.test(e.name));
    expect(files).toEqual([]);
  });

  it('a page in another language: its file first, then the first paint, in that language', async () => {
    // Languages no other test of this file has loaded yet, so the file is really on its way.
    const session = mountIn<VisitorSession>(
      'he',
      `<visitor-session api-base="${apiBase}"></visitor-session>`,
      'visitor-session',
    );
    const gateHi = gate('hi-IN', 'members-lounge');
    const paintedSession = recordTexts(session);
    const paintedGate = recordTexts(gateHi);
    await waitFor(() => shadowText(session) === 'כניסה', 'Hebrew');
    await waitForState(gateHi, 'sign-in');
    expect(paintedSession).toEqual(['כניסה']);
    expect(paintedGate.map(hasEnglish).filter(Boolean)).toEqual([]);
    expect(shadowText(gateHi)).toContain('पढ़ने के लिए साइन इन करें');
    const files = performance.getEntriesByType('resource').map((e) => e.name.split('?')[0]!.split('/').pop());
    expect(files).toEqual(expect.arrayContaining(['he.js', 'hi.js']));
    // Hebrew is right to left too.
    expect($(session, '.row')!.dir).toBe('rtl');
  });

  it('exact tag, then base language, then English', () => {
    expect(shippedLanguage('fr')).toBe('fr');
    expect(shippedLanguage('fr-CA')).toBe('fr');
    expect(shippedLanguage('pt')).toBe('pt-BR');
    expect(shippedLanguage('pt-PT')).toBe('pt-BR');
    expect(shippedLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(shippedLanguage('AR')).toBe('ar');
    expect(shippedLanguage('en-GB')).toBeUndefined();
    expect(shippedLanguage('sv')).toBeUndefined();
    expect(shippedLanguage('hil')).toBeUndefined();
  });

  it('the element’s own locale, else the nearest lang, else <html lang>', async () => {
    document.documentElement.lang = 'ja';
    try {
      const fromHtml = mountIn<VisitorSession>(
        '',
        `<visitor-session api-base="${apiBase}"></visitor-session>`,
        'visitor-session',
      );
      fromHtml.parentElement!.removeAttribute('lang');
      const nearest = mountIn<VisitorSession>(
        'ar',
        `<visitor-session api-base="${apiBase}"></visitor-session>`,
        'visitor-session',
      );
      const own = mountIn<VisitorSession>(
        'ar',
        `<visitor-session api-base="${apiBase}" locale="de"></visitor-session>`,
        'visitor-session',
      );
      await waitFor(() => shadowText(fromHtml) === 'ログイン', 'Japanese from <html lang>');
      await waitFor(() => shadowText(nearest) === 'تسجيل الدخول', 'Arabic from the wrapper');
      await waitFor(() => shadowText(own) === 'Anmelden', 'German from locale');
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  it('a language file that cannot be loaded: English, after the failed load', async () => {
    setLocalesBase('http://127.0.0.1:9/nowhere/');
    try {
      const el = mountIn<VisitorSession>(
        'ko',
        `<visitor-session api-base="${apiBase}"></visitor-session>`,
        'visitor-session',
      );
      await waitFor(() => shadowText(el) === 'Sign in', 'English');
    } finally {
      setLocalesBase(new URL('..', location.origin + '/packages/elements/src/internal/').href);
    }
  });

  it('registerStrings still overrides a string of a shipped language', async () => {
    registerStrings('nl', { signIn: 'Aanmelden, graag' });
    const el = mountIn<VisitorSession>(
      'nl-BE',
      `<visitor-session api-base="${apiBase}"></visitor-session>`,
      'visitor-session',
    );
    await waitFor(() => shadowText(el) === 'Aanmelden, graag', 'the override');
    await languageReady('nl');
    el.requestUpdate();
    await el.updateComplete;
    expect(shadowText(el)).toBe('Aanmelden, graag');
  });
});

describe('<paywall-gate> in Japanese and Arabic', () => {
  for (const [lang, t] of [
    ['ja', ja],
    ['ar', ar],
  ] as const) {
    it(`${lang}: the first text painted is in ${lang}; sign in by code, then on to checkout`, async () => {
      const el = gate(lang, 'masterclass');
      const painted = recordTexts(el);
      await waitForState(el, 'sign-in');
      expect(painted[0]).toBeDefined();
      expect(painted.map(hasEnglish).filter(Boolean)).toEqual([]);
      expect($(el, 'label[for=va-email]')?.textContent?.trim()).toBe(t.emailLabel);
      expect(shadowText(el)).toContain(t.buyIntro);
      expect(shadowText(el)).toContain(t.purchaseBody);
      const navigated = new Promise<string>((resolve) => (el.navigate = resolve));
      const email = uniqueEmail();
      $<HTMLInputElement>(el, 'input[name=email]')!.value = email;
      $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
      await waitForState(el, 'check-email');
      expect(shadowText(el)).toContain(t.checkEmailHeading);
      expect(shadowText(el)).toContain(fill(t.checkEmailBody, { email }));
      const { code } = await latestMessage(email);
      type($<HTMLInputElement>(el, 'input[name=code]')!, code);
      expect(await navigated).toMatch(/\/_mock\/checkout\//);
      expect(painted.map(hasEnglish).filter(Boolean)).toEqual([]);
      // Right to left inside the shadow root for Arabic only; the layout mirrors.
      const panel = $(el, '[part~=panel]')!;
      expect(panel.dir).toBe(lang === 'ar' ? 'rtl' : '');
      expect(getComputedStyle($(el, '[part~=heading]')!).direction).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    });
  }

  it('ar: the price and the buy button in Arabic, laid out from the right', async () => {
    await signInDirectly(uniqueEmail());
    const el = gate('ar', 'masterclass');
    await waitForState(el, 'purchase');
    const price = new Intl.NumberFormat('ar', { style: 'currency', currency: 'USD' }).format(19);
    expect($(el, '[part~=price]')?.textContent).toBe(price);
    const buy = $<HTMLButtonElement>(el, '[part~=button-primary]')!;
    expect(buy.textContent?.trim()).toBe(fill(ar.buy, { price }));
    // The heading starts at the panel's right edge.
    const heading = $(el, '[part~=heading]')!.getBoundingClientRect();
    const panel = $(el, '[part~=panel]')!.getBoundingClientRect();
    expect(panel.right - heading.right).toBeLessThan(panel.width / 4);
  });
});

describe('<visitor-session> in Japanese and Arabic', () => {
  for (const [lang, t] of [
    ['ja', ja],
    ['ar', ar],
  ] as const) {
    it(`${lang}: signs in through its dialog, then names the visitor`, async () => {
      const el = mountIn<VisitorSession>(
        lang,
        `<visitor-session api-base="${apiBase}"></visitor-session>`,
        'visitor-session',
      );
      el.client = freshClient();
      const painted = recordTexts(el);
      const button = await waitFor(
        () => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === t.signIn),
        'the sign-in button',
      );
      expect(painted[0]).toBe(t.signIn);
      button.click();
      await waitFor(() => $(el, 'input[name=email]'), 'the email field');
      expect(shadowText(el)).toContain(t.emailLabel);
      const email = uniqueEmail();
      await codeSignIn(el, email);
      await waitFor(() => shadowText(el).includes(fill(t.signedInAs, { email })), 'the signed-in line');
      expect(shadowText(el)).toContain(t.signOut);
      expect(painted.map(hasEnglish).filter(Boolean)).toEqual([]);
      if (lang === 'ar') expect(getComputedStyle($(el, '[part~=session]')!).direction).toBe('rtl');
    });
  }
});

describe('<visitor-access-list> in Japanese and Arabic', () => {
  for (const [lang, t] of [
    ['ja', ja],
    ['ar', ar],
  ] as const) {
    it(`${lang}: signed out, then signed in with one free page, dates in ${lang}`, async () => {
      const out = mountIn<VisitorAccessList>(
        lang,
        `<visitor-access-list api-base="${apiBase}"></visitor-access-list>`,
        'visitor-access-list',
      );
      out.client = freshClient();
      await waitFor(() => shadowText(out).includes(t.listSignedOut), 'the signed-out text');
      document.body.replaceChildren();
      await signInDirectly(uniqueEmail());
      const client = freshClient();
      await client.pages.checkAccess('gharart', 'members-lounge');
      const el = mountIn<VisitorAccessList>(
        lang,
        `<visitor-access-list api-base="${apiBase}"></visitor-access-list>`,
        'visitor-access-list',
      );
      el.client = client;
      await waitFor(() => el.shadowRoot!.querySelector('time'), 'a row');
      const text = shadowText(el);
      expect(text).toContain(t.listHeading);
      expect(text).toContain(t.typeFreeLogin);
      expect(text).toContain(t.statusActive);
      const date = el.shadowRoot!.querySelector('time')!;
      expect(date.textContent).toBe(
        new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(date.dateTime)),
      );
      expect(hasEnglish(text)).toBeUndefined();
    });
  }
});

describe('<group-buy-card> in Japanese and Arabic, with plurals', () => {
  it('plural forms follow Intl.PluralRules of the language', () => {
    expect(fill(ar.groupProgress, { count: 1, target: 3 })).toBe(
      `شخص واحد مهتم من أصل ${new Intl.NumberFormat('ar').format(3)}`,
    );
    expect(fill(ar.groupProgress, { count: 2, target: 3 })).toContain('شخصان');
    expect(fill(ar.groupProgress, { count: 3, target: 10 })).toContain('أشخاص');
    expect(fill(ar.groupProgress, { count: 11, target: 20 })).toContain('شخصًا');
    expect(fill(ja.groupProgress, { count: 2, target: 3 })).toBe('3人中2人が興味あり');
    expect(fill(ja.minutes, { n: 5 })).toBe('5 分');
    expect(fill(ar.minutes, { n: 1 })).toBe(
      new Intl.NumberFormat('ar', { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(1),
    );
  });

  for (const [lang, t] of [
    ['ja', ja],
    ['ar', ar],
  ] as const) {
    it(`${lang}: price, progress and "interested", then the interest recorded`, async () => {
      const el = mountIn<GroupBuyCard>(
        lang,
        `<group-buy-card handle="gharart" slug="spring-bundle" api-base="${apiBase}"></group-buy-card>`,
        'group-buy-card',
      );
      el.client = freshClient();
      const painted = recordTexts(el);
      await waitFor(() => $(el, '[part~=progress]'), 'the card');
      expect($(el, '[part~=price]')?.textContent).toBe(
        new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD' }).format(49),
      );
      const label = $(el, '[part~=progress-label]')!.textContent!;
      expect(label).toMatch(lang === 'ja' ? /^3人中\d+人が興味あり$/ : /من أصل/);
      const interested = await waitFor(
        () => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === t.interested),
        'the button',
      );
      interested.click();
      await waitFor(() => $(el, 'input[name=email]'), 'the email field');
      await codeSignIn(el, uniqueEmail());
      await waitFor(() => shadowText(el).includes(t.youAreInterested), 'the interest recorded');
      expect(painted.map(hasEnglish).filter(Boolean)).toEqual([]);
    });
  }
});

describe('every language at 320 px', () => {
  const all = import.meta.glob(['./*.ts', '!./*.test.ts', '!./format.ts'], {
    eager: true,
    import: 'default',
  }) as Record<string, Record<string, string>>;

  it('the gate’s sign-in to buy and check-email: nothing wider than the box', async () => {
    const problems: string[] = [];
    for (const [path, strings] of Object.entries(all)) {
      const lang = path.slice(2, -3);
      registerLanguage(lang, strings as never);
      const el = mountIn<PaywallGate>(
        lang,
        `<div style="width: 320px"><paywall-gate handle="gharart" page="masterclass" api-base="${apiBase}"></paywall-gate></div>`,
        'paywall-gate',
      );
      await waitForState(el, 'sign-in');
      const check = (what: string) => {
        const box = el.getBoundingClientRect();
        for (const node of el.shadowRoot!.querySelectorAll('*')) {
          const r = node.getBoundingClientRect();
          // The 1 px live region (.sr-only) aside.
          if (r.width > 1 && (r.right > box.right + 0.5 || r.left < box.left - 0.5))
            problems.push(
              `${lang} ${what}: <${node.localName} part="${node.getAttribute('part') ?? ''}"> ${Math.round(r.left - box.left)}…${Math.round(r.right - box.left)} of ${Math.round(box.width)}`,
            );
        }
        if (el.scrollWidth > el.clientWidth) problems.push(`${lang} ${what}: the gate scrolls sideways`);
      };
      check('sign-in');
      $<HTMLInputElement>(el, 'input[name=email]')!.value = `${lang.toLowerCase()}.a-rather-long-address@example.com`;
      $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
      await waitForState(el, 'check-email');
      check('check-email');
      el.parentElement!.parentElement!.remove();
    }
    expect(problems).toEqual([]);
  });
});
