import { css } from 'lit';

/**
 * Sizes in px for the widget: the apps' tokens use rem, which follows the brand page's root font
 * size (`html { font-size: 62.5% }` is common). Set on `:host`, so a brand's own rule on the
 * element still wins.
 */
export const widgetTokens = css`
  :host {
    --cp-font-size-sm: 14px;
    --cp-font-size-md: 16px;
    --cp-font-size-lg: 20px;
    --cp-font-size-xl: 28px;
    --cp-space-1: 4px;
    --cp-space-2: 8px;
    --cp-space-3: 12px;
    --cp-space-4: 16px;
    --cp-space-6: 24px;
    --cp-space-8: 32px;
    --cp-radius: 6px;
  }
`;

/**
 * The widget's look. Text and font are set on `.cp-frame`, not inherited from the host
 * element, so a brand page's global rules (even `* { … !important }`, which reach the host
 * element itself) never change the widget; only the documented `--cp-*` properties and
 * `::part()`s do.
 */
export const widgetStyles = css`
  .cp-frame {
    display: grid;
    gap: var(--cp-space-3);
    padding: var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    background: var(--cp-color-bg);
    color: var(--cp-color-text);
    font-family: var(--cp-font-family);
    font-size: var(--cp-font-size-md);
    font-weight: 400;
    font-style: normal;
    line-height: var(--cp-line-height);
    letter-spacing: normal;
    text-align: start;
    text-transform: none;
    overflow-wrap: anywhere;
  }
  .cp-top {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--cp-space-2) var(--cp-space-4);
  }
  h2,
  h3,
  p,
  ul,
  ol {
    margin: 0;
  }
  h2 {
    font-size: var(--cp-font-size-lg);
    line-height: 1.3;
  }
  h3 {
    font-size: var(--cp-font-size-md);
  }
  a {
    color: var(--cp-color-accent);
  }
  ul,
  ol {
    padding: 0;
    list-style: none;
  }
  .muted {
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }
  .cp-list {
    display: grid;
    gap: var(--cp-space-2);
  }
  .cp-item {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: var(--cp-space-2) var(--cp-space-3);
    padding: var(--cp-space-3);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    background: var(--cp-color-surface);
  }
  .cp-item__title {
    font-weight: 600;
  }
  .cp-meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-1) var(--cp-space-3);
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }
  .cp-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--cp-space-1);
    min-height: 36px;
    padding: var(--cp-space-1) var(--cp-space-3);
    border: 1px solid var(--cp-color-accent);
    border-radius: var(--cp-radius);
    background: var(--cp-color-accent);
    color: var(--cp-color-on-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .cp-button:hover {
    background: var(--cp-color-accent-hover);
  }
  .cp-button[disabled] {
    cursor: progress;
    opacity: 0.7;
  }
  .cp-button--quiet {
    background: transparent;
    color: var(--cp-color-accent);
  }
  .cp-button--quiet:hover {
    background: var(--cp-color-surface);
  }
  .cp-button[aria-pressed='true'] {
    background: var(--cp-color-accent);
    color: var(--cp-color-on-accent);
  }
  :focus-visible {
    outline: var(--cp-focus-ring);
    outline-offset: var(--cp-focus-offset);
  }
  .cp-alert {
    padding: var(--cp-space-2) var(--cp-space-3);
    border-radius: var(--cp-radius);
    background: var(--cp-color-danger-bg);
    color: var(--cp-color-danger);
  }
  .cp-signin {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--cp-space-2);
    padding-top: var(--cp-space-2);
    border-top: 1px solid var(--cp-color-border-subtle);
  }
  .cp-status {
    display: inline-block;
    padding: 0 var(--cp-space-2);
    border-radius: 999px;
    border: 1px solid var(--cp-color-border-subtle);
    font-size: var(--cp-font-size-sm);
  }
  textarea,
  input {
    width: 100%;
    padding: var(--cp-space-2);
    border: 1px solid var(--cp-color-border);
    border-radius: var(--cp-radius);
    background: var(--cp-color-bg);
    color: var(--cp-color-text);
    font: inherit;
  }
  label {
    font-weight: 600;
    font-size: var(--cp-font-size-sm);
  }
  .cp-form {
    display: grid;
    gap: var(--cp-space-2);
  }
  .cp-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
    align-items: center;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
`;

/** The wave view: the idea document and its replies. */
export const waveStyles = css`
  .doc {
    display: grid;
    gap: var(--cp-space-2);
    padding: var(--cp-space-3);
    border-left: 3px solid var(--cp-color-accent);
    background: var(--cp-color-surface);
  }
  .doc blockquote {
    margin: 0;
    padding-left: var(--cp-space-3);
    border-left: 2px solid var(--cp-color-border-subtle);
  }
  .doc .doc-list {
    padding-left: var(--cp-space-6);
    list-style: revert;
  }
  .blip {
    margin-left: calc(min(var(--depth, 0), 4) * var(--cp-space-4));
    padding: var(--cp-space-2) var(--cp-space-3);
    border-left: 2px solid var(--cp-color-border-subtle);
  }
`;

/** The cafe view: tables, the chat at a table. */
export const cafeStyles = css`
  .cp-staff {
    color: var(--cp-color-accent);
    font-weight: 600;
    font-size: var(--cp-font-size-sm);
  }
  .cp-chat {
    max-height: 320px;
    overflow-y: auto;
    padding: var(--cp-space-2);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
  }
  .cp-message p {
    margin: 0;
  }
  .cp-banner {
    padding: var(--cp-space-2);
    border-radius: var(--cp-radius);
    background: var(--cp-color-surface);
    font-size: var(--cp-font-size-sm);
  }
  .cp-row input {
    flex: 1 1 12rem;
    width: auto;
  }
`;
