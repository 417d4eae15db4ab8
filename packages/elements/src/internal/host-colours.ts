// Any host's colours (decision 0123). A page that declares a `color-scheme` decides the palette
// (decision 0052). A page that declares none may still be dark — a dark blog with
// `body { background: #111 }` — and the light palette there gave a white card and, above unlocked
// content, light text on a dark page. So when no scheme is declared, the element reads the
// background it actually sits on (the nearest opaque ancestor's, with translucent layers above it
// blended in) and takes the dark palette when that background is dark.
//
// It looks again when that could sensibly change, cheaply: when the element is connected, when the
// page has loaded (its stylesheets with it), when the `class`, `style` or a `data-*` theme
// attribute of <html> or <body> changes (how sites switch to dark), and when the system scheme
// changes (sites that follow it with a media query). One observer serves every element of the page.

type Rgba = [r: number, g: number, b: number, a: number];

/** The computed colour as RGBA (0–255, alpha 0–1), in whatever colour space the page wrote it. */
function rgba(colour: string): Rgba {
  let known = converted.get(colour);
  if (!known) {
    // The browser converts (rgb(), oklch(), color(display-p3 …)…): one pixel, once per colour.
    const context = (canvas ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true }));
    if (!context) return [255, 255, 255, 0];
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = colour;
    context.fillRect(0, 0, 1, 1);
    const [r = 255, g = 255, b = 255, a = 0] = context.getImageData(0, 0, 1, 1).data;
    known = [r, g, b, a / 255];
    converted.set(colour, known);
  }
  return known;
}
let canvas: CanvasRenderingContext2D | null | undefined;
const converted = new Map<string, Rgba>();

/** WCAG relative luminance of an sRGB colour (0 black … 1 white). */
export function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
}

/** The element's parent across shadow roots (a slot's host, a shadow root's host). */
function parentOf(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The background `element` is painted on: ancestors' backgrounds blended down to an opaque one. */
export function backgroundBehind(element: Element): [number, number, number] {
  const layers: Rgba[] = [];
  for (let node = parentOf(element); node; node = parentOf(node)) {
    const colour = rgba(getComputedStyle(node).backgroundColor);
    if (colour[3] > 0) layers.push(colour);
    if (colour[3] >= 1) break;
  }
  // Nothing opaque up to <html>: the canvas, white in a page without a declared scheme.
  if (layers.at(-1)?.[3] !== 1) layers.push([255, 255, 255, 1]);
  let [r, g, b] = layers.pop()!;
  for (const [lr, lg, lb, la] of layers.reverse()) {
    r = lr * la + r * (1 - la);
    g = lg * la + g * (1 - la);
    b = lb * la + b * (1 - la);
  }
  return [r, g, b];
}

// Below this luminance, white text has more contrast than black: the background is dark.
const DARK_BELOW = 0.179;

/**
 * The palette an element should take from what it sits on, or `undefined` when the page (or the
 * element's `theme`) declares a scheme, which then decides.
 */
export function schemeFromBackground(element: HTMLElement): 'light' | 'dark' | undefined {
  const parent = parentOf(element);
  if (element.hasAttribute('theme') || !parent) return undefined;
  const declared = getComputedStyle(parent).colorScheme;
  if (declared && declared !== 'normal') return undefined;
  return luminance(backgroundBehind(element)) < DARK_BELOW ? 'dark' : 'light';
}

const ATTRIBUTE = 'data-va-scheme';

function apply(element: HTMLElement): void {
  const scheme = schemeFromBackground(element);
  if (scheme === 'dark') element.setAttribute(ATTRIBUTE, 'dark');
  else element.removeAttribute(ATTRIBUTE);
}

const watched = new Set<HTMLElement>();
let observer: MutationObserver | undefined;
let system: MediaQueryList | undefined;
let pending = 0;

const recheck = () => {
  if (pending) return;
  pending = requestAnimationFrame(() => {
    pending = 0;
    for (const element of watched) apply(element);
  });
};

/** Chooses the element's palette now, and again whenever the page's colours may have changed. */
export function watchHostColours(element: HTMLElement): void {
  watched.add(element);
  apply(element);
  if (observer) return;
  observer = new MutationObserver(recheck);
  const options = {
    attributes: true,
    attributeFilter: ['class', 'style', 'data-theme', 'data-mode', 'data-color-scheme'],
  };
  observer.observe(document.documentElement, options);
  if (document.body) observer.observe(document.body, options);
  system = matchMedia('(prefers-color-scheme: dark)');
  system.addEventListener('change', recheck);
  // An element upgraded while the page's stylesheets still load: look again once they have.
  if (document.readyState !== 'complete') addEventListener('load', recheck, { once: true });
}

/** Stops watching an element that left the page. */
export function unwatchHostColours(element: HTMLElement): void {
  watched.delete(element);
  if (watched.size || !observer) return;
  observer.disconnect();
  observer = undefined;
  system?.removeEventListener('change', recheck);
  system = undefined;
}

/** Looks again now (a page that changed its colours some other way can call it). */
export function recheckHostColours(): void {
  for (const element of watched) apply(element);
}
