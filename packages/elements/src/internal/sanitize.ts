// A small allowlist sanitiser for the `src` content of <paywall-gate> (decision 0031). The
// creator's fragment is parsed inertly (DOMParser never runs scripts), then rebuilt from allowed
// tags and attributes only: no script, no event handlers, no javascript: URLs, no style, no forms,
// and no `id` or `name`: the fragment lands in the host page's light DOM, where an `id` becomes a
// property of `window` (and `name` of `document`), so a creator's `<img id="config">` could stand in
// for a global the page's own scripts read (DOM clobbering). Decision 0031 weighs DOMPurify.

const TAGS = new Set(
  'a abbr article aside b blockquote br caption cite code dd del details dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li main mark nav ol p picture pre q s section small source span strong sub summary sup table tbody td tfoot th thead time tr u ul audio video track'.split(
    ' ',
  ),
);
const ATTRS = new Set(
  'href src srcset alt title width height colspan rowspan datetime cite lang dir controls poster kind label srclang type loading decoding start reversed open class'.split(
    ' ',
  ),
);
const URL_ATTRS = new Set(['href', 'src', 'poster', 'cite']);

function safeUrl(value: string, base: string): boolean {
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/**
 * Parses an HTML fragment and returns a sanitised copy (a DocumentFragment of allowed nodes).
 * Relative URLs resolve against `base` (the fragment's own URL).
 *
 * @example
 * ```ts
 * sanitizeHtml('<p onclick="x()">Hi<script>x()</script></p>', location.href); // <p>Hi</p>
 * ```
 */
export function sanitizeHtml(source: string, base: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${source}`, 'text/html');
  const out = document.createDocumentFragment();
  const copy = (from: Node, to: Node) => {
    for (const child of Array.from(from.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        to.appendChild(document.createTextNode(child.textContent ?? ''));
      } else if (child instanceof Element) {
        const tag = child.localName;
        if (!TAGS.has(tag)) {
          // Drop dangerous elements with their content; unwrap unknown harmless ones.
          if (
            !/^(script|style|template|iframe|object|embed|noscript|form|input|button|select|textarea|svg|math|link|meta|base)$/.test(
              tag,
            )
          ) {
            copy(child, to);
          }
          continue;
        }
        const el = document.createElement(tag);
        for (const attr of Array.from(child.attributes)) {
          const name = attr.name.toLowerCase();
          if (!ATTRS.has(name) && !name.startsWith('aria-')) continue;
          if (URL_ATTRS.has(name)) {
            if (!safeUrl(attr.value, base)) continue;
            el.setAttribute(name, new URL(attr.value, base).href);
          } else if (name === 'srcset') {
            continue; // too easy to get wrong for too little gain
          } else el.setAttribute(name, attr.value);
        }
        if (tag === 'a' && el.hasAttribute('href')) el.setAttribute('rel', 'noopener noreferrer');
        copy(child, el);
        to.appendChild(el);
      }
    }
  };
  copy(parsed.body, out);
  return out;
}
