/**
 * What {@link APIPromise.withResponse} resolves to.
 *
 * @example
 * ```ts
 * const { data, response, requestId }: WithResponse<AccessListResponse> = await client.access.list().withResponse();
 * console.log(response.status, requestId, data.items.length);
 * ```
 */
export interface WithResponse<T> {
  /** The parsed (and, unless disabled, validated) body. */
  data: T;
  /** The raw response; its body has been read. */
  response: Response;
  /** The answer's `x-request-id`. */
  requestId: string | undefined;
}

/**
 * The promise every SDK method returns: await it for the data, or call `withResponse()` for the
 * raw `Response` and the request ID as well. It is a real `Promise` subclass.
 *
 * @example
 * ```ts
 * const access = await client.pages.checkAccess('gharart', 'masterclass');
 * const { data, requestId } = await client.pages.checkAccess('gharart', 'masterclass').withResponse();
 * ```
 */
export class APIPromise<T> extends Promise<T> {
  #responsePromise: Promise<WithResponse<T>>;
  #dataPromise: Promise<T> | undefined;

  constructor(responsePromise: Promise<WithResponse<T>>) {
    // The base promise is a placeholder: then/catch/finally are routed to the real work below.
    super((resolve) => resolve(undefined as T));
    this.#responsePromise = responsePromise;
  }

  // Derived promises (then/catch/finally) are plain Promises, not APIPromises.
  static override get [Symbol.species]() {
    return Promise;
  }

  /** The data together with the raw response and its request ID. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#responsePromise;
  }

  #data(): Promise<T> {
    return (this.#dataPromise ??= this.#responsePromise.then((r) => r.data));
  }

  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#data().then(onfulfilled, onrejected);
  }

  override catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#data().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#data().finally(onfinally);
  }
}
