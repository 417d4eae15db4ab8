// Reading what a request sends: the JSON-only rule for writes, bounded bodies, and validation against the
// contract's schemas with the contract's one formatter (the SDK reports the same mistake the same way).
import type * as z from 'zod/mini';
import { validationFailure } from '@visitor-access/contract';
import { error, type Answering } from './respond.js';

/** Whether a method writes (and so takes JSON only, an Idempotency-Key and the store's lock). */
export const isWrite = (method: string) => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';

/**
 * Writes take JSON only (product-spec.md): a `Content-Type` other than `application/json`, or a body
 * without one, answers 415. A page on another site can then not reach a write with a "simple"
 * cross-site request (text/plain, a form post), which a browser sends without asking first.
 */
export function jsonOnly(ctx: Answering, request: Request): Response | undefined {
  const type = request.headers.get('content-type');
  if (type === null) {
    const length = request.headers.get('content-length');
    const hasBody = request.headers.has('transfer-encoding') || (length !== null && length !== '0');
    return hasBody ? unsupported(ctx) : undefined;
  }
  const media = type.split(';')[0]!.trim().toLowerCase();
  return media === 'application/json' ? undefined : unsupported(ctx);
}

const unsupported = (ctx: Answering) =>
  error(ctx, 'unsupported_media_type', 'Send the request body as JSON, with "Content-Type: application/json".');

/** The largest request body the mock reads (product-spec.md: bodies are small JSON). */
export const MAX_BODY_BYTES = 64 * 1024;

/** The 413 answer to a body over {@link MAX_BODY_BYTES}. */
export const tooLarge = (ctx: Answering) => error(ctx, 'payload_too_large', 'The request body is larger than 64 KiB.');

/**
 * The request's body stream, or null. The Node server's request builds its body from the connection
 * when first asked: a client that has hung up by then (after a `latency` fault, say) has left none,
 * and asking throws (Node 20 and 22; on Node 24 reading it fails instead). No body to read, then:
 * the answer goes nowhere anyway.
 */
function bodyOf(request: Request): ReadableStream<Uint8Array> | null {
  try {
    return request.body;
  } catch {
    return null;
  }
}

/**
 * Reads the request body as text, bounded to 64 KiB: a `Content-Length` over the limit is refused before
 * a byte is read, and a stream (chunked) is read only until it passes the limit, then cancelled. Nothing
 * beyond the limit is ever held in memory.
 */
export async function readText(ctx: Answering, request: Request): Promise<string | Response> {
  const length = request.headers.get('content-length');
  const declared = Number(length ?? '0');
  // No body announced (and not chunked): nothing to read, and not touching the stream is much cheaper.
  const unannounced = (length === null || declared === 0) && !request.headers.has('transfer-encoding');
  if (unannounced && length !== null) return '';
  if (declared > MAX_BODY_BYTES) return tooLarge(ctx);
  const body = bodyOf(request);
  if (body === null) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > MAX_BODY_BYTES) {
        void reader.cancel().catch(() => undefined);
        return tooLarge(ctx);
      }
      chunks.push(value);
    }
  } catch {
    // A body nobody announced that cannot be read is none: the Node server's request reads it from a
    // connection its client has closed (after a `latency` fault, say), and the answer goes nowhere.
    if (unannounced && total === 0) return '';
    return error(ctx, 'invalid_request', 'The request body could not be read.');
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Validates a value (params, query, parsed body) against a schema: the value, or the 400 answer. */
export function validate<S extends z.ZodMiniType>(ctx: Answering, value: unknown, schema: S): z.output<S> | Response {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { code, message, details } = validationFailure(result.error.issues);
  return error(ctx, code, message, { details });
}

/** Parses body text as JSON and validates it; an empty body is `undefined` (for optional bodies). */
export function parseBody<S extends z.ZodMiniType>(ctx: Answering, text: string, schema: S): z.output<S> | Response {
  let value: unknown = undefined;
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      return error(ctx, 'invalid_request', 'The request body is not valid JSON.');
    }
  }
  return validate(ctx, value, schema);
}
