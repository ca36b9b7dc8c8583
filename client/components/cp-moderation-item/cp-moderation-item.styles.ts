import { css } from 'lit';
import { errorText, fieldBox } from '../../styles/forms.js';
import { wrapList } from '../../styles/lists.js';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    border: 1px solid var(--cp-color-border-subtle);
    border-left: 4px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    background: var(--cp-color-bg);
  }

  :host(:focus) {
    outline: none;
  }

  :host(:focus-visible) {
    outline: var(--cp-focus-ring);
    outline-offset: var(--cp-focus-offset);
  }

  :host([active]) {
    border-left-color: var(--cp-color-accent);
  }

  :host([selected]) {
    background: #eef4fd;
  }

  :host([settled]) {
    border-style: dashed;
    background: var(--cp-color-surface);
  }

  .item {
    display: grid;
    gap: var(--cp-space-3);
    padding: var(--cp-space-3) var(--cp-space-4);
  }

  @container (min-width: 42rem) {
    .item {
      grid-template-columns: minmax(0, 1fr) 15rem;
      align-items: start;
    }

    .item__head,
    .item__footer {
      grid-column: 1 / -1;
    }
  }

  .item__head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-1) var(--cp-space-3);
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .select {
    display: inline-flex;
    align-items: center;
    gap: var(--cp-space-1);
    min-height: 1.5rem;
    cursor: pointer;
  }

  .select input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--cp-color-accent);
  }

  .status {
    padding: 0 var(--cp-space-2);
    border-radius: var(--cp-radius);
    background: var(--cp-color-surface);
    color: var(--cp-color-text);
    font-weight: 600;
  }

  .status--held {
    background: #fff4e5;
    color: #7a4100;
  }

  .status--flagged {
    background: #fdf0e1;
    color: #7a3d00;
  }

  .status--approved,
  .status--allowed {
    background: var(--cp-color-success-bg);
    color: var(--cp-color-success);
  }

  .status--rejected {
    background: var(--cp-color-danger-bg);
    color: var(--cp-color-danger);
  }

  .context {
    color: var(--cp-color-accent);
    overflow-wrap: anywhere;
  }

  .item__main {
    display: grid;
    gap: var(--cp-space-3);
    min-width: 0;
  }

  .body {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .chips {
    ${wrapList}
  }

  .chip {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--cp-space-1) var(--cp-space-2);
    max-width: 100%;
    padding: var(--cp-space-1) var(--cp-space-2);
    border: 1px solid #e0b26b;
    border-radius: 1rem;
    background: #fffaf2;
    font-size: var(--cp-font-size-sm);
    overflow-wrap: anywhere;
  }

  .chip--flag {
    border-color: #d99a9a;
    background: #fff6f6;
  }

  .chip__rule {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.8125rem;
    font-weight: 600;
  }

  .decision {
    margin: 0;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
    overflow-wrap: anywhere;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
  }

  .form {
    display: grid;
    gap: var(--cp-space-2);
    padding: var(--cp-space-3);
    border-radius: var(--cp-radius);
    background: var(--cp-color-surface);
  }

  .form label {
    font-weight: 600;
  }

  .form__hint {
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .form input,
  .form textarea {
    min-height: 2.5rem;
    ${fieldBox}
  }

  .form textarea {
    min-height: 8rem;
    resize: vertical;
  }

  .form [aria-invalid='true'] {
    border: 2px solid var(--cp-color-danger);
  }

  .form__error {
    ${errorText}
  }

  .note {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--cp-space-2);
  }

  .note--info {
    margin: 0;
    padding: var(--cp-space-2) var(--cp-space-3);
    border-left: 4px solid var(--cp-color-accent);
    border-radius: var(--cp-radius);
    background: #eef4fd;
  }
`;
