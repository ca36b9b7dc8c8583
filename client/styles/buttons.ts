import { css } from 'lit';

/** A destructive action drawn as an outline button that fills pale red on hover (with `.button`). */
export const dangerOutlineButton = css`
  .button--danger {
    border-color: var(--cp-color-danger);
    background: var(--cp-color-bg);
    color: var(--cp-color-danger);
  }

  .button--danger:hover {
    border-color: var(--cp-color-danger);
    background: var(--cp-color-danger-bg);
    color: var(--cp-color-danger);
  }
`;
