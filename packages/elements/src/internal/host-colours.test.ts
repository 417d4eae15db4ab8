// Any host's colours (issue 18.6, decision 0123): on a page that declares no `color-scheme`, the
// elements take the light or dark palette from the background they sit on; and every state —
// the "Signed in as … · Sign out" line above unlocked content included — passes WCAG AA contrast
// on a white, a near-black and a mid-grey host, in both palettes (axe, and a contrast computation
// of our own over every piece of text in the shadow roots).
import axe from 'axe-core';
import { createClient } from '@visitor-access/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  $,
  apiBase,
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
import { luminance } from './host-colours.js';

const HOSTS = { white: '#ffffff', 'near-black': '#0e0f12', 'mid-grey': '#808080' } as const;
const LIGHT_PANEL = 'rgb(255, 255, 255)';
const DARK_PANEL = 'rgb(23, 24, 28)';

beforeEach(async () => {
  await resetAll();
  document.body.removeAttribute('style');
  document.body.removeAttribute('class');
});
afterEach(() => {
  document.body.removeAttribute('style');
});

const parse = (c: string): number[] => {
  const m = /rgba?\(([^)]+)\)/.exec(c);
  if (!m) throw new Error(`unexpected colour ${c}`);
  const [r, g, b, a = '1'] = m[1]!.split(/[\s,/]+/).filter(Boolean);
  return [Number(r), Number(g), Number(b), Number(a)];
};

const composedParent = (node: Element): Element | null =>
  node.assignedSlot ?? node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);

/** The colour actually behind `node`: its own and its ancestors' backgrounds, blended. */
function paintedBehind(node: Element): number[] {
  const layers: number[][] = [];
  for (let n: Element | null = node; n; n = composedParent(n)) {
    const c = parse(getComputedStyle(n).backgroundColor);
    if (c[3]! > 0) layers.push(c);
    if (c[3] === 1) break;
  }
  let base = layers.at(-1)?.[3] === 1 ? layers.pop()! : [255, 255, 255, 1];
  for (const [r, g, b, a] of layers.reverse()) {
    base = [r! * a! + base[0]! * (1 - a!), g! * a! + base[1]! * (1 - a!), b! * a! + base[2]! * (1 - a!), 1];
  }
  return base;
}

const ratio = (a: number[], b: number[]) => {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1! + 0.05) / (l2! + 0.05);
};

/** Every piece of visible text in the elements' shadow roots whose contrast is below AA. */
function lowContrast(root: Element): string[] {
  const failures: string[] = [];
  const visit = (scope: Element | ShadowRoot) => {
    for (const el of scope.querySelectorAll('*')) {
      if (el.shadowRoot) visit(el.shadowRoot);
      if (!(el.getRootNode() instanceof ShadowRoot)) continue;
      const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!text || box.width <= 1 || box.height <= 1 || style.visibility === 'hidden') continue;
      if (el.closest('[disabled]') || el.closest('dialog:not([open])')) continue;
      let fg = parse(style.color);
      const bg = paintedBehind(el);
      if (fg[3]! < 1) fg = fg.map((v, i) => (i < 3 ? v * fg[3]! + bg[i]! * (1 - fg[3]!) : 1));
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const r = ratio(fg, bg);
      if (r < (large ? 3 : 4.5)) {
        failures.push(`${el.localName}.${el.className} "${el.textContent!.trim().slice(0, 40)}" ${r.toFixed(2)}:1`);
      }
    }
  };
  visit(root);
  return failures;
}

async function axeContrast(root: Element): Promise<string[]> {
  const result = await axe.run(root, { runOnly: ['color-contrast'], resultTypes: ['violations'] });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html.slice(0, 80)}`));
}

/** A host box painted `colour`, on a page that declares no colour scheme. */
function host(colour: string, markup: string): HTMLDivElement {
  return mount<HTMLDivElement>(
    `<div data-test-host style="background:${colour};color:${luminance(parse(hexToRgb(colour))) < 0.18 ? '#eee' : '#111'};padding:16px">${markup}</div>`,
    'div[data-test-host]',
  );
}
const hexToRgb = (hex: string) =>
  `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;

describe('the palette follows the background the element sits on', () => {
  it.each([
    ['white', LIGHT_PANEL],
    ['near-black', DARK_PANEL],
    ['mid-grey', LIGHT_PANEL],
  ] as const)('%s host, no color-scheme declared → %s panel', async (name, panel) => {
    const box = host(
      HOSTS[name],
      `<paywall-gate handle="gharart" page="masterclass" api-base="${apiBase}"></paywall-gate>`,
    );
    const el = box.querySelector<PaywallGate>('paywall-gate')!;
    await waitForState(el, 'sign-in');
    expect(getComputedStyle($(el, '[part~=panel]')!).backgroundColor).toBe(panel);
  });

  it('a translucent layer over a dark page is still dark; a declared scheme always wins', async () => {
    document.body.style.background = '#101114';
    const box = host(
      'rgba(255, 255, 255, 0.04)',
      `<paywall-gate handle="gharart" page="masterclass" api-base="${apiBase}"></paywall-gate>`,
    );
    const el = box.querySelector<PaywallGate>('paywall-gate')!;
    await waitForState(el, 'sign-in');
    expect(el.getAttribute('data-va-scheme')).toBe('dark');
    box.style.colorScheme = 'light';
    el.theme = 'light';
    await el.updateComplete;
    expect(getComputedStyle($(el, '[part~=panel]')!).backgroundColor).toBe(LIGHT_PANEL);
  });

  it('a background written in another colour space (oklch) is read too', async () => {
    document.body.style.background = 'oklch(0.2 0.02 260)';
    const el = mount<PaywallGate>(
      `<paywall-gate handle="gharart" page="masterclass" api-base="${apiBase}"></paywall-gate>`,
      'paywall-gate',
    );
    await waitForState(el, 'sign-in');
    expect(getComputedStyle($(el, '[part~=panel]')!).backgroundColor).toBe(DARK_PANEL);
  });

  it('a site that switches to dark on <body> (class or style) is followed without a reload', async () => {
    const el = mount<PaywallGate>(
      `<paywall-gate handle="gharart" page="masterclass" api-base="${apiBase}"></paywall-gate>`,
      'paywall-gate',
    );
    await waitForState(el, 'sign-in');
    expect(getComputedStyle($(el, '[part~=panel]')!).backgroundColor).toBe(LIGHT_PANEL);
    document.body.style.background = '#121212';
    await waitFor(() => getComputedStyle($(el, '[part~=panel]')!).backgroundColor === DARK_PANEL, 'the dark palette');
    document.body.removeAttribute('style');
    await waitFor(() => getComputedStyle($(el, '[part~=panel]')!).backgroundColor === LIGHT_PANEL, 'light again');
  });
});

describe('WCAG AA contrast in every state, on any host, in both palettes', () => {
  const combos = (Object.keys(HOSTS) as Array<keyof typeof HOSTS>).flatMap((h) =>
    (['', 'light', 'dark'] as const).map((theme) => [h, theme] as const),
  );

  it.each(combos)('%s host, palette %s (empty: detected)', async (name, theme) => {
    const email = uniqueEmail('contrast');
    await signInDirectly(email);
    const paid = await uniquePage('PAID', { title: 'Block printing', price: 1900, currency: 'USD' });
    const t = theme ? `theme="${theme}"` : '';
    // The gates: signed in without access (purchase), signed in with access (the "Signed in as"
    // line above the content, outside any panel), signed out (another host name: the sign-in form),
    // and not set up (an error).
    const box = host(
      HOSTS[name],
      `<paywall-gate class="buy" handle="gharart" page="${paid}" api-base="${apiBase}" ${t}></paywall-gate>
       <paywall-gate class="open" handle="gharart" page="members-lounge" api-base="${apiBase}" ${t}><p>Unlocked.</p></paywall-gate>
       <paywall-gate class="out" handle="gharart" page="${paid}" ${t}></paywall-gate>
       <paywall-gate class="broken" handle="gharart" page="${paid}" api-base="nowhere" ${t}></paywall-gate>`,
    );
    const out = box.querySelector<PaywallGate>('.out')!;
    out.client = createClient({ baseUrl: `http://127.0.0.1:${new URL(apiBase).port}` });
    await waitForState(box.querySelector('.buy')!, 'purchase');
    await waitForState(box.querySelector('.open')!, 'granted');
    await waitForState(out, 'sign-in');
    await waitForState(box.querySelector('.broken')!, 'error');
    const open = box.querySelector<PaywallGate>('.open')!;
    await waitFor(() => shadowText(open).includes(`Signed in as ${email}`), 'the signed-in line');
    expect(lowContrast(box)).toEqual([]);
    expect(await axeContrast(box)).toEqual([]);

    // The other elements (a <visitor-session> on the page takes the gate's signed-in line).
    box.remove();
    const others = host(
      HOSTS[name],
      `<visitor-session api-base="${apiBase}" ${t}></visitor-session>
       <visitor-access-list api-base="${apiBase}" ${t}></visitor-access-list>
       <group-buy-card handle="gharart" slug="spring-bundle" api-base="${apiBase}" ${t}></group-buy-card>`,
    );
    await waitFor(() => shadowText(others.querySelector('visitor-session')!).includes(email), 'the session');
    await waitFor(
      () => others.querySelector('visitor-access-list')!.shadowRoot!.querySelector('[part~=panel] h2'),
      'the list',
    );
    await waitFor(
      () => others.querySelector('group-buy-card')!.shadowRoot!.querySelector('[part~=status]'),
      'the card',
    );
    expect(lowContrast(others)).toEqual([]);
    expect(await axeContrast(others)).toEqual([]);
  });
});
