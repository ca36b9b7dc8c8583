import { css } from 'lit';

/** The quoted passage a reply answers, shown above the reply and in the composer. */
export const replyQuote = css`
  .quote {
    margin: 0;
    padding: var(--cp-space-1) var(--cp-space-3);
    border-left: 3px solid var(--cp-color-accent);
    background: var(--cp-color-surface);
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
    font-style: italic;
  }
`;
