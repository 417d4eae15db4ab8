// The in-page half of the engine-neutral locators. It is kept as source text, not as a function,
// because every driver sends it as a script string anyway, and a bundler's helpers (esbuild's
// `__name` under tsx) must not leak into code that runs in the page.
//
// It finds elements the way a person does: by role and accessible name, by label, or by visible
// text, through open shadow roots (the elements render into theirs). It is deliberately small:
// roles and names are computed for the controls these pages use (buttons, links, text fields,
// headings), which is all the journeys need; a query it cannot answer finds nothing, it never
// guesses.

/** What to find. `name` and `text` match as a case-insensitive substring, or as a regular expression. */
export interface Query {
  role?: 'button' | 'link' | 'textbox' | 'heading' | 'alert' | 'status' | 'cell';
  /** Accessible name (role queries) or the text of a `<label>` (`role: 'textbox'`). */
  name?: string | RegExp;
  /** Visible text of the smallest element that contains it. */
  text?: string | RegExp;
  /** Search only inside the first visible element matching this CSS selector (and its shadow root). */
  within?: string;
}

/** A query as it travels to the page (regular expressions as source and flags). */
export interface WireQuery {
  role?: string;
  name?: { source: string; flags: string };
  text?: { source: string; flags: string };
  within?: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function toWire(query: Query): WireQuery {
  const pattern = (p: string | RegExp | undefined) =>
    p === undefined
      ? undefined
      : typeof p === 'string'
        ? { source: escape(p), flags: 'i' }
        : { source: p.source, flags: p.flags };
  return { role: query.role, name: pattern(query.name), text: pattern(query.text), within: query.within };
}

export function describeQuery(query: Query): string {
  return [
    query.role && `role=${query.role}`,
    query.name !== undefined && `name=${String(query.name)}`,
    query.text !== undefined && `text=${String(query.text)}`,
    query.within && `within ${query.within}`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** `(query) => Element[]`, visible matches in document order. */
export const FINDER_SOURCE = String.raw`(function vaFindAll(q) {
  var norm = function (s) { return (s || '').replace(/\s+/g, ' ').trim(); };
  var re = function (p) { return p ? new RegExp(p.source, p.flags) : null; };
  var nameRe = re(q.name), textRe = re(q.text);
  var visible = function (el) {
    if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true, opacityProperty: false });
    var r = el.getClientRects(); return r.length > 0;
  };
  // Every element of a tree, descending into open shadow roots, in document order.
  var all = function (root, out) {
    var kids = root.children || [];
    for (var i = 0; i < kids.length; i++) {
      var el = kids[i];
      out.push(el);
      if (el.shadowRoot) all(el.shadowRoot, out);
      all(el, out);
    }
    return out;
  };
  var rootOf = function (el) { return el.getRootNode(); };
  var byId = function (el, id) { var r = rootOf(el); return r.getElementById ? r.getElementById(id) : null; };
  var textOf = function (el) {
    // Text as rendered, slotted light-DOM text included.
    if (el.tagName === 'SLOT') {
      return el.assignedNodes({ flatten: true }).map(function (n) { return n.nodeType === 1 ? textOf(n) : n.textContent; }).join(' ');
    }
    var parts = [];
    var walk = function (n) {
      // A shadow host renders its shadow tree (light children only through slots).
      if (n.shadowRoot) return walk(n.shadowRoot);
      for (var c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) parts.push(c.textContent);
        else if (c.nodeType === 1) {
          if (c.getAttribute('aria-hidden') === 'true' || c.tagName === 'STYLE' || c.tagName === 'SCRIPT' || c.tagName === 'TEMPLATE') continue;
          // A line-break opportunity inside a word (an address breaks before its @ or a dot) joins its neighbours.
          if (c.tagName === 'WBR') { parts.push('\u0000'); continue; }
          if (c.tagName === 'SLOT') parts.push(textOf(c)); else walk(c);
        }
      }
    };
    walk(el);
    return norm(parts.join(' ').replace(/ ?\u0000 ?/g, ''));
  };
  var roleOf = function (el) {
    var explicit = el.getAttribute('role');
    if (explicit) return explicit.split(' ')[0];
    var tag = el.tagName;
    if (tag === 'BUTTON') return 'button';
    if (tag === 'A' && el.hasAttribute('href')) return 'link';
    if (tag === 'TEXTAREA') return 'textbox';
    if (tag === 'INPUT') {
      var t = (el.getAttribute('type') || 'text').toLowerCase();
      if (t === 'submit' || t === 'button' || t === 'reset') return 'button';
      if (['text', 'email', 'tel', 'url', 'search', 'password'].indexOf(t) >= 0) return 'textbox';
      return null;
    }
    if (/^H[1-6]$/.test(tag)) return 'heading';
    if (tag === 'TD') return 'cell';
    if (tag === 'OUTPUT') return 'status';
    return null;
  };
  var nameOf = function (el) {
    var label = el.getAttribute('aria-label');
    if (label) return norm(label);
    var by = el.getAttribute('aria-labelledby');
    if (by) return norm(by.split(/\s+/).map(function (id) { var t = byId(el, id); return t ? textOf(t) : ''; }).join(' '));
    if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') {
      var texts = [];
      if (el.id) {
        var labels = rootOf(el).querySelectorAll('label[for="' + el.id.replace(/"/g, '\\"') + '"]');
        for (var i = 0; i < labels.length; i++) texts.push(textOf(labels[i]));
      }
      var wrap = el.closest('label');
      if (wrap) texts.push(textOf(wrap));
      if (texts.length) return norm(texts.join(' '));
      if (el.type === 'submit' || el.type === 'button') return norm(el.value);
      return norm(el.getAttribute('title') || el.getAttribute('placeholder') || '');
    }
    return textOf(el);
  };
  var scope = document;
  var candidates;
  if (q.within) {
    var hosts = all(document, []).filter(function (el) { return el.matches(q.within) && visible(el); });
    if (!hosts.length) return [];
    candidates = all(hosts[0], []);
    if (hosts[0].shadowRoot) candidates = all(hosts[0].shadowRoot, []).concat(candidates);
  } else {
    candidates = all(scope, []);
  }
  var found = candidates.filter(function (el) {
    if (q.role && roleOf(el) !== q.role) return false;
    if (nameRe && !nameRe.test(nameOf(el))) return false;
    if (textRe && !q.role) {
      if (!textRe.test(textOf(el))) return false;
    }
    return visible(el);
  });
  if (textRe && !q.role) {
    // The smallest elements holding the text: drop any that contain another match.
    found = found.filter(function (el) {
      return !found.some(function (other) { return other !== el && (el.contains(other) || (el.shadowRoot && el.shadowRoot.contains(other))); });
    });
  }
  return found;
})`;
