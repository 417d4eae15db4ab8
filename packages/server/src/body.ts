/**
 * The largest request body the proxy forwards: 64 KiB. Larger is 413 `payload_too_large`.
 *
 * @example
 * ```ts
 * MAX_BODY_BYTES; // 65536
 * ```
 */
export const MAX_BODY_BYTES = 64 * 1024;

/** A request body read up to the limit, or why it was not. */
export type BodyRead =
  { ok: true; body: Uint8Array<ArrayBuffer> | undefined } | { ok: false; reason: 'too_large' | 'timeout' };

/**
 * Reads a request body chunk by chunk, stopping (and cancelling the stream) as soon as it passes
 * `limit` bytes or `timeoutMs` passes — a declared `Content-Length` over the limit is refused before
 * a byte is read. A body is never read whole when it is too large.
 */
export async function readLimitedBody(request: Request, limit: number, timeoutMs: number): Promise<BodyRead> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) {
    await request.body?.cancel().catch(() => {});
    return { ok: false, reason: 'too_large' };
  }
  if (request.body === null) return { ok: true, body: undefined };
  const reader = request.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timedOut]);
      if (next === 'timeout') {
        void reader.cancel().catch(() => {});
        return { ok: false, reason: 'timeout' };
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limit) {
        void reader.cancel().catch(() => {});
        return { ok: false, reason: 'too_large' };
      }
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  if (chunks.length === 1) return { ok: true, body: chunks[0] };
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, body };
}
