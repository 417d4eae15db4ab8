import { css } from 'lit';

export const cardStyles = css`
  .bar {
    height: 0.5em;
    border-radius: 999px;
    background: var(--_border);
    overflow: hidden;
    margin: 0.5em 0;
  }
  .fill {
    height: 100%;
    background: var(--va-progress-color, var(--_accent));
    transition: width 0.3s ease;
  }
  .status {
    font-weight: 600;
  }
  .success {
    color: var(--_success);
    font-weight: 600;
  }
  button.wide {
    width: 100%;
    margin-top: calc(var(--_space) * 0.25);
  }
  .flow {
    margin-top: var(--_space);
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .flow h2 {
    font-size: 1.1em;
  }
  @media (prefers-reduced-motion: reduce) {
    .fill {
      transition: none;
    }
  }
`;
