import { css } from 'lit';

/** Base rules every component adopts: box sizing, visible focus, buttons, visually-hidden text. */
export const shared = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: var(--cp-focus-ring);
    outline-offset: var(--cp-focus-offset);
  }

  [hidden] {
    display: none !important;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--cp-space-2);
    min-height: 2.5rem;
    padding: var(--cp-space-2) var(--cp-space-4);
    border: 1px solid var(--cp-color-accent);
    border-radius: var(--cp-radius);
    background: var(--cp-color-accent);
    color: var(--cp-color-on-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  .button:hover {
    background: var(--cp-color-accent-hover);
    border-color: var(--cp-color-accent-hover);
  }

  .button[disabled] {
    cursor: progress;
    opacity: 0.75;
  }

  .button--quiet {
    background: transparent;
    color: var(--cp-color-accent);
  }

  .button--quiet:hover {
    background: var(--cp-color-surface);
    color: var(--cp-color-accent-hover);
  }

  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--cp-color-accent);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }

  .muted {
    margin: 0;
    color: var(--cp-color-text-muted);
  }

  .alert {
    margin: 0;
    padding: var(--cp-space-3) var(--cp-space-4);
    border-left: 4px solid var(--cp-color-danger);
    border-radius: var(--cp-radius);
    background: var(--cp-color-danger-bg);
    color: var(--cp-color-danger);
  }

  .notice {
    margin: 0;
    padding: var(--cp-space-3) var(--cp-space-4);
    border-left: 4px solid var(--cp-color-success);
    border-radius: var(--cp-radius);
    background: var(--cp-color-success-bg);
    color: var(--cp-color-success);
  }
`;
