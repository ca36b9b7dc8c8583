import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .tree,
  .children {
    display: grid;
    gap: var(--cp-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .children {
    margin-top: var(--cp-space-3);
    margin-left: 1rem;
    padding-left: var(--cp-space-4);
    border-left: 2px solid var(--cp-color-border-subtle);
  }
  /* Past a few levels the thread stops stepping right, so deep threads stay readable on phones. */
  .children--flat {
    margin-left: 0;
    padding-left: 0;
    border-left: 0;
  }
  .composer {
    margin-top: var(--cp-space-3);
    padding: var(--cp-space-3) var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem;
    background: var(--cp-color-surface);
  }
  .ghost {
    padding: var(--cp-space-3) var(--cp-space-4);
    border: 1px dashed var(--cp-color-border);
    border-radius: 0.75rem;
    background: repeating-linear-gradient(135deg, #fafbfc, #fafbfc 8px, #f4f5f7 8px, #f4f5f7 16px);
  }
  .ghost__who {
    margin: 0;
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }
  .ghost__text {
    margin: var(--cp-space-1) 0 0;
    color: var(--cp-color-text-muted);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .empty {
    margin: 0;
    color: var(--cp-color-text-muted);
  }
  @media (prefers-reduced-motion: no-preference) {
    .dots::after {
      content: '';
      animation: dots 1.2s steps(4) infinite;
    }
    @keyframes dots {
      0% {
        content: '';
      }
      25% {
        content: '.';
      }
      50% {
        content: '..';
      }
      75% {
        content: '...';
      }
    }
  }
`;
