import { css } from 'lit';
import { fieldBox } from '../../styles/forms.js';

export const styles = css`
  .page {
    display: grid;
    gap: var(--cp-space-4);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--cp-space-3);
  }
  .head__text {
    flex: 1 1 20rem;
    min-width: 0;
  }
  h2 {
    margin: 0;
    font-size: var(--cp-font-size-xl);
    line-height: 1.2;
  }
  h2:focus {
    outline: none;
  }
  h3 {
    margin: 0;
    font-size: var(--cp-font-size-lg);
  }
  .lead {
    margin: var(--cp-space-1) 0 0;
    color: var(--cp-color-text-muted);
  }
  .signed-out,
  .empty {
    display: grid;
    gap: var(--cp-space-3);
    justify-items: start;
    padding: var(--cp-space-6);
    border: 1px dashed var(--cp-color-border-subtle);
    border-radius: 0.75rem;
  }
  .signed-out p,
  .empty p {
    margin: 0;
  }
  .empty {
    color: var(--cp-color-text-muted);
  }
  /* Open a table */
  .open-form {
    display: grid;
    gap: var(--cp-space-4);
    padding: var(--cp-space-4) var(--cp-space-6);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem;
    background: var(--cp-color-surface);
  }
  .fields {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 1.4fr) minmax(0, 0.8fr);
    gap: var(--cp-space-4);
    align-items: start;
  }
  .field {
    display: grid;
    gap: var(--cp-space-1);
    min-width: 0;
  }
  .field label,
  .filter label {
    font-weight: 600;
  }
  .hint {
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }
  .field input {
    width: 100%;
    min-height: 2.75rem;
    ${fieldBox}
    border-radius: 0.5rem;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--cp-color-danger);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
    margin: var(--cp-space-1) 0 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--cp-space-2);
    padding: 0.125rem 0.625rem;
    border-radius: 999px;
    background: #e0eaff;
    color: var(--cp-color-accent-hover);
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }
  .problem {
    color: var(--cp-color-danger);
    font-size: var(--cp-font-size-sm);
  }
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-3);
  }
  /* Filters */
  .controls {
    display: grid;
    gap: var(--cp-space-2);
    padding-bottom: var(--cp-space-3);
    border-bottom: 1px solid var(--cp-color-border-subtle);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--cp-space-2) var(--cp-space-3);
  }
  .filter {
    display: grid;
    flex: 1 1 14rem;
    gap: var(--cp-space-1);
    max-width: 24rem;
    font-size: var(--cp-font-size-sm);
  }
  .filter--tag {
    flex-basis: 9rem;
    max-width: 14rem;
  }
  .filter input {
    min-width: 0;
    min-height: 2.5rem;
    ${fieldBox}
  }
  .active-filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
  }
  .active-filters .chip {
    padding-right: 0.25rem;
  }
  .chip a {
    display: inline-grid;
    place-items: center;
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    color: inherit;
    text-decoration: none;
  }
  .chip a:hover {
    background: #c7d7fe;
  }
  /* Tables */
  .tables {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr));
    gap: var(--cp-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tables > li {
    min-width: 0;
  }
  cp-table-card a.button {
    text-decoration: none;
  }
  /* Full or locked: says so, and does not look like something to press. */
  .button.unavailable {
    border-color: var(--cp-color-border-subtle);
    background: var(--cp-color-surface);
    color: var(--cp-color-text-muted);
    cursor: not-allowed;
    opacity: 1;
  }
  .alternative {
    display: grid;
    flex-basis: 100%;
    gap: var(--cp-space-2);
    padding: var(--cp-space-3);
    border-left: 4px solid #b26a00;
    border-radius: var(--cp-radius);
    background: #fffaeb;
  }
  .alternative p {
    margin: 0;
  }
  .alternative__actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
  }
  .alternative .button {
    white-space: normal;
    text-align: left;
  }
  .more {
    display: flex;
    justify-content: center;
  }
  /* Earlier tables */
  .earlier {
    display: grid;
    gap: var(--cp-space-2);
    padding-top: var(--cp-space-4);
    border-top: 1px solid var(--cp-color-border-subtle);
  }
  .earlier ul {
    display: grid;
    gap: var(--cp-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .earlier li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-1) var(--cp-space-3);
    overflow-wrap: anywhere;
  }
  .earlier .muted {
    font-size: var(--cp-font-size-sm);
  }
  @media (max-width: 40rem) {
    .fields {
      grid-template-columns: minmax(0, 1fr);
    }
    .open-form {
      padding: var(--cp-space-4);
    }
  }
  @media (max-width: 30rem) {
    h2 {
      font-size: var(--cp-font-size-lg);
    }
    .filter,
    .filter--tag {
      max-width: none;
    }
  }
`;
