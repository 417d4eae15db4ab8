import { css } from 'lit';

export const listStyles = css`
  /* The container is the list's own box, not the host: a host sized by its content (a flex item)
     then still has a width, and the rows stack in it. */
  .items {
    container-type: inline-size;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: 0.6em 0.75em;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  th:first-child,
  td:first-child {
    padding-inline-start: 0;
  }
  th:last-child,
  td:last-child {
    padding-inline-end: 0;
  }
  th {
    font-size: 0.85em;
    color: var(--_muted);
    font-weight: 600;
  }
  td.title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .status-active {
    color: var(--_success);
  }
  .status-refunded,
  .status-revoked {
    color: var(--_danger);
  }
  /* Narrow: each row is a small card, its cells labelled ("Status: Active"). */
  @container (max-width: 36em) {
    thead {
      display: none;
    }
    table,
    tbody,
    tr,
    td {
      display: block;
    }
    tr {
      padding: 0.6em 0;
      border-bottom: 1px solid var(--_border);
    }
    td {
      border: 0;
      padding: 0.1em 0;
    }
    td[data-label]::before {
      content: attr(data-label) ': ';
      color: var(--_muted);
      font-size: 0.9em;
    }
    td.none {
      display: none;
    }
  }
`;
