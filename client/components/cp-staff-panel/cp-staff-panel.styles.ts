import { css } from 'lit';
import { fieldBox } from '../../styles/forms.js';

export const styles = css`
  :host {
    display: block;
  }
  .panel {
    display: grid;
    gap: var(--cp-space-4);
  }
  form,
  .row {
    display: grid;
    gap: var(--cp-space-2);
  }
  label,
  .label {
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }
  select,
  textarea,
  input {
    width: 100%;
    min-height: 2.5rem;
    ${fieldBox}
  }
  textarea {
    min-height: 4.5rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--cp-color-danger);
  }
  details {
    border-top: 1px solid var(--cp-color-border-subtle);
    padding-top: var(--cp-space-3);
  }
  summary {
    font-weight: 600;
    cursor: pointer;
  }
  details[open] summary {
    margin-bottom: var(--cp-space-3);
  }
  .candidates {
    display: grid;
    gap: var(--cp-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .candidate {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--cp-space-2);
    width: 100%;
    padding: var(--cp-space-2);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    background: var(--cp-color-bg);
    color: inherit;
    font: inherit;
    text-align: left;
    cursor: pointer;
  }
  .candidate[aria-pressed='true'] {
    border-color: var(--cp-color-accent);
    background: #eef4ff;
  }
  .hint {
    margin: 0;
    color: var(--cp-color-text-muted);
    font-size: 0.8125rem;
  }
`;
