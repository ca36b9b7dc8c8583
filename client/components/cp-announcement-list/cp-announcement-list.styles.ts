import { css } from 'lit';
import { stackList } from '../../styles/lists.js';

export const styles = css`
  :host {
    display: block;
  }

  .list {
    ${stackList}
  }

  .announcement {
    padding: var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-left: 4px solid var(--cp-color-accent);
    border-radius: var(--cp-radius);
    background: var(--cp-color-bg);
  }

  .announcement__text {
    margin: 0 0 var(--cp-space-2);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .announcement__meta {
    margin: 0;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .empty {
    margin: 0;
    color: var(--cp-color-text-muted);
  }

  :host([compact]) .list {
    gap: var(--cp-space-2);
  }

  :host([compact]) .announcement {
    padding: 0;
    border: 0;
    background: none;
  }

  :host([compact]) .announcement__text {
    margin: 0;
    font-weight: 600;
  }
`;
