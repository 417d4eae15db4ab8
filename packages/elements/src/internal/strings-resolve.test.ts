import { describe, expect, it } from 'vitest';
import { defaultStrings, resolveStrings } from './strings-all.js';
import { signInStrings } from './strings-later.js';
import { fill, formatWait, registerStrings, resolveIn } from './strings.js';

describe('strings', () => {
  it('resolves overrides, then the exact tag, then the base language, then English', () => {
    registerStrings('pt', { retry: 'Tentar de novo', signIn: 'Entrar' });
    registerStrings('pt-BR', { retry: 'Tentar novamente' });
    const s = resolveStrings('pt-BR', { signOut: 'Sair' });
    expect(s.retry).toBe('Tentar novamente');
    expect(s.signIn).toBe('Entrar');
    expect(s.signOut).toBe('Sair');
    expect(s.checking).toBe('Checking your access…');
  });

  it("keeps every English default under the English a host registers, and in each element's own set", () => {
    registerStrings('en', { retry: 'Again' });
    try {
      expect(resolveStrings('en-GB')).toEqual({ ...defaultStrings, retry: 'Again' });
      // An element resolves over its own English strings only: the gate's (with its later states') has no list strings.
      const gate = resolveIn(signInStrings, 'en');
      expect(gate.retry).toBe('Again');
      expect(gate.signIn).toBe('Sign in');
      expect('listHeading' in gate).toBe(false);
    } finally {
      registerStrings('en', { retry: defaultStrings.retry });
    }
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('Buy for {price} {missing}', { price: '$19.00' })).toBe('Buy for $19.00 {missing}');
  });
});

describe('waits read in the unit a person reads', () => {
  const s = resolveStrings('en');
  it.each([
    [1, '1 s'],
    [42, '42 s'],
    [89, '89 s'],
    [90, '2 min'],
    [899, '15 min'],
    [900, '15 min'],
  ])('%s s → %s', (seconds, text) => {
    // A no-break space keeps "15 min" on one line.
    expect(formatWait(seconds, s)).toBe(text.replace(' ', '\u00a0'));
  });
});
