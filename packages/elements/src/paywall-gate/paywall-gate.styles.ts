import { css } from 'lit';

export const gateStyles = css`
  .session {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.75em;
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0 0 0.75em;
  }
  .session span {
    overflow-wrap: anywhere;
  }
  .stack > .session {
    margin: var(--_space) 0 0;
  }
  /* The first check: nothing for a moment, so a visitor with access never sees a panel flash. */
  .delayed {
    animation: va-reveal 0s linear 0.4s backwards;
  }
  @keyframes va-reveal {
    from {
      visibility: hidden;
    }
  }
`;
