import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { VaErrorEvent } from '../internal/events.js';
import { flow } from '../internal/flow.js';

/** Where the granted content stands: fetched, shown, or failed. */
export type ContentStatus = 'loading' | 'ready' | 'failed' | undefined;

/**
 * The gate's protected content, shown once access is granted: `src` fetched with credentials (and
 * HTML sanitized: the script-tag build loads the sanitizer beside the content, 0151), or a
 * `<template>` child copied out, appended to the gate (light DOM, the default slot).
 */
export class GateContent implements ReactiveController {
  status: ContentStatus;
  #node: HTMLElement | undefined;
  readonly #host: ReactiveControllerHost & HTMLElement;

  readonly #fetch;

  /** `granted()`: whether the content may still be shown when it arrives. */
  constructor(host: ReactiveControllerHost & HTMLElement, granted: () => boolean) {
    this.#host = host;
    host.addController(this);
    this.#fetch = flow(
      host,
      async ([src]: readonly [string], signal) => {
        const [response, { sanitizeHtml }] = await Promise.all([
          fetch(src, { credentials: 'include', headers: { accept: 'text/html, text/plain' }, signal }),
          import('../internal/sanitize.js'),
        ]);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const html = (response.headers.get('content-type') ?? '').includes('text/html');
        return { html, body: await response.text(), sanitizeHtml };
      },
      ({ html, body, sanitizeHtml }, [src]) => {
        if (!granted()) return;
        const node = document.createElement('div');
        if (html) node.append(sanitizeHtml(body, src));
        else node.textContent = body;
        this.#show(node);
      },
      (error) => {
        this.status = 'failed';
        host.dispatchEvent(new VaErrorEvent({ code: 'content_unavailable', message: String(error) }));
      },
    );
  }

  hostConnected(): void {}

  /** Fetches `src` (an absolute URL), or copies out the gate's `<template>` child. */
  load(src: string | undefined): void {
    if (src) {
      this.status = 'loading';
      this.#host.requestUpdate();
      void this.#fetch.run([src]);
      return;
    }
    const template = [...this.#host.children].find(
      (child): child is HTMLTemplateElement => child instanceof HTMLTemplateElement && !child.slot,
    );
    if (template) {
      const node = document.createElement('div');
      node.append(template.content.cloneNode(true));
      this.#show(node);
    }
  }

  /** Access lost: the fetch in flight dropped, the content taken out. */
  remove(): void {
    this.#fetch.abort();
    this.#remove();
  }

  #show(node: HTMLElement): void {
    this.#remove();
    node.setAttribute('data-va-content', '');
    this.#host.append(node);
    this.#node = node;
    this.status = 'ready';
    this.#host.requestUpdate();
  }

  #remove(): void {
    this.#node?.remove();
    this.#node = undefined;
    this.status = undefined;
    this.#host.requestUpdate();
  }
}
