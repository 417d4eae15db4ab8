// The elements on pages that are not ours: the host's colour scheme (not the OS's), its fonts, its
// global CSS resets, narrow screens, zoom and right-to-left, the documented theming examples, and
// axe in light and dark.
import axe from 'axe-core';
import { cdp, page } from 'vitest/browser';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import elementsDoc from '../../../../docs/elements.md?raw';
import {
  $,
  apiBase,
  latestMessage,
  mount,
  resetAll,
  shadowText,
  signInDirectly,
  uniqueEmail,
  uniquePage,
  waitFor,
  waitForState,
} from '../../test/helpers.js';
import '../define.js';
import type { PaywallGate } from '../paywall-gate/paywall-gate.js';

const LIGHT_PANEL = 'rgb(255, 255, 255)';
const DARK_PANEL = 'rgb(23, 24, 28)';

/** The visitor's system setting, as the browser reports it to `prefers-color-scheme`. */
async function systemScheme(value: 'light' | 'dark' | ''): Promise<void> {
  await cdp().send('Emulation.setEmulatedMedia', {
    features: [{ name: 'prefers-color-scheme', value }],
  });
}

/** The host page's own CSS, as a creator's site would have it. */
function hostCss(css: string): void {
  const style = document.createElement('style');
  style.dataset.host = '';
  style.textContent = css;
  document.head.append(style);
}

const panelColour = (el: Element) => getComputedStyle($(el, '[part~=panel]')!).backgroundColor;

async function paidGate(extra = ''): Promise<PaywallGate> {
  const slug = await uniquePage('PAID', {
    title: 'Carving, inking and printing: the complete block-printing masterclass',
    price: 1900,
    currency: 'USD',
  });
  const el = mount<PaywallGate>(
    `<paywall-gate handle="gharart" page="${slug}" api-base="${apiBase}" ${extra}></paywall-gate>`,
    'paywall-gate',
  );
  await waitForState(el, 'sign-in');
  return el;
}

/** Elements of the shadow trees (and the page) that stick out of the viewport sideways. */
function sticksOut(): string[] {
  const width = document.documentElement.clientWidth;
  const out: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const node of root.querySelectorAll('*')) {
      const r = node.getBoundingClientRect();
      // 1-px boxes are the visually hidden live regions and labels (clipped, never seen).
      if (r.width > 1 && (r.right > width + 0.5 || r.left < -0.5)) {
        out.push(`${node.localName}.${node.getAttribute('class') ?? ''}[${Math.round(r.left)}…${Math.round(r.right)}]`);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
  };
  visit(document);
  if (document.documentElement.scrollWidth > width)
    out.push(`page scrollWidth ${document.documentElement.scrollWidth}`);
  return out;
}

/** Every element, in its widest states, on one page. */
async function everyElement(): Promise<void> {
  const email = uniqueEmail('a-rather-long-name.with-dots');
  await signInDirectly(email);
  // Something to list: a free page visited.
  await fetch(`${apiBase}/v2/public/pages/gharart/members-lounge/access-check`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const slug = await uniquePage('PAID', {
    title: 'Carving, inking and printing: the complete block-printing masterclass',
    price: 1900,
    currency: 'USD',
  });
  const holder = mount<HTMLDivElement>(
    `<div>
      <visitor-session api-base="${apiBase}"></visitor-session>
      <paywall-gate handle="gharart" page="${slug}" api-base="${apiBase}"></paywall-gate>
      <visitor-access-list api-base="${apiBase}"></visitor-access-list>
      <group-buy-card handle="gharart" slug="spring-bundle" api-base="${apiBase}"></group-buy-card>
    </div>`,
    'div',
  );
  await waitForState(holder.querySelector('paywall-gate')!, 'purchase');
  await waitFor(() => holder.querySelector('visitor-access-list')!.shadowRoot!.querySelector('table'), 'the list');
  await waitFor(() => holder.querySelector('group-buy-card')!.shadowRoot!.querySelector('[part~=status]'), 'the card');
  await waitFor(() => shadowText(holder.querySelector('visitor-session')!).includes(email), 'the session');
}

beforeEach(async () => {
  await resetAll();
  document.documentElement.removeAttribute('style');
  document.documentElement.removeAttribute('dir');
  for (const style of document.querySelectorAll('style[data-host]')) style.remove();
});
afterEach(async () => {
  await systemScheme('');
  await page.viewport(414, 896);
});
afterAll(() => {
  for (const style of document.querySelectorAll('style[data-host]')) style.remove();
});

describe('colour scheme: the host page’s, not the system’s', () => {
  it('a page that declares none is light, even when the system is dark', async () => {
    await systemScheme('dark');
    const el = await paidGate();
    expect(panelColour(el)).toBe(LIGHT_PANEL);
  });

  it('a page with color-scheme: dark gets the dark elements, even when the system is light', async () => {
    await systemScheme('light');
    hostCss(':root { color-scheme: dark; background: #101114; color: #eee; }');
    const el = await paidGate();
    expect(panelColour(el)).toBe(DARK_PANEL);
  });

  it('color-scheme: light dark follows the system', async () => {
    hostCss(':root { color-scheme: light dark; }');
    await systemScheme('dark');
    const el = await paidGate();
    expect(panelColour(el)).toBe(DARK_PANEL);
    await systemScheme('light');
    expect(panelColour(el)).toBe(LIGHT_PANEL);
  });

  it('theme="light|dark|auto" overrides the page', async () => {
    hostCss(':root { color-scheme: dark; }');
    await systemScheme('dark');
    const light = await paidGate('theme="light"');
    expect(panelColour(light)).toBe(LIGHT_PANEL);
    document.body.replaceChildren();
    for (const style of document.querySelectorAll('style[data-host]')) style.remove();
    const dark = await paidGate('theme="dark"');
    expect(panelColour(dark)).toBe(DARK_PANEL);
    const auto = await paidGate('theme="auto"');
    expect(panelColour(auto)).toBe(DARK_PANEL);
    await systemScheme('light');
    expect(panelColour(auto)).toBe(LIGHT_PANEL);
  });
});

describe('fonts and global CSS of the host page', () => {
  it('inherits the page’s font family and size', async () => {
    hostCss('body { font-family: Georgia, serif; font-size: 19px; }');
    const el = await paidGate();
    for (const q of ['[part~=heading]', 'input[name=email]', '[part~=button-primary]']) {
      const style = getComputedStyle($(el, q)!);
      expect(style.fontFamily, q).toContain('Georgia');
    }
    expect(getComputedStyle($(el, 'input[name=email]')!).fontSize).toBe('19px');
  });

  it('a page’s aggressive resets do not break the form', async () => {
    hostCss(`
      *:where(:not(html, iframe, canvas, img, svg, video, audio):not(svg *, symbol *)) { all: unset; display: revert; }
      *, *::before, *::after { box-sizing: content-box; margin: 0; padding: 0; border: 0; }
      html { font-size: 62.5%; }
      body { font-size: 1.6rem; line-height: 1; text-align: center; text-transform: uppercase; letter-spacing: 0.3em; white-space: nowrap; }
      button, input { all: unset; }
      form, p, div, section, label { display: inline; }
    `);
    const el = await paidGate();
    const input = $<HTMLInputElement>(el, 'input[name=email]')!;
    const button = $<HTMLButtonElement>(el, '[part~=button-primary]')!;
    const label = $(el, 'label[for=va-email]')!;
    const form = $(el, 'form')!.getBoundingClientRect();
    const box = input.getBoundingClientRect();
    expect(box.width).toBeGreaterThan(form.width - 1);
    expect(box.height).toBeGreaterThan(30);
    expect(label.getBoundingClientRect().bottom).toBeLessThanOrEqual(box.top + 1);
    const style = getComputedStyle(button);
    expect(style.backgroundColor).toBe('rgb(59, 78, 224)');
    expect(style.textTransform).toBe('none');
    expect(getComputedStyle($(el, '[part~=heading]')!).textAlign).toBe('start');
    expect(parseFloat(getComputedStyle(input).fontSize)).toBeGreaterThanOrEqual(16);
    expect(sticksOut()).toEqual([]);
  });
});

describe('nothing scrolls sideways', () => {
  it.each([
    ['320 px', 320, ''],
    ['320 px, right to left', 320, 'rtl'],
    ['200 % text on a 640 px window', 640, 'zoom'],
  ])('%s', async (_, width, mode) => {
    await page.viewport(width, 800);
    hostCss('body { margin: 0 8px; }');
    if (mode === 'rtl') document.documentElement.dir = 'rtl';
    if (mode === 'zoom') document.documentElement.style.fontSize = '200%';
    await everyElement();
    expect(sticksOut()).toEqual([]);
    // The access list turned its rows into two lines each, the dates labelled.
    const list = document.querySelector('visitor-access-list')!;
    expect(getComputedStyle($(list, 'tbody tr')!).display).toBe('flex');
    expect(getComputedStyle($(list, 'thead')!).display).toBe('none');
    const label = getComputedStyle($(list, 'td.date')!, '::before').content;
    expect(label).not.toBe('none');
  });

  it('at 1280 px the access list is a table', async () => {
    await page.viewport(1280, 800);
    await everyElement();
    const list = document.querySelector('visitor-access-list')!;
    expect(getComputedStyle($(list, 'tbody tr')!).display).toBe('table-row');
    expect(sticksOut()).toEqual([]);
  });
});

/** The CSS examples of the "Theming" section of docs/elements.md. */
function themingExamples(): string[] {
  const section = elementsDoc.slice(elementsDoc.indexOf('## Theming'), elementsDoc.indexOf('## Strings and languages'));
  return [...section.matchAll(/```css\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

async function contrastViolations(root: Element): Promise<string[]> {
  const result = await axe.run(root, { runOnly: ['color-contrast'], resultTypes: ['violations'] });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${n.html}: ${n.failureSummary}`));
}

/** A paid gate (check-email, sign-in, error), a group buy card, the session and the list signed out. */
async function statesToCheck(): Promise<Element[]> {
  const signIn = await paidGate();
  const email = uniqueEmail();
  $<HTMLInputElement>(signIn, 'input[name=email]')!.value = email;
  $<HTMLButtonElement>(signIn, 'form button[type=submit]')!.click();
  await waitForState(signIn, 'check-email');
  await latestMessage(email);
  const signOut = await paidGate();
  const error = mount<PaywallGate>(
    `<paywall-gate handle="gharart" page="draft-notes" api-base="${apiBase}"></paywall-gate>`,
    'paywall-gate',
  );
  await waitForState(error, 'error');
  const card = mount<HTMLElement>(
    `<group-buy-card handle="gharart" slug="spring-bundle" api-base="${apiBase}"></group-buy-card>`,
    'group-buy-card',
  );
  await waitFor(() => card.shadowRoot!.querySelector('[part~=status]'), 'the card');
  const session = mount<HTMLElement>(`<visitor-session api-base="${apiBase}"></visitor-session>`, 'visitor-session');
  const list = mount<HTMLElement>(
    `<visitor-access-list api-base="${apiBase}"></visitor-access-list>`,
    'visitor-access-list',
  );
  await waitFor(() => session.shadowRoot!.querySelector('button'), 'the session');
  await waitFor(() => list.shadowRoot!.querySelector('[part~=empty]'), 'the list');
  return [signIn, signOut, error, card, session, list];
}

describe('contrast and axe, light and dark', () => {
  const schemes = {
    light: '',
    dark: ':root { color-scheme: dark; background: #121316; color: #e8e8ea; }',
  };

  it('the documentation has theming examples to test', () => {
    expect(themingExamples().length).toBeGreaterThanOrEqual(2);
  });

  for (const [scheme, css] of Object.entries(schemes)) {
    it(`axe finds nothing in ${scheme} (default colours)`, async () => {
      hostCss(css);
      const elements = await statesToCheck();
      const result = await axe.run(document.body, { resultTypes: ['violations'] });
      expect(
        result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
        `${elements.length} elements`,
      ).toEqual([]);
    });

    it(`every documented theming example passes WCAG AA in ${scheme}`, async () => {
      hostCss(css);
      for (const example of themingExamples()) hostCss(example);
      await statesToCheck();
      expect(await contrastViolations(document.body)).toEqual([]);
    });
  }

  it('a single-colour accent on a dark page is what fails (the warning in the docs is true)', async () => {
    hostCss(`${schemes.dark} paywall-gate, group-buy-card { --va-color-accent: #0b7a75; }`);
    await statesToCheck();
    expect((await contrastViolations(document.body)).length).toBeGreaterThan(0);
  });
});
