import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  .settings {
    display: grid;
    gap: var(--cp-space-6);
    max-width: 46rem;
  }

  .group {
    display: grid;
    gap: var(--cp-space-4);
    margin: 0;
    padding: var(--cp-space-4) var(--cp-space-6) var(--cp-space-6);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
  }

  .group > legend {
    padding: 0 var(--cp-space-2);
    font-size: var(--cp-font-size-lg);
    font-weight: 600;
  }

  .field {
    display: grid;
    gap: var(--cp-space-1);
  }

  .field > label,
  .subgroup > legend {
    font-weight: 600;
  }

  .subgroup {
    display: grid;
    gap: var(--cp-space-2);
    margin: 0;
    padding: 0;
    border: 0;
  }

  .subgroup > legend {
    margin-bottom: var(--cp-space-1);
    padding: 0;
  }

  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--cp-space-2);
  }

  .choice > input[type='radio'],
  .choice > input[type='checkbox'] {
    flex: none;
    width: 1.125rem;
    height: 1.125rem;
    margin: 0.1875rem 0 0;
    accent-color: var(--cp-color-accent);
  }

  .inline-number {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2);
    margin-left: calc(1.125rem + var(--cp-space-2));
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-4);
  }

  .hint {
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  input[type='number'] {
    width: 7rem;
  }

  textarea {
    width: 100%;
    min-height: 6rem;
    resize: vertical;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: var(--cp-font-size-sm);
  }

  .footer {
    position: sticky;
    bottom: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-3) var(--cp-space-4);
    padding: var(--cp-space-3) 0;
    border-top: 1px solid var(--cp-color-border-subtle);
    background: var(--cp-color-bg);
  }

  .footer .notice,
  .footer .alert {
    flex: 1 1 16rem;
  }
`;
