import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize.js';

const clean = (html: string) => {
  const div = document.createElement('div');
  div.append(sanitizeHtml(html, 'https://creator.example/content/lesson.html'));
  return div.innerHTML;
};

describe('sanitizeHtml', () => {
  it('keeps text structure and safe attributes', () => {
    expect(clean('<h2 title="t">Hi</h2><p>a <strong>b</strong></p>')).toBe(
      '<h2 title="t">Hi</h2><p>a <strong>b</strong></p>',
    );
  });

  it('drops scripts, styles, iframes, forms and event handlers', () => {
    const out = clean(
      '<p onclick="x()">ok</p><script>x()</script><style>p{}</style><iframe src="https://e.example"></iframe><form><input></form><img src="a.png" onerror="x()">',
    );
    expect(out).not.toMatch(/script|style|iframe|form|input|onclick|onerror/);
    expect(out).toContain('<p>ok</p>');
    expect(out).toContain('<img src="https://creator.example/content/a.png">');
  });

  it('removes javascript: and data: URLs and makes links safe', () => {
    const out = clean(
      '<a href="javascript:alert(1)">x</a><a href="/next">next</a><img src="data:image/svg+xml,<svg/>">',
    );
    expect(out).toContain('<a>x</a>');
    expect(out).toContain('<a href="https://creator.example/next" rel="noopener noreferrer">next</a>');
    expect(out).not.toContain('data:');
  });

  it('drops id and name, so the fragment cannot clobber the host page’s globals (DOM clobbering)', () => {
    expect(
      clean('<h2 id="intro" class="lead">Hi</h2><img name="cookie" src="a.png"><a id="defaultView" href="/x">x</a>'),
    ).toBe(
      '<h2 class="lead">Hi</h2><img src="https://creator.example/content/a.png"><a href="https://creator.example/x" rel="noopener noreferrer">x</a>',
    );
    const host = document.createElement('div');
    host.append(
      sanitizeHtml('<img id="vaClobbered" src="a.png"><a id="vaClobbered2" name="vaClobbered3">x</a>', location.href),
    );
    document.body.append(host);
    try {
      expect('vaClobbered' in window).toBe(false);
      expect('vaClobbered2' in window).toBe(false);
      expect('vaClobbered3' in document).toBe(false);
    } finally {
      host.remove();
    }
  });

  it('unwraps unknown harmless elements but keeps their text', () => {
    expect(clean('<custom-thing><em>kept</em></custom-thing>')).toBe('<em>kept</em>');
  });
});
