import { css } from 'lit';
import { fieldBox } from '../../styles/forms.js';

export const styles = css`
  :host {
    display: block;
  }
  .composer {
    display: grid;
    gap: var(--cp-space-1);
  }
  .label {
    font-weight: 600;
  }
  .row {
    display: flex;
    align-items: end;
    gap: var(--cp-space-2);
  }
  textarea {
    flex: 1;
    min-width: 0;
    min-height: 2.75rem;
    max-height: 12rem;
    ${fieldBox}
    border-radius: 0.5rem;
    line-height: 1.5;
    resize: vertical;
    field-sizing: content;
  }
  textarea[aria-invalid='true'] {
    border: 2px solid var(--cp-color-danger);
  }
  .row .button {
    min-height: 2.75rem;
  }
  .hint {
    color: var(--cp-color-text-muted);
    font-size: 0.8125rem;
  }
  .count--over {
    color: var(--cp-color-danger);
    font-weight: 600;
  }
`;
