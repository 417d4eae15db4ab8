import { css } from 'lit';

export const cardStyles = css`
  .price {
    font-size: 1.25em;
    font-weight: 700;
    margin: 0 0 0.5em;
  }
  .bar {
    height: 0.5em;
    border-radius: 999px;
    background: var(--_border);
    overflow: hidden;
    margin: 0.25em 0 0.5em;
  }
  .fill {
    height: 100%;
    background: var(--va-progress-color, var(--_accent));
    transition: width 0.3s ease;
  }
  .status {
    font-weight: 600;
  }
  .flow {
    margin-top: var(--_space);
  }
  @media (prefers-reduced-motion: reduce) {
    .fill {
      transition: none;
    }
  }
`;
