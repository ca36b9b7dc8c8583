import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }

  dialog {
    width: min(34rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: 0;
    border: 1px solid var(--cp-color-border);
    border-radius: var(--cp-radius);
    background: var(--cp-color-bg);
    color: var(--cp-color-text);
    box-shadow: 0 0.75rem 2rem rgb(0 0 0 / 0.25);
  }

  dialog::backdrop {
    background: rgb(20 24 31 / 0.45);
  }

  .dialog {
    display: grid;
    gap: var(--cp-space-4);
    padding: var(--cp-space-6);
  }

  .dialog__title {
    margin: 0;
    font-size: var(--cp-font-size-lg);
    overflow-wrap: anywhere;
  }

  .field {
    display: grid;
    gap: var(--cp-space-1);
  }

  .field label,
  legend {
    font-weight: 600;
  }

  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2) var(--cp-space-6);
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    margin-bottom: var(--cp-space-2);
    padding: 0;
  }

  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--cp-space-2);
  }

  .choice input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--cp-color-accent);
  }

  .hint {
    margin: 0;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  input[type='number'] {
    width: 8rem;
  }

  textarea {
    min-height: 5rem;
    resize: vertical;
  }

  .current {
    display: grid;
    gap: var(--cp-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .current li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--cp-space-2);
    padding: var(--cp-space-2) var(--cp-space-3);
    border-radius: var(--cp-radius);
    background: var(--cp-color-surface);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
  }

  .button--danger {
    border-color: var(--cp-color-danger);
    background: var(--cp-color-danger);
  }

  .button--danger:hover {
    border-color: #8f1c13;
    background: #8f1c13;
  }
`;
