/**
 * The answers the core builds itself from bytes it holds (the proxy's answers, the error envelopes)
 * keep those bytes here, so that an adapter may send them without reading the `Response`'s stream
 * back (the Node adapter does). Web standards only: a `WeakMap`, nothing kept past the `Response`.
 */
const FIXED = new WeakMap<Response, Uint8Array<ArrayBuffer> | string | null>();

/** A `Response` with a body known up front, remembered as such. */
export function fixedResponse(body: Uint8Array<ArrayBuffer> | string | null, init: ResponseInit): Response {
  const response = new Response(body, init);
  FIXED.set(response, body);
  return response;
}

/**
 * The body a `Response` was built with by {@link fixedResponse}, while its stream is untouched;
 * `undefined` for any other `Response` (or one whose body was read or locked since).
 */
export function fixedBodyOf(response: Response): Uint8Array<ArrayBuffer> | string | null | undefined {
  if (!FIXED.has(response) || response.bodyUsed || response.body?.locked) return undefined;
  return FIXED.get(response);
}
