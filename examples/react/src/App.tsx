// Typed JSX for the elements comes with the package: one type-only import, once per project.
import type {} from '@visitor-access/elements/react';
import type { GateStateName, VaAccessGrantedEvent, VaErrorEvent } from '@visitor-access/elements';
import { useState } from 'react';

type Theme = 'light' | 'dark';

export function App() {
  const [unlocked, setUnlocked] = useState<string[]>([]);
  const [gateState, setGateState] = useState<GateStateName>('checking');
  const [lastError, setLastError] = useState<string>();
  const [theme, setTheme] = useState<Theme>(() =>
    matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  );

  const onGranted = (event: VaAccessGrantedEvent) =>
    setUnlocked((titles) => (titles.includes(event.detail.page.title) ? titles : [...titles, event.detail.page.title]));
  const onError = (event: VaErrorEvent) =>
    setLastError(`${event.detail.code} (${event.detail.requestId ?? 'no request'})`);

  return (
    // The app's theme is a class, which the elements cannot see: `theme` tells them.
    <main className={`app ${theme}`}>
      <header>
        <h1>Gharart × React</h1>
        <button type="button" className="theme-toggle" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>
          {theme === 'dark' ? 'Light' : 'Dark'} theme
        </button>
        <visitor-session theme={theme} onva-error={onError} />
      </header>

      <p data-testid="react-state">
        React state — gate: <strong>{gateState}</strong>; unlocked:{' '}
        <strong>{unlocked.join(', ') || 'nothing yet'}</strong>
        {lastError && <span> — last error: {lastError}</span>}
      </p>

      {/* `src`: the lesson is not in the bundle; the gate fetches it once the visitor has access,
          and the server checks again (vite.config.ts). `strings` is an object: React 19 sets it as
          a property because the element has one. */}
      <paywall-gate
        handle="gharart"
        page="masterclass"
        src="/lessons/masterclass.html"
        theme={theme}
        strings={{ buy: 'Unlock for {price}' }}
        onva-state-change={(event) => setGateState(event.detail.state)}
        onva-access-granted={onGranted}
        onva-error={onError}
      >
        <p slot="preview">Block printing masterclass: eight lessons, from the first cut to a full edition.</p>
      </paywall-gate>

      <group-buy-card handle="gharart" slug="spring-bundle" theme={theme} onva-error={onError} />
      <visitor-access-list theme={theme} onva-error={onError} />
    </main>
  );
}
