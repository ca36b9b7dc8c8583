import { css } from 'lit';

/** A wave's tag as a small pill link. */
export const tagChip = css`
  .tag {
    padding: 0 var(--cp-space-2);
    border-radius: 999px;
    background: var(--cp-color-surface);
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
    text-decoration: none;
  }

  .tag:hover {
    background: #e4e7ec;
    color: var(--cp-color-text);
  }
`;
