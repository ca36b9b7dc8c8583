import { css } from 'lit';
import { fieldBox } from '../../styles/forms.js';

export const styles = css`
  :host {
    display: block;
  }

  .composer {
    display: grid;
    gap: var(--cp-space-2);
    max-width: 40rem;
  }

  .composer__label {
    font-weight: 600;
  }

  .composer__hint,
  .composer__count {
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .composer__text {
    min-height: 7rem;
    ${fieldBox}
    resize: vertical;
  }

  .composer__text[aria-invalid='true'] {
    border: 2px solid var(--cp-color-danger);
  }

  .composer__actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--cp-space-3);
  }
`;
