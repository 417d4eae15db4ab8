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
import he from './he.js';

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
    const price = $(el, '[part~=price]')!.textContent!;
    expect(price.replace('\u200e', '')).toBe(
      new Intl.NumberFormat('ar', { style: 'currency', currency: 'USD' }).format(19),
    );
    const buy = $<HTMLButtonElement>(el, '[part~=button-primary]')!;
    expect(buy.textContent?.trim()).toBe(fill(ar.buy, { price }));
    // The heading starts at the panel's right edge.
    const heading = $(el, '[part~=heading]')!.getBoundingClientRect();
    const panel = $(el, '[part~=panel]')!.getBoundingClientRect();
    expect(panel.right - heading.right).toBeLessThan(panel.width / 4);
  });
});

/** Each visible character of `el` with where it is painted, bidi marks and spaces aside. */
function glyphs(el: Element): Array<{ ch: string; left: number; right: number; top: number }> {
  const out: Array<{ ch: string; left: number; right: number; top: number }> = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (let i = 0; i < text.length; i++) {
      if (/[\s\u200e\u200f\u2066-\u2069]/.test(text[i]!)) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      if (r.width > 0) out.push({ ch: text[i]!, left: r.left, right: r.right, top: r.top });
    }
  }
  return out;
}
const RTL_LETTER = /[\u0590-\u06ff]/;
/** The characters of `el` that are not Hebrew or Arabic, as the eye meets them from left to right. */
const readLeftToRight = (el: Element) =>
  glyphs(el)
    .filter((g) => !RTL_LETTER.test(g.ch))
    .sort((a, b) => a.left - b.left)
    .map((g) => g.ch)
    .join('');

describe('right to left: prices and emails inside sentences read as written', () => {
  for (const [lang, t] of [
    ['ar', ar],
    ['he', he],
  ] as const) {
    it(`${lang}: the price, alone and in "Buy for", keeps its order and sits after the words`, async () => {
      await signInDirectly(uniqueEmail());
      const el = gate(lang, 'masterclass');
      await waitForState(el, 'purchase');
      // Arabic writes "19.00 US$", shown from the right: "US$ 19.00" (never "$US 19.00"); Hebrew "$ 19.00".
      const expected = lang === 'ar' ? 'US$19.00' : '$19.00';
      const price = $(el, '[part~=price]')!;
      expect(readLeftToRight(price)).toBe(expected);
      const buy = $<HTMLButtonElement>(el, '[part~=button-primary]')!;
      expect(buy.textContent?.trim()).toBe(fill(t.buy, { price: price.textContent! }));
      const value = glyphs(buy).filter((g) => /[\dA-Z$.]/.test(g.ch));
      expect(
        value
          .sort((a, b) => a.left - b.left)
          .map((g) => g.ch)
          .join(''),
      ).toBe(expected);
      // One line, the price at the end of the sentence: left of every word.
      const words = glyphs(buy).filter((g) => RTL_LETTER.test(g.ch));
      expect(new Set(glyphs(buy).map((g) => Math.round(g.top / 8))).size).toBe(1);
      expect(Math.max(...value.map((g) => g.right))).toBeLessThanOrEqual(Math.min(...words.map((g) => g.left)) + 0.5);
    });

    it(`${lang}: an address that starts with digits reads as typed in "check your email"`, async () => {
      const el = gate(lang, 'masterclass');
      el.parentElement!.style.width = '1000px';
      await waitForState(el, 'sign-in');
      // Digits, then a hyphen, then letters: without an isolate the digits would jump to the far side.
      const email = uniqueEmail('2026');
      $<HTMLInputElement>(el, 'input[name=email]')!.value = email;
      $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
      await waitForState(el, 'check-email');
      const address = $(el, '.email')!;
      expect(address.textContent).toBe(email);
      const line = address.closest('p')!;
      expect(new Set(glyphs(address).map((g) => Math.round(g.top / 8))).size, 'the address on one line').toBe(1);
      expect(readLeftToRight(address)).toBe(email);
      // The whole address in one piece: no word of the sentence between its characters.
      const inside = glyphs(address);
      const [left, right] = [Math.min(...inside.map((g) => g.left)), Math.max(...inside.map((g) => g.right))];
      const between = glyphs(line).filter((g) => RTL_LETTER.test(g.ch) && g.left > left && g.right < right);
      expect(between).toEqual([]);
    });
  }

  it('every value placed in an Arabic or Hebrew sentence is isolated (FSI … PDI)', () => {
    for (const strings of [ar, he] as Array<Record<string, unknown>>) {
      for (const [key, text] of Object.entries(strings)) {
        // Waits are written whole by Intl, in the language's own script.
        if (key === 'seconds' || key === 'minutes') continue;
        const bare = String(text).replace(/\u2068[^\u2069]*\u2069/g, '');
        expect(bare, key).not.toMatch(/\{\w+\}/);
      }
    }
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
      `شخص واحد مهتم من أصل \u2068${new Intl.NumberFormat('ar').format(3)}\u2069`,
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
      // (An Arabic "US$" ends in a left-to-right mark: "$" stays beside "US".)
      expect($(el, '[part~=price]')?.textContent?.replace(/\u200e$/, '')).toBe(
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

  /** What sticks out of `el` (320 px wide, or a dialog of its own): every box, and sideways scrolling. */
  function overflows(el: Element, what: string, box: Element = el): string[] {
    const problems: string[] = [];
    const edge = box.getBoundingClientRect();
    const nodes = [...(box === el ? el.shadowRoot! : box).querySelectorAll('*')];
    for (const node of nodes) {
      const r = node.getBoundingClientRect();
      // The 1 px live region (.sr-only) and what is not shown (a closed dialog) aside.
      if (r.width > 1 && (r.right > edge.right + 0.5 || r.left < edge.left - 0.5))
        problems.push(
          `${what}: <${node.localName} part="${node.getAttribute('part') ?? ''}"> ${Math.round(r.left - edge.left)}…${Math.round(r.right - edge.left)} of ${Math.round(edge.width)}`,
        );
    }
    for (const scroller of nodes)
      if (
        scroller.clientWidth > 1 &&
        scroller.scrollWidth > scroller.clientWidth + 0.5 &&
        getComputedStyle(scroller).overflowX !== 'visible'
      )
        problems.push(`${what}: <${scroller.localName}> scrolls sideways`);
    if (el.scrollWidth > el.clientWidth) problems.push(`${what}: the element scrolls sideways`);
    return problems;
  }

  /**
   * Where an address is shown, each of its parts (split before `@` and dots) on one line: a break,
   * if any, comes before an `@` or a dot, never inside a word.
   */
  function brokenInsideAWord(el: Element, email: string, what: string): string[] {
    const at = email.lastIndexOf('@');
    const name = email.slice(0, at);
    const parts = [...(name.length > 20 ? name.split(/(?=\.)/) : [name]), ...email.slice(at).split(/(?=\.)/)];
    const problems: string[] = [];
    let seen = 0;
    const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!parts.includes(node.textContent ?? '')) continue;
      seen++;
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) problems.push(`${what}: "${node.textContent}" is broken over ${lines.size} lines`);
    }
    if (seen < parts.length) problems.push(`${what}: the address is not shown in parts (${seen} of ${parts.length})`);
    return problems;
  }

  const narrow = <T extends Element>(lang: string, markup: string, selector: string) =>
    mountIn<T>(lang, `<div style="width: 320px">${markup}</div>`, selector);

  for (const path of Object.keys(all)) {
    const lang = path.slice(2, -3);
    it(`${lang}: every state of the four elements fits, and a long address breaks only before @ or a dot`, async () => {
      registerLanguage(lang, all[path] as never);
      const problems: string[] = [];
      const check = (el: Element, what: string, box?: Element) =>
        problems.push(...overflows(el, `${lang} ${what}`, box));
      // Long enough to need two lines at 320 px, with no part wider than a line.
      const email = `maria.fernandez.gonzalez+${lang.toLowerCase().replace('-', '')}${Date.now().toString(36).slice(-5)}@examplestudio.com`;
      const submit = async (el: Element) => {
        $<HTMLInputElement>(el, 'input[name=email]')!.value = email;
        $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
        await waitFor(() => $(el, 'input[name=code]'), `${lang}: the code field`);
      };

      // Set up wrong (no API address), and a page that does not exist.
      for (const tag of ['paywall-gate', 'visitor-session', 'visitor-access-list', 'group-buy-card']) {
        const el = narrow(
          lang,
          `<${tag} handle="gharart" page="masterclass" slug="spring-bundle" api-base="api.example.com"></${tag}>`,
          tag,
        );
        await waitFor(() => shadowText(el).includes(all[path]!.setupHeading!), `${lang} ${tag}: the setup error`);
        check(el, `${tag} not set up`);
      }
      const missing = narrow<PaywallGate>(
        lang,
        `<paywall-gate handle="gharart" page="no-such-page" api-base="${apiBase}"></paywall-gate>`,
        'paywall-gate',
      );
      await waitForState(missing, 'error');
      check(missing, 'gate page not found');
      document.body.replaceChildren();

      // Signed out: the gate's sign-in to buy and check-email.
      const gateEl = narrow<PaywallGate>(
        lang,
        `<paywall-gate handle="gharart" page="masterclass" api-base="${apiBase}"></paywall-gate>`,
        'paywall-gate',
      );
      await waitForState(gateEl, 'sign-in');
      check(gateEl, 'gate sign-in');
      await submit(gateEl);
      await waitForState(gateEl, 'check-email');
      check(gateEl, 'gate check-email');
      problems.push(...brokenInsideAWord(gateEl, email, `${lang} gate check-email`));

      // The group buy: collecting, its sign-in, its check-email.
      const card = narrow<GroupBuyCard>(
        lang,
        `<group-buy-card handle="gharart" slug="spring-bundle" api-base="${apiBase}"></group-buy-card>`,
        'group-buy-card',
      );
      card.client = freshClient();
      const interested = await waitFor(() => $<HTMLButtonElement>(card, '[part~=button-primary]'), `${lang}: the card`);
      check(card, 'card collecting');
      interested.click();
      await waitFor(() => $(card, 'input[name=email]'), `${lang}: the card's email field`);
      check(card, 'card sign-in');
      await submit(card);
      check(card, 'card check-email');
      problems.push(...brokenInsideAWord(card, email, `${lang} card check-email`));

      // The session's dialog, and the list signed out.
      const session = narrow<VisitorSession>(
        lang,
        `<visitor-session api-base="${apiBase}"></visitor-session>`,
        'visitor-session',
      );
      session.client = freshClient();
      (await waitFor(() => $<HTMLButtonElement>(session, 'button'), `${lang}: the sign-in button`)).click();
      await waitFor(() => $(session, 'input[name=email]'), `${lang}: the dialog's email field`);
      const dialog = $(session, 'dialog')!;
      check(session, 'session dialog sign-in', dialog);
      await submit(session);
      check(session, 'session dialog check-email', dialog);
      problems.push(...brokenInsideAWord(session, email, `${lang} session dialog check-email`));
      const listOut = narrow<VisitorAccessList>(
        lang,
        `<visitor-access-list api-base="${apiBase}"></visitor-access-list>`,
        'visitor-access-list',
      );
      listOut.client = freshClient();
      await waitFor(() => $(listOut, '[part~=empty]'), `${lang}: the signed-out list`);
      check(listOut, 'list signed out');
      document.body.replaceChildren();

      // Signed in (with a free page in the list): the signed-in lines, the price, the content, the list.
      await signInDirectly(email);
      await freshClient().pages.checkAccess('gharart', 'members-lounge');
      const buying = narrow<PaywallGate>(
        lang,
        `<paywall-gate handle="gharart" page="masterclass" api-base="${apiBase}"></paywall-gate>`,
        'paywall-gate',
      );
      const granted = narrow<PaywallGate>(
        lang,
        `<paywall-gate handle="gharart" page="members-lounge" api-base="${apiBase}"><p>The protected content</p></paywall-gate>`,
        'paywall-gate',
      );
      await waitForState(buying, 'purchase');
      await waitForState(granted, 'granted');
      for (const [el, what] of [
        [buying, 'gate purchase'],
        [granted, 'gate granted'],
      ] as const) {
        await waitFor(() => $(el, '[part~=session]'), `${lang} ${what}: the signed-in line`);
        check(el, what);
        problems.push(...brokenInsideAWord(el, email, `${lang} ${what}`));
      }
      const signedIn = narrow<VisitorSession>(
        lang,
        `<visitor-session api-base="${apiBase}"></visitor-session>`,
        'visitor-session',
      );
      signedIn.client = freshClient();
      await waitFor(() => $(signedIn, '[part~=session]'), `${lang}: the session's signed-in line`);
      check(signedIn, 'session signed in');
      problems.push(...brokenInsideAWord(signedIn, email, `${lang} session signed in`));
      const list = narrow<VisitorAccessList>(
        lang,
        `<visitor-access-list api-base="${apiBase}"></visitor-access-list>`,
        'visitor-access-list',
      );
      list.client = freshClient();
      await waitFor(() => $(list, 'time'), `${lang}: a row of the list`);
      check(list, 'list with a row');
      const signedInCard = narrow<GroupBuyCard>(
        lang,
        `<group-buy-card handle="gharart" slug="spring-bundle" api-base="${apiBase}"></group-buy-card>`,
        'group-buy-card',
      );
      signedInCard.client = freshClient();
      (await waitFor(() => $<HTMLButtonElement>(signedInCard, '[part~=button-primary]'), `${lang}: the card`)).click();
      await waitFor(() => shadowText(signedInCard).includes(all[path]!.youAreInterested!), `${lang}: interested`);
      check(signedInCard, 'card interested');
      expect(problems.join('\n')).toBe('');
    });
  }
});
