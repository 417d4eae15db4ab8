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
  /* Narrow: each row is a few short lines: the title, "Purchase · Active", "Granted Dec 1, 2026". */
  @container (max-width: 36em) {
    thead {
      display: none;
    }
    table,
    tbody {
      display: block;
    }
    tr {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      column-gap: 0.5em;
      padding: 0.75em 0;
      border-bottom: 1px solid var(--_border);
    }
    tr:last-child {
      border-bottom: 0;
      padding-bottom: 0;
    }
    td {
      display: block;
      border: 0;
      padding: 0;
      font-size: 0.9em;
      color: var(--_muted);
    }
    td.title {
      flex: 1 0 100%;
      font-size: 1em;
      color: inherit;
      margin-bottom: 0.15em;
    }
    td.type::after {
      content: ' ·';
    }
    td.date {
      flex: 1 0 100%;
    }
    td.date::before {
      content: attr(data-label) ' ';
    }
    td.none {
      display: none;
    }
  }
`;
