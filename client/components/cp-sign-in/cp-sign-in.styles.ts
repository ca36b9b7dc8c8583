import { css } from 'lit';
import { fieldBox } from '../../styles/forms.js';

export const styles = css`
  :host {
    display: block;
  }

  .sign-in {
    display: grid;
    gap: var(--cp-space-4);
    max-width: 24rem;
  }

  .sign-in__title {
    margin: 0;
    font-size: var(--cp-font-size-lg);
  }

  .sign-in__field {
    display: grid;
    gap: var(--cp-space-1);
  }

  .sign-in__label {
    font-weight: 600;
  }

  .sign-in__hint {
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .sign-in__input {
    min-height: 2.5rem;
    ${fieldBox}
  }

  .sign-in__input[aria-invalid='true'] {
    border: 2px solid var(--cp-color-danger);
  }

  .sign-in__switch {
    margin: 0;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }
`;
