import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: var(--cp-space-2);
    padding: var(--cp-space-1) 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-size: var(--cp-font-size-sm);
    cursor: pointer;
  }
  button[disabled] {
    cursor: progress;
    opacity: 0.7;
  }
  .track {
    position: relative;
    flex: none;
    width: 2.25rem;
    height: 1.25rem;
    border: 1px solid var(--cp-color-border);
    border-radius: 999px;
    background: var(--cp-color-surface);
    transition: background 120ms ease;
  }
  .thumb {
    position: absolute;
    top: 0.125rem;
    left: 0.125rem;
    width: 0.875rem;
    height: 0.875rem;
    border-radius: 50%;
    background: var(--cp-color-border);
    transition: transform 120ms ease;
  }
  [aria-checked='true'] .track {
    border-color: var(--cp-color-accent);
    background: var(--cp-color-accent);
  }
  [aria-checked='true'] .thumb {
    background: #fff;
    transform: translateX(1rem);
  }
  .state {
    color: var(--cp-color-text-muted);
  }
`;
