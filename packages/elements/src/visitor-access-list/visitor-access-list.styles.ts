import { css } from 'lit';

export const listStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: 0.5em 0.75em 0.5em 0;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  th {
    font-size: 0.85em;
    color: var(--_muted);
    font-weight: 600;
  }
  .status-active {
    color: var(--_success);
  }
  .status-refunded,
  .status-revoked {
    color: var(--_danger);
  }
`;
