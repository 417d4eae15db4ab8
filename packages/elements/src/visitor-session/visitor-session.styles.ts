import { css } from 'lit';

export const sessionStyles = css`
  :host {
    display: inline-block;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .flow {
    margin-top: 0.5em;
  }
`;
