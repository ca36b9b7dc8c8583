import { css } from 'lit';
import { fieldBox } from '../../styles/forms.js';

export const styles = css`
  :host {
    display: block;
  }
  .composer {
    display: grid;
    gap: var(--cp-space-2);
  }
  .label {
    font-weight: 600;
  }
  .quote {
    overflow-wrap: anywhere;
  }
  .field {
    position: relative;
  }
  textarea {
    display: block;
    width: 100%;
    min-height: 5.5rem;
    max-height: 24rem;
    ${fieldBox}
    border-radius: 0.5rem;
    line-height: 1.5;
    resize: vertical;
    field-sizing: content;
  }
  textarea[aria-invalid='true'] {
    border: 2px solid var(--cp-color-danger);
  }
  .listbox {
    position: absolute;
    z-index: 5;
    top: calc(100% + 0.25rem);
    left: 0;
    min-width: 14rem;
    max-width: 100%;
    max-height: 16rem;
    margin: 0;
    padding: var(--cp-space-1);
    overflow-y: auto;
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.5rem;
    background: var(--cp-color-bg);
    box-shadow: 0 8px 24px rgb(16 24 40 / 0.14);
    list-style: none;
  }
  .option {
    display: flex;
    align-items: center;
    gap: var(--cp-space-2);
    padding: var(--cp-space-2) var(--cp-space-3);
    border-radius: var(--cp-radius);
    cursor: pointer;
  }
  .option[aria-selected='true'] {
    background: #e0eaff;
    color: var(--cp-color-accent-hover);
    outline: 2px solid var(--cp-color-accent);
    outline-offset: -2px;
  }
  .option__avatar {
    display: inline-grid;
    place-items: center;
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    color: #fff;
    font-size: 0.75rem;
    font-weight: 700;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--cp-space-2) var(--cp-space-3);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
  }
  .hint,
  .count {
    color: var(--cp-color-text-muted);
    font-size: 0.8125rem;
  }
  .count--over {
    color: var(--cp-color-danger);
    font-weight: 600;
  }
`;
