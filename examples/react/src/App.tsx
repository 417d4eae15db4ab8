// Typed JSX for the elements comes with the package: one type-only import, once per project.
import type {} from '@visitor-access/elements/react';
import type { VaAccessGrantedEvent, VaErrorEvent } from '@visitor-access/elements';
import { useState } from 'react';

export function App() {
  const [unlocked, setUnlocked] = useState<string[]>([]);
  const [gateState, setGateState] = useState('checking');
  const [lastError, setLastError] = useState<string>();

  const onGranted = (event: VaAccessGrantedEvent) =>
    setUnlocked((titles) => (titles.includes(event.detail.page.title) ? titles : [...titles, event.detail.page.title]));
  const onError = (event: VaErrorEvent) =>
    setLastError(`${event.detail.code} (${event.detail.requestId ?? 'no request'})`);

  return (
    <main style={{ maxWidth: 720, margin: '2rem auto', fontFamily: 'system-ui, sans-serif', padding: '0 1rem' }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '1rem' }}>
        <h1 style={{ fontSize: '1.4rem' }}>Gharart × React</h1>
        <visitor-session onva-error={onError} />
      </header>

      <p data-testid="react-state">
        React state — gate: <strong>{gateState}</strong>; unlocked:{' '}
        <strong>{unlocked.join(', ') || 'nothing yet'}</strong>
        {lastError && <span> — last error: {lastError}</span>}
      </p>

      {/* `strings` is an object: React 19 sets it as a property because the element has one. */}
      <paywall-gate
        handle="gharart"
        page="masterclass"
        strings={{ buy: 'Unlock for {price}' }}
        onva-state-change={(event) => setGateState(event.detail.state)}
        onva-access-granted={onGranted}
        onva-error={onError}
      >
        <p slot="preview">Block printing masterclass: eight lessons, from the first cut to a full edition.</p>
        <p>Thank you for buying. Your lessons are in your account.</p>
      </paywall-gate>

      <group-buy-card handle="gharart" slug="spring-bundle" style={{ marginTop: '1.5rem' }} />
      <visitor-access-list style={{ display: 'block', marginTop: '1.5rem' }} />
    </main>
  );
}
