import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { withEmail } from './templates.js';

/** The address's pieces between line-break opportunities, as rendered. */
function pieces(email: string): string[] {
  const box = document.createElement('p');
  render(withEmail('Sent to {email}.', email, true), box);
  const span = box.querySelector('span.email')!;
  const out: string[] = [''];
  for (const node of span.childNodes) {
    if (node.nodeName === 'WBR') out.push('');
    else if (node.nodeType === Node.TEXT_NODE) out[out.length - 1] += node.textContent ?? '';
  }
  expect(box.textContent).toBe(`Sent to ${email}.`);
  return out;
}

describe('withEmail: where a long address may break', () => {
  it('before the @ and the dots of the domain; a short name stays whole', () => {
    expect(pieces('maria.fernandez+10@example.com')).toEqual(['maria.fernandez+10', '@example', '.com']);
    expect(pieces('jon@mail.example.co.uk')).toEqual(['jon', '@mail', '.example', '.co', '.uk']);
  });

  it('a name over 20 characters may break before its dots too', () => {
    expect(pieces('maria.fernandez.gonzalez+ja@example.com')).toEqual([
      'maria',
      '.fernandez',
      '.gonzalez+ja',
      '@example',
      '.com',
    ]);
  });

  it('an odd value without an @ is shown as it is', () => {
    expect(pieces('not-an-address')).toEqual(['not-an-address']);
  });
});
