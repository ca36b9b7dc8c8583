import { css } from 'lit';
import { fieldBox } from '../../styles/forms.js';

export const styles = css`
  :host {
    display: block;
    min-width: 0;
  }
  .layout {
    display: grid;
    gap: var(--cp-space-6);
  }
  @media (min-width: 64rem) {
    .layout {
      grid-template-columns: 19rem minmax(0, 1fr);
      align-items: start;
    }
    .alerts {
      position: sticky;
      top: var(--cp-space-4);
      max-height: calc(100vh - 2 * var(--cp-space-4));
      overflow-y: auto;
    }
  }
  /* On a narrow screen an open table comes first; the alerts follow it. */
  @media (max-width: 63.99rem) {
    .layout[data-table] .main {
      order: -1;
    }
  }
  .main {
    display: grid;
    gap: var(--cp-space-4);
    min-width: 0;
  }
  h3 {
    margin: 0;
    font-size: var(--cp-font-size-md);
  }
  .count {
    display: inline-block;
    min-width: 1.5rem;
    padding: 0 0.4rem;
    border-radius: 999px;
    background: var(--cp-color-surface);
    font-size: var(--cp-font-size-sm);
    text-align: center;
  }
  .alerts {
    display: grid;
    gap: var(--cp-space-4);
    align-content: start;
    min-width: 0;
  }
  .alerts__group {
    display: grid;
    gap: var(--cp-space-2);
  }
  .live {
    margin: 0;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }
  .live[data-on] {
    color: var(--cp-color-success);
    font-weight: 600;
  }
  .hint {
    margin: 0;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }
  .alert-list,
  .coverage {
    display: grid;
    gap: var(--cp-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .alert-item {
    display: grid;
    gap: var(--cp-space-1);
    padding: var(--cp-space-2) var(--cp-space-3);
    border-left: 4px solid var(--cp-color-border);
    border-radius: var(--cp-radius);
    background: var(--cp-color-surface);
    font-size: var(--cp-font-size-sm);
    overflow-wrap: anywhere;
  }
  .alert-item--hand {
    border-left-color: #f79009;
    background: #fffaeb;
  }
  .alert-item--watched {
    border-left-color: var(--cp-color-danger);
    background: var(--cp-color-danger-bg);
  }
  .alert-item--busy {
    border-left-color: var(--cp-color-accent);
  }
  .alert-item__text {
    display: grid;
    gap: 0.125rem;
  }
  .wait {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .question {
    color: var(--cp-color-text);
  }
  .alert-item__actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
  }
  .alert-item__actions .button {
    padding: var(--cp-space-1) var(--cp-space-3);
    font-size: var(--cp-font-size-sm);
  }
  .coverage li {
    font-size: var(--cp-font-size-sm);
  }
  .announce summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--cp-color-accent);
  }
  .announce form {
    display: grid;
    gap: var(--cp-space-2);
    margin-top: var(--cp-space-2);
  }
  .announce label {
    font-weight: 600;
  }
  .announce textarea {
    ${fieldBox}
    resize: vertical;
  }
  .field-error {
    margin: 0;
    color: var(--cp-color-danger);
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }
  .floor {
    display: grid;
    gap: var(--cp-space-3);
    min-width: 0;
  }
  .floor__bar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--cp-space-2) var(--cp-space-4);
  }
  .floor__bar h3 {
    margin-right: auto;
  }
  .field {
    display: grid;
    gap: 0.125rem;
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }
  .field input,
  .field select {
    ${fieldBox}
    font-weight: 400;
    min-width: 0;
  }
  .grid {
    display: grid;
    column-gap: 12px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .grid > li {
    min-width: 0;
  }
`;
