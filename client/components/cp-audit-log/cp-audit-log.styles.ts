import { css } from 'lit';
import { fieldBox } from '../../styles/forms.js';

export const styles = css`
  :host {
    display: block;
  }

  .audit {
    display: grid;
    gap: var(--cp-space-4);
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--cp-space-3) var(--cp-space-4);
    padding: var(--cp-space-3) var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    background: var(--cp-color-surface);
  }

  .filter {
    display: grid;
    gap: var(--cp-space-1);
    flex: 1 1 12rem;
    min-width: 0;
  }

  .filter label {
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }

  select {
    width: 100%;
    min-height: 2.5rem;
    ${fieldBox}
  }

  .scroller {
    overflow-x: auto;
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
  }

  table {
    width: 100%;
    min-width: 46rem;
    border-collapse: collapse;
    font-size: var(--cp-font-size-sm);
  }

  caption {
    padding: var(--cp-space-2) var(--cp-space-3);
    color: var(--cp-color-text-muted);
    text-align: left;
  }

  th,
  td {
    padding: var(--cp-space-2) var(--cp-space-3);
    border-top: 1px solid var(--cp-color-border-subtle);
    text-align: left;
    vertical-align: top;
  }

  thead th {
    background: var(--cp-color-surface);
    font-weight: 600;
    white-space: nowrap;
  }

  tbody th {
    font-weight: normal;
    white-space: nowrap;
  }

  .code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.8125rem;
    overflow-wrap: anywhere;
  }

  .action__code {
    display: block;
    color: var(--cp-color-text-muted);
  }

  .action__code--nowrap {
    white-space: nowrap;
  }

  .scroll-hint {
    display: none;
    margin: 0;
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }

  @media (max-width: 48rem) {
    .scroll-hint {
      display: block;
    }
  }

  .diff {
    display: grid;
    gap: var(--cp-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .diff li {
    overflow-wrap: anywhere;
  }

  .diff__key {
    font-weight: 600;
  }

  .diff__from {
    color: var(--cp-color-danger);
  }

  .diff__to {
    color: var(--cp-color-success);
  }

  .empty {
    margin: 0;
    padding: var(--cp-space-6);
    color: var(--cp-color-text-muted);
    text-align: center;
  }

  .more {
    justify-self: center;
  }
`;
