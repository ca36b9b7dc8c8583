import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  ol {
    display: grid;
    gap: var(--cp-space-4);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    position: relative;
    display: grid;
    gap: var(--cp-space-1);
    padding-left: var(--cp-space-4);
    border-left: 2px solid var(--cp-color-border-subtle);
  }
  .reason {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--cp-color-text-muted);
    font-size: 0.8125rem;
  }
`;
