import { css } from 'lit';

/** Tokens and building blocks shared by every element; each element adds its own layout. */
export const baseStyles = css`
  :host {
    --_fg: var(--va-color-text, #1c1d21);
    --_muted: var(--va-color-muted, #5b5f6b);
    --_bg: var(--va-color-surface, #ffffff);
    --_border: var(--va-color-border, #d5d7de);
    --_accent: var(--va-color-accent, #3b4ee0);
    --_on-accent: var(--va-color-on-accent, #ffffff);
    --_danger: var(--va-color-danger, #b42318);
    --_success: var(--va-color-success, #067647);
    --_radius: var(--va-radius, 10px);
    --_space: var(--va-space, 1rem);
    display: block;
    color: var(--_fg);
    font-family: var(--va-font-family, system-ui, -apple-system, 'Segoe UI', sans-serif);
    font-size: var(--va-font-size, 1rem);
    line-height: 1.5;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_fg: var(--va-color-text, #eceef3);
      --_muted: var(--va-color-muted, #a9aebb);
      --_bg: var(--va-color-surface, #17181c);
      --_border: var(--va-color-border, #3a3d46);
      --_accent: var(--va-color-accent, #8f9cff);
      --_on-accent: var(--va-color-on-accent, #0d0f1a);
      --_danger: var(--va-color-danger, #ff8a80);
      --_success: var(--va-color-success, #6ee7a8);
    }
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
  h2 {
    font-size: 1.25em;
    margin: 0 0 0.5em;
    line-height: 1.3;
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
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  input {
    box-sizing: border-box;
    width: 100%;
    max-width: 24rem;
    font: inherit;
    padding: 0.6em 0.75em;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
  }
  input[autocomplete='one-time-code'] {
    max-width: 11rem;
    letter-spacing: 0.35em;
    font-variant-numeric: tabular-nums;
    font-size: 1.15em;
  }
  .actions + form {
    margin-top: var(--_space);
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
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin-top: var(--_space);
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: calc(var(--_radius) * 0.6);
    padding: 0.6em 1.1em;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    transition: filter 0.15s ease;
  }
  button:hover {
    filter: brightness(1.08);
  }
  button[disabled] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button.link {
    background: none;
    border-color: transparent;
    color: var(--_accent);
    padding: 0.25em 0.25em;
    text-decoration: underline;
  }
  .spinner {
    display: inline-block;
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
`;
