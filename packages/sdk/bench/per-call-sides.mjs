// The sides of the per-call bench, the same in Node and in Chromium: the same access check sent by
// a bare fetch (the floor), by ky alone with the SDK's defaults, and by the SDK's two entries.

/** The calls, each one request and its JSON read. */
export function calls({ base, ky, createClient, createLiteClient }) {
  const url = `${base}/v2/public/pages/gharart/masterclass/access-check`;
  const init = { method: 'POST', headers: { accept: 'application/json' }, credentials: 'include' };
  const kyClient = ky.create({ credentials: 'include', timeout: 10_000 });
  const sdk = createClient({ baseUrl: base, sessionChannel: false });
  const lite = createLiteClient({ baseUrl: base, sessionChannel: false });
  return {
    'bare fetch': async () => {
      const response = await fetch(url, init);
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    },
    'ky alone': async () => (await kyClient(url, { method: 'post', headers: { accept: 'application/json' } })).json(),
    'sdk (validating)': () => sdk.pages.checkAccess('gharart', 'masterclass'),
    'sdk/lite': () => lite.pages.checkAccess('gharart', 'masterclass'),
  };
}

/**
 * Interleaved rounds: each round times a batch of sequential calls per side, the sides in a rotated
 * order, so that machine noise and drift hit every side alike. Returns per side the median time per
 * call and the median of the per-round ratios to the first side (bare fetch).
 */
export async function interleave(fns, { rounds = 40, batch = 25, gc } = {}) {
  const names = Object.keys(fns);
  const time = async (fn) => {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) await fn();
    return performance.now() - t0;
  };
  for (const fn of Object.values(fns)) await time(fn); // warm-up
  const sides = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(r + i) % names.length];
      gc?.();
      sides[name].push(await time(fns[name]));
    }
  }
  const median = (a) => {
    const s = [...a].sort((x, y) => x - y);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const quantile = (a, q) => [...a].sort((x, y) => x - y)[Math.round(q * (a.length - 1))];
  const base = sides[names[0]];
  return Object.fromEntries(
    names.map((n) => {
      const ratios = sides[n].map((t, i) => t / base[i]);
      return [
        n,
        {
          msPerCall: median(sides[n]) / batch,
          ratio: median(ratios),
          // The middle half of the per-round ratios: how much the machine's noise moved them.
          spread: [quantile(ratios, 0.25), quantile(ratios, 0.75)],
        },
      ];
    }),
  );
}
