import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { sleep } from './sleep.js';

describe('sleep', () => {
  it('resolves after the wait', async () => {
    const start = performance.now();
    await expect(sleep(20)).resolves.toBeUndefined();
    expect(performance.now() - start).toBeGreaterThanOrEqual(15);
  });

  it('leaves no listener on a long-lived signal, however many waits ended on it', async () => {
    const life = new AbortController();
    await Promise.all(Array.from({ length: 50 }, () => sleep(1, life.signal)));
    for (let i = 0; i < 50; i++) await sleep(0, life.signal);
    expect(getEventListeners(life.signal, 'abort')).toHaveLength(0);
  });

  it('rejects with the reason as soon as the signal aborts, and removes its listener then too', async () => {
    const stop = new AbortController();
    const waiting = sleep(60_000, stop.signal);
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(1);
    const reason = new Error('gave up');
    stop.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
  });

  it('rejects at once on a signal that has aborted already', async () => {
    const reason = new Error('already');
    await expect(sleep(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });
});
