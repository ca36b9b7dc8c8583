import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .wrap,
  .presence {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2) var(--cp-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--cp-font-size-sm);
  }
  .label {
    color: var(--cp-color-text-muted);
  }
  .peer {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding: 0.125rem 0.5rem 0.125rem 0.375rem;
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 999px;
    background: var(--cp-color-bg);
  }
  .dot {
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
  }
`;
