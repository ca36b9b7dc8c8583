import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
  }
  .switcher {
    position: relative;
  }
  .toggle {
    min-height: 2.5rem;
    padding: var(--cp-space-1) var(--cp-space-3);
    background: var(--cp-color-bg);
    white-space: nowrap;
  }
  .chevron {
    font-size: 0.75em;
  }
  .menu {
    position: absolute;
    z-index: 30;
    top: calc(100% + var(--cp-space-1));
    left: 0;
    display: grid;
    gap: 2px;
    min-width: 14rem;
    max-width: min(22rem, calc(100vw - 1.5rem));
    margin: 0;
    padding: var(--cp-space-1);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    background: var(--cp-color-bg);
    box-shadow: 0 12px 24px rgb(16 24 40 / 0.18);
    list-style: none;
  }
  .menu a {
    display: flex;
    align-items: center;
    gap: var(--cp-space-2);
    min-height: 2.5rem;
    padding: var(--cp-space-2) var(--cp-space-3);
    border-radius: var(--cp-radius);
    color: var(--cp-color-text);
    text-decoration: none;
  }
  .menu a:hover {
    background: var(--cp-color-surface);
  }
  .menu a[aria-current] {
    font-weight: 700;
    box-shadow: inset 3px 0 0 var(--cp-color-accent);
  }
  .name {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .role {
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }
  .count {
    display: inline-grid;
    place-items: center;
    min-width: 1.5rem;
    height: 1.5rem;
    padding: 0 0.375rem;
    border-radius: 999px;
    background: var(--cp-color-danger);
    color: #ffffff;
    font-size: 0.8125rem;
    font-weight: 700;
  }
`;
