// The elements use `@visitor-access/sdk/lite`, which does not validate answers (decision 0014), so
// every field an element reads or renders is checked here first (decision 0036). An answer that
// does not fit throws one error, with the code `unexpected_response`, which `describeFailure` maps
// like any unknown code: the element's existing error state, never an exception in the page.

/** The error for an answer an element cannot read, with that answer's request ID. */
const unexpected = (what: string, requestId: string | undefined): Error =>
  Object.assign(new Error(`Unexpected answer from the API (${what})`), { code: 'unexpected_response', requestId });

/**
 * Returns `value` unchanged if every field of `spec` has its type, and throws `unexpected` if not.
 * `spec` is space-separated `path:type`: `path` is dotted (`page.title`) and ends in `?` when the
 * field may be missing; `type` is `string`, `number`, `boolean`, `array` or `url` (an http(s) URL
 * string: the only place an element may send the visitor).
 *
 * @example
 * ```ts
 * read({ url: 'https://x' }, 'url:string sessionId?:string'); // the same object
 * read({}, 'items:array'); // throws
 * ```
 */
export function read<T>(value: T, spec: string, requestId?: string): T {
  for (const field of spec.split(' ')) {
    const [path, type] = field.split(':') as [string, string];
    let v: unknown = value;
    for (const key of path.replace('?', '').split('.')) v = (v as Record<string, unknown> | null | undefined)?.[key];
    const ok =
      type === 'url'
        ? typeof v === 'string' && /^https?:\/\//i.test(v)
        : (Array.isArray(v) ? 'array' : typeof v) === type;
    if (!ok && !(v === undefined && path.endsWith('?'))) throw unexpected(path, requestId);
  }
  return value;
}

/**
 * Awaits an SDK call and {@link read}s its answer; a malformed answer's error carries the request
 * ID of that very answer (not the client's last one, which a concurrent call may have replaced).
 *
 * @example
 * ```ts
 * const { url } = await answer(client.pages.checkout(handle, page, urls), 'url:url');
 * ```
 */
export async function answer<T>(
  call: { withResponse(): Promise<{ data: T; requestId?: string | undefined }> },
  spec: string,
): Promise<T> {
  const { data, requestId } = await call.withResponse();
  return read(data, spec, requestId);
}
