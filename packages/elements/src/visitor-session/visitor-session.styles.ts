import { css } from 'lit';

export const sessionStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    align-self: center;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
    margin: 0;
  }
  .row span {
    overflow-wrap: anywhere;
  }
  /* Its own background: legible on any header (decision 0123), without a box around a box. */
  button.compact {
    background: var(--_bg);
    min-height: 2.25em;
    padding: 0.35em 0.9em;
  }
  dialog {
    width: min(26em, calc(100vw - 2em));
    max-height: calc(100dvh - 2em);
    margin: auto;
    box-shadow: 0 1em 3em rgb(0 0 0 / 0.3);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  button.close {
    position: absolute;
    inset-block-start: 0.6em;
    inset-inline-end: 0.8em;
    font-size: 1.5em;
    line-height: 1;
    text-decoration: none;
    color: var(--_muted);
  }
  dialog h2 {
    padding-inline-end: 1.5em;
  }
`;
