import { css } from 'lit';
import { fieldBox } from '../../styles/forms.js';

export const styles = css`
  :host {
    display: block;
    min-width: 0;
    /* The columns scroll sideways inside the board; they never widen the page. */
    contain: inline-size;
  }
  .board {
    display: grid;
    gap: var(--cp-space-4);
  }
  @media (min-width: 48rem) {
    .board {
      grid-auto-flow: column;
      grid-auto-columns: minmax(16rem, 1fr);
      overflow-x: auto;
      padding-bottom: var(--cp-space-2);
      align-items: start;
    }
  }
  .column {
    display: grid;
    gap: var(--cp-space-2);
    align-content: start;
    min-width: 0;
    padding: var(--cp-space-3);
    border-radius: 0.75rem;
    background: var(--cp-color-surface);
  }
  .column h3 {
    margin: 0;
    font-size: var(--cp-font-size-md);
  }
  .count {
    display: inline-block;
    min-width: 1.5rem;
    padding: 0 0.4rem;
    border-radius: 999px;
    background: var(--cp-color-bg);
    font-size: var(--cp-font-size-sm);
    text-align: center;
  }
  .cards {
    display: grid;
    gap: var(--cp-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    display: grid;
    gap: var(--cp-space-1);
    padding: var(--cp-space-3);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    background: var(--cp-color-bg);
    font-size: var(--cp-font-size-sm);
    overflow-wrap: anywhere;
  }
  .card p {
    margin: 0;
  }
  .card__title {
    margin: 0;
    font-size: var(--cp-font-size-md);
    line-height: 1.3;
  }
  .card__title a {
    color: var(--cp-color-text);
  }
  .votes {
    font-weight: 600;
  }
  .label {
    font-weight: 600;
    color: var(--cp-color-text-muted);
  }
  .card__reason {
    color: var(--cp-color-text-muted);
  }
  .card__candidates ul {
    display: grid;
    gap: var(--cp-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card__candidates li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 var(--cp-space-2);
  }
  .card__actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
    margin-top: var(--cp-space-1);
  }
  .card__actions select {
    ${fieldBox}
    flex: 1 1 8rem;
    min-width: 0;
    padding: var(--cp-space-1) var(--cp-space-2);
  }
  .card__actions .button {
    padding: var(--cp-space-1) var(--cp-space-3);
    font-size: var(--cp-font-size-sm);
  }
  dialog {
    width: min(32rem, calc(100vw - 2rem));
    padding: var(--cp-space-4);
    border: 1px solid var(--cp-color-border);
    border-radius: 0.75rem;
    color: var(--cp-color-text);
  }
  dialog::backdrop {
    background: rgb(16 24 40 / 0.4);
  }
  dialog form {
    display: grid;
    gap: var(--cp-space-2);
  }
  dialog h3 {
    margin: 0 0 var(--cp-space-2);
    font-size: var(--cp-font-size-lg);
    overflow-wrap: anywhere;
  }
  dialog label {
    font-weight: 600;
  }
  dialog textarea {
    ${fieldBox}
    resize: vertical;
  }
  dialog [aria-invalid='true'] {
    border: 2px solid var(--cp-color-danger);
  }
  .hint {
    margin: 0;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }
  .field-error {
    margin: 0;
    color: var(--cp-color-danger);
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }
  .dialog__actions {
    display: flex;
    gap: var(--cp-space-2);
  }
`;
