import { css } from 'lit';
import { fieldBox } from '../../styles/forms.js';

export const styles = css`
  :host {
    display: block;
    min-width: 0;
  }

  .card {
    display: grid;
    gap: var(--cp-space-4);
  }

  .head {
    display: flex;
    gap: var(--cp-space-3);
    align-items: flex-start;
  }

  .head__text {
    display: grid;
    gap: var(--cp-space-1);
    min-width: 0;
  }

  .heading {
    margin: 0;
    font-weight: 700;
    overflow-wrap: anywhere;
  }

  .heading--1,
  .heading--2 {
    font-size: var(--cp-font-size-lg);
  }

  .heading--3,
  .heading--4,
  .heading--5,
  .heading--6 {
    font-size: var(--cp-font-size-md);
  }

  .count {
    font-weight: 400;
    color: var(--cp-color-text-muted);
  }

  p {
    margin: 0;
  }

  .bio,
  .note__text,
  .excerpt {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .pending {
    padding: var(--cp-space-1) var(--cp-space-2);
    border-left: 3px solid var(--cp-color-dot-pending);
    background: var(--cp-color-surface);
    font-size: var(--cp-font-size-sm);
    overflow-wrap: anywhere;
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .chip {
    padding: 0 var(--cp-space-2);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 999px;
    background: var(--cp-color-surface);
    font-size: var(--cp-font-size-sm);
  }

  .section {
    display: grid;
    gap: var(--cp-space-2);
    padding-top: var(--cp-space-3);
    border-top: 1px solid var(--cp-color-border-subtle);
  }

  .form {
    display: grid;
    gap: var(--cp-space-1);
  }

  .form label:not(.check) {
    font-weight: 600;
  }

  .hint {
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }

  textarea,
  input[type='date'],
  input[type='search'] {
    min-height: 2.5rem;
    ${fieldBox}
  }

  textarea {
    width: 100%;
    resize: vertical;
  }

  .form__row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2) var(--cp-space-4);
  }

  .check,
  .due {
    display: inline-flex;
    align-items: center;
    gap: var(--cp-space-2);
  }

  .notes,
  .list,
  .history {
    display: grid;
    gap: var(--cp-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .history {
    padding-left: var(--cp-space-3);
    border-left: 2px solid var(--cp-color-border-subtle);
  }

  .note {
    display: grid;
    gap: var(--cp-space-1);
    padding: var(--cp-space-2) var(--cp-space-3);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
  }

  .note--overdue {
    border-left: 4px solid var(--cp-color-danger);
  }

  .note__meta,
  .muted {
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }

  .note__actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-3);
    font-size: var(--cp-font-size-sm);
  }

  .promise {
    justify-self: start;
    padding: 0 var(--cp-space-2);
    border-radius: var(--cp-radius);
    background: var(--cp-color-surface);
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }

  .promise--overdue {
    background: var(--cp-color-danger-bg);
    color: var(--cp-color-danger);
  }

  .promise--done {
    background: var(--cp-color-success-bg);
    color: var(--cp-color-success);
  }

  .counts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
    gap: var(--cp-space-2);
    margin: 0;
  }

  .counts div {
    padding: var(--cp-space-1) var(--cp-space-2);
    border-radius: var(--cp-radius);
    background: var(--cp-color-surface);
  }

  .counts dt {
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }

  .counts dd {
    margin: 0;
    font-size: var(--cp-font-size-lg);
    font-weight: 700;
  }

  details > summary {
    cursor: pointer;
    color: var(--cp-color-accent);
  }

  .status {
    margin-right: var(--cp-space-2);
    padding: 0 var(--cp-space-1);
    border-radius: var(--cp-radius);
    background: var(--cp-color-surface);
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }

  .status--rejected,
  .sanction {
    color: var(--cp-color-danger);
  }

  a {
    color: var(--cp-color-accent);
  }
`;
