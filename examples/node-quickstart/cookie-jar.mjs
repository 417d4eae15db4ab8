/**
 * A minimal cookie jar for Node: wraps fetch so the session cookie set by verify is sent on the
 * following requests, as a browser would. (In a browser the SDK's `credentials: 'include'` does this.)
 */
export function fetchWithCookies(baseFetch = globalThis.fetch) {
  const jar = new Map();
  const wrapped = async (input, init) => {
    const request = new Request(input, init);
    if (jar.size > 0) request.headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await baseFetch(request);
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  wrapped.jar = jar;
  return wrapped;
}
