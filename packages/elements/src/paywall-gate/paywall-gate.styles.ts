import { css } from 'lit';

export const gateStyles = css`
  .notice {
    border-inline-start: 3px solid var(--_accent);
    padding-inline-start: 0.75em;
  }
  .price {
    font-size: 1.5em;
    font-weight: 700;
    margin: 0.25em 0 0.5em;
  }
  .session {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0 0 0.5em;
  }
  .session button {
    font-size: inherit;
  }
  .report {
    margin-top: var(--_space);
    font-size: 0.9em;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    overflow-wrap: anywhere;
  }
`;
