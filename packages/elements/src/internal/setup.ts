import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { fill } from './strings.js';
import type { Strings } from './strings.js';

// An element that cannot talk to the API at all (no API address, or one that is not an address)
// says so in its own box within a second, naming the attribute to fix, instead of a spinner that
// never ends (decision 0122).

/** Why an element has no client: the attribute to fix and, when it was set, its value. */
export interface SetupProblem {
  attribute: 'api-base' | 'data-api-base';
  /** The value that is not an API address; absent when no address was given at all. */
  value?: string | undefined;
}

/**
 * Whether a value can be an API base: an absolute http(s) URL, or a path on this site (`/api`,
 * for a same-site proxy). A bare host name (`api.example.com`) is a typo, not a path.
 *
 * @example
 * ```ts
 * isApiBase('https://api.example.com'); // true
 * isApiBase('api.example.com'); // false
 * ```
 */
export function isApiBase(value: string): boolean {
  if (!/^(https?:\/\/[^/\s]+|\/)/i.test(value.trim())) return false;
  try {
    const url = new URL(value.trim(), globalThis.location?.href ?? 'http://localhost/');
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The sentence that names what to fix. */
export function setupMessage(s: Strings, problem: SetupProblem): string {
  return problem.value === undefined
    ? s.setupMissing
    : fill(s.setupInvalid, { attribute: problem.attribute, value: problem.value });
}

/** The error box of an element that is not set up (the gate shows it as its `error` state). */
export function setupError(s: Strings, problem: SetupProblem): TemplateResult {
  return html`<section part="panel state state-error" class="panel stack" role="alert">
    <h2 part="heading">${s.setupHeading}</h2>
    <p part="error" class="alert">${setupMessage(s, problem)}</p>
  </section>`;
}
