import { css } from 'lit';

export const sessionStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
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
  .flow {
    width: 24em;
    max-width: 100%;
    margin-top: 0.5em;
  }
`;
