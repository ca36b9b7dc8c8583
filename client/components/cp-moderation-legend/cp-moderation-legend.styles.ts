import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--cp-space-1) var(--cp-space-3);
    margin: 0;
  }

  .legend__title {
    font-weight: 600;
  }

  dl {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-1) var(--cp-space-3);
    margin: 0;
  }

  .pair {
    display: inline-flex;
    gap: var(--cp-space-1);
    align-items: baseline;
  }

  dt,
  dd {
    margin: 0;
  }

  kbd {
    display: inline-block;
    min-width: 1.25rem;
    padding: 0 0.3rem;
    border: 1px solid var(--cp-color-border);
    border-bottom-width: 2px;
    border-radius: 0.25rem;
    background: var(--cp-color-bg);
    color: var(--cp-color-text);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.8125rem;
    text-align: center;
  }
`;
