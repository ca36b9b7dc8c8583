import { css } from 'lit';

/**
 * Design tokens as CSS custom properties. App roots (and the widget) adopt them on
 * `:host`; custom properties inherit through shadow roots, and a page rule on the
 * host element (`commonplace-embed { --cp-color-accent: … }`) wins over `:host`,
 * so brands can theme the widget. Text colours keep WCAG AA (4.5:1) on both
 * `--cp-color-bg` and `--cp-color-surface`; status dots keep 3:1.
 */
export const tokens = css`
  :host {
    --cp-color-text: #1b1e23;
    --cp-color-text-muted: #4f5661;
    --cp-color-bg: #ffffff;
    --cp-color-surface: #f4f5f7;
    --cp-color-border: #767d87;
    --cp-color-border-subtle: #d5d9de;
    --cp-color-accent: #0a58ca;
    --cp-color-accent-hover: #084298;
    --cp-color-on-accent: #ffffff;
    --cp-color-danger: #b42318;
    --cp-color-danger-bg: #fef3f2;
    --cp-color-success: #17692e;
    --cp-color-success-bg: #edf7ef;
    --cp-color-dot-connected: #1e8e3e;
    --cp-color-dot-pending: #b26a00;
    --cp-color-dot-offline: #c5221f;

    --cp-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --cp-font-size-sm: 0.875rem;
    --cp-font-size-md: 1rem;
    --cp-font-size-lg: 1.25rem;
    --cp-font-size-xl: 1.75rem;
    --cp-line-height: 1.5;

    --cp-space-1: 0.25rem;
    --cp-space-2: 0.5rem;
    --cp-space-3: 0.75rem;
    --cp-space-4: 1rem;
    --cp-space-6: 1.5rem;
    --cp-space-8: 2rem;

    --cp-radius: 0.375rem;
    --cp-focus-ring: 3px solid #0a58ca;
    --cp-focus-offset: 2px;
    --cp-content-width: 64rem;

    font-family: var(--cp-font-family);
    font-size: var(--cp-font-size-md);
    line-height: var(--cp-line-height);
    color: var(--cp-color-text);
  }
`;
