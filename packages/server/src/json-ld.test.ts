import { describe, expect, it } from 'vitest';
import { jsonForScript, jsonLdScript, paywalledContentJsonLd, paywalledContentScript } from './index.js';

describe('paywalledContentJsonLd', () => {
  it('is Google’s paywalled-content structured data, naming the gate’s class by default', () => {
    expect(paywalledContentJsonLd({ url: 'https://example.com/masterclass', name: 'Masterclass' })).toEqual({
      '@context': 'https://schema.org',
      '@type': 'WebPage',
      url: 'https://example.com/masterclass',
      name: 'Masterclass',
      isAccessibleForFree: false,
      hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.paywall-gate' },
    });
  });

  it('takes several class selectors, an article type (with headline) and a description', () => {
    const data = paywalledContentJsonLd({
      type: ['Article', 'LearningResource'],
      name: 'Lesson',
      description: 'About block printing',
      selector: ['.lesson-1', '.lesson-2'],
    });
    expect(data).toMatchObject({
      '@type': ['Article', 'LearningResource'],
      headline: 'Lesson',
      description: 'About block printing',
    });
    expect(data.hasPart).toEqual([
      { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.lesson-1' },
      { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.lesson-2' },
    ]);
  });

  it.each(['paywall-gate', '#gate', '.a .b', '.a,.b', 'div.x', '', '.</script>'])(
    'refuses %j: Google reads class selectors only',
    (selector) => {
      expect(() => paywalledContentJsonLd({ selector })).toThrow(/class selectors/);
    },
  );
});

describe('the <script> element', () => {
  it('cannot be closed or commented by any value', () => {
    const html = paywalledContentScript({ name: '</script><script>alert(1)</script><!-- & \u2028' });
    expect(html.startsWith('<script type="application/ld+json">')).toBe(true);
    expect(html.endsWith('</script>')).toBe(true);
    const inner = html.slice('<script type="application/ld+json">'.length, -'</script>'.length);
    expect(inner).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(inner).name).toBe('</script><script>alert(1)</script><!-- & \u2028');
  });

  it('jsonLdScript and jsonForScript render any data the same way', () => {
    expect(jsonLdScript({ a: '<b>' })).toBe('<script type="application/ld+json">{"a":"\\u003cb\\u003e"}</script>');
    expect(jsonForScript({ a: '&' })).toBe('{"a":"\\u0026"}');
  });
});
