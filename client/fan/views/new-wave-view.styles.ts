import { css } from 'lit';
import { fieldBox } from '../../styles/forms.js';

export const styles = css`
  .page {
    display: grid;
    gap: var(--cp-space-6);
    max-width: 44rem;
  }
  .lead {
    margin: var(--cp-space-2) 0 0;
    color: var(--cp-color-text-muted);
  }
  form {
    display: grid;
    gap: var(--cp-space-6);
    padding: var(--cp-space-6);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem;
    background: var(--cp-color-bg);
  }
  .field {
    display: grid;
    gap: var(--cp-space-1);
  }
  label {
    font-weight: 600;
  }
  .hint {
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }
  input,
  textarea {
    width: 100%;
    min-height: 2.75rem;
    ${fieldBox}
    border-radius: 0.5rem;
  }
  textarea {
    min-height: 12rem;
    line-height: 1.6;
    resize: vertical;
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
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-3);
    align-items: center;
  }
  .signed-out {
    display: grid;
    gap: var(--cp-space-3);
    justify-items: start;
    padding: var(--cp-space-6);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem;
  }
  @media (max-width: 30rem) {
    form {
      padding: var(--cp-space-4);
    }
  }
`;
