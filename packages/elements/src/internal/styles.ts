import { css } from 'lit';

// Shared by every element; each adds its own layout (decision 0052).
//
// - Colour scheme: the host page's, not the OS's. `light-dark()` resolves against the element's
//   used `color-scheme`, which it inherits from the page: `color-scheme: dark` is dark; `light
//   dark` follows the system; none declared follows the background the element sits on
//   (`host-colours.ts`, decision 0123). `theme` on the element overrides.
// - Fonts are the page's (inherited); sizes and spacing are in `em`, so a page's `html { font-size:
//   62.5% }` scales nothing by surprise.
// - Inherited text properties a page may set globally (centring, capitals, spacing, nowrap) are
//   reset on the elements' own boxes, not on the host: a page rule such as `* { … }` or a reset
//   with `all: unset` reaches the host element (and wins over :host), never the shadow tree.
//   Slotted content keeps the page's styles.
export const baseStyles = css`
  :host {
    --_fg: var(--va-color-text, light-dark(#1c1d21, #eceef3));
    --_muted: var(--va-color-muted, light-dark(#575c68, #a9aebb));
    --_bg: var(--va-color-surface, light-dark(#ffffff, #17181c));
    --_field: var(--va-color-field, light-dark(#ffffff, #0f1013));
    --_border: var(--va-color-border, light-dark(#c9ccd5, #3a3d46));
    --_accent: var(--va-color-accent, light-dark(#3b4ee0, #8f9cff));
    --_on-accent: var(--va-color-on-accent, light-dark(#ffffff, #0d0f1a));
    --_danger: var(--va-color-danger, light-dark(#b42318, #ff8a80));
    --_success: var(--va-color-success, light-dark(#067647, #6ee7a8));
    --_radius: var(--va-radius, 0.625em);
    --_space: var(--va-space, 1em);
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    font-family: var(--va-font-family, inherit);
    font-size: var(--va-font-size, inherit);
  }
  .panel,
  .row,
  .session,
  .ui {
    color: var(--_fg);
    font-style: normal;
    font-weight: 400;
    line-height: 1.5;
    text-align: start;
    text-transform: none;
    text-indent: 0;
    text-shadow: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    overflow-wrap: break-word;
    visibility: inherit;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  /* No scheme declared by the page, but a dark background under the element (decision 0123). */
  :host([data-va-scheme='dark']:not([theme])) {
    color-scheme: dark;
  }
  /* Text outside a panel sits on a surface of its own, so it keeps its contrast on any host
     background (a mid-grey one has no text colour with AA contrast for both palettes). */
  .surface {
    background: var(--_bg);
    border-radius: calc(var(--_radius) * 0.6);
    padding: 0.35em 0.75em;
    width: fit-content;
    max-width: 100%;
  }
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --_fg: var(--va-color-text, #1c1d21);
      --_muted: var(--va-color-muted, #575c68);
      --_bg: var(--va-color-surface, #ffffff);
      --_field: var(--va-color-field, #ffffff);
      --_border: var(--va-color-border, #c9ccd5);
      --_accent: var(--va-color-accent, #3b4ee0);
      --_on-accent: var(--va-color-on-accent, #ffffff);
      --_danger: var(--va-color-danger, #b42318);
      --_success: var(--va-color-success, #067647);
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .panel {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5);
  }
  .stack {
    max-width: 36em;
  }
  /* A loading state drawn over an invisible copy of the state that usually follows, so the page
     does not move when it comes (decision 0152). */
  .reserve {
    display: grid;
  }
  .reserve > * {
    grid-area: 1 / 1;
  }
  .placeholder {
    visibility: hidden;
  }
  .stack > button.primary {
    width: 100%;
    margin-top: calc(var(--_space) * 0.25);
  }
  h2 {
    font-size: 1.25em;
    font-weight: 700;
    margin: 0 0 0.4em;
    line-height: 1.3;
    color: inherit;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  p {
    margin: 0 0 0.75em;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .error {
    color: var(--_danger);
  }
  .notice {
    border-inline-start: 3px solid var(--_accent);
    padding-inline-start: 0.75em;
  }
  /* Messages longer than a line: the page's text colour, marked by a coloured edge. */
  .notice.error,
  .alert {
    color: var(--_fg);
    border-inline-start: 3px solid var(--_danger);
    padding-inline-start: 0.75em;
  }
  .email {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  h2.quiet {
    display: flex;
    align-items: center;
    font-size: 1em;
    font-weight: 400;
    color: var(--_muted);
    margin: 0;
  }
  .price {
    font-size: 1.75em;
    font-weight: 700;
    line-height: 1.2;
    margin: 0 0 0.3em;
    font-variant-numeric: tabular-nums;
  }
  .lead {
    font-weight: 600;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.35em;
  }
  input {
    display: block;
    width: 100%;
    min-height: 2.75em;
    margin: 0;
    font: inherit;
    line-height: 1.25;
    padding: 0.6em 0.75em;
    color: var(--_fg);
    background: var(--_field);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    appearance: none;
  }
  input[autocomplete='one-time-code'] {
    max-width: 10em;
    letter-spacing: 0.3em;
    font-variant-numeric: tabular-nums;
    font-size: 1.15em;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  input:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .field {
    margin-bottom: var(--_space);
  }
  .field .error {
    margin: 0.35em 0 0;
    font-size: 0.9em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em 1.25em;
    align-items: center;
    margin-top: var(--_space);
  }
  .after {
    margin: 0.75em 0 0;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.75em;
    max-width: 100%;
    margin: 0;
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    text-align: center;
    overflow-wrap: anywhere;
    cursor: pointer;
    border-radius: calc(var(--_radius) * 0.6);
    padding: 0.6em 1.1em;
    border: 1px solid var(--_border);
    background: transparent;
    color: var(--_fg);
    transition: filter 0.15s ease;
  }
  button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  form button.primary {
    width: 100%;
  }
  button:hover {
    filter: brightness(1.08);
  }
  button[disabled] {
    cursor: not-allowed;
    opacity: 0.65;
  }
  button.link {
    display: inline;
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .spinner {
    display: inline-block;
    flex: none;
    width: 1em;
    height: 1em;
    border: 2px solid var(--_border);
    border-top-color: var(--_accent);
    border-radius: 50%;
    vertical-align: -0.15em;
    margin-inline-end: 0.5em;
    animation: va-spin 0.8s linear infinite;
  }
  @keyframes va-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-top-color: var(--_border);
    }
    button {
      transition: none;
    }
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .report {
    margin-top: calc(var(--_space) * 1.25);
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
    font-size: 0.9em;
  }
  .report p {
    margin: 0 0 0.5em;
  }
  .report p:last-child {
    margin: 0;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    overflow-wrap: anywhere;
  }
`;
