import { css } from 'lit';
import { errorText, fieldBox } from '../../styles/forms.js';

export const styles = css`
  :host {
    display: block;
  }

  .catalysts {
    display: grid;
    gap: var(--cp-space-4);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: start;
    gap: var(--cp-space-3) var(--cp-space-6);
    padding: var(--cp-space-3) var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    background: var(--cp-color-surface);
  }

  .window {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2) var(--cp-space-4);
    margin: 0;
    padding: 0;
    border: 0;
  }

  .window legend {
    float: left;
    margin-right: var(--cp-space-3);
    font-weight: 600;
  }

  .window__option {
    display: inline-flex;
    align-items: center;
    gap: var(--cp-space-1);
    cursor: pointer;
  }

  .how {
    flex: 1 1 20rem;
    font-size: var(--cp-font-size-sm);
  }

  .how summary {
    cursor: pointer;
    color: var(--cp-color-accent);
  }

  .how p {
    margin: var(--cp-space-2) 0 0;
  }

  .empty {
    margin: 0;
    color: var(--cp-color-text-muted);
  }

  .entries {
    display: grid;
    gap: var(--cp-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .entry {
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    background: var(--cp-color-bg);
  }

  .entry__head {
    display: grid;
    grid-template-columns: 2.5rem minmax(0, 1fr) auto;
    align-items: center;
    gap: var(--cp-space-2) var(--cp-space-3);
    padding: var(--cp-space-3) var(--cp-space-4);
  }

  .entry__rank {
    font-size: var(--cp-font-size-lg);
    font-weight: 700;
    color: var(--cp-color-text-muted);
    text-align: center;
  }

  .entry__name {
    margin: 0;
    font-size: var(--cp-font-size-md);
  }

  .entry__summary {
    margin: 0;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .entry__score {
    display: grid;
    margin: 0;
    text-align: right;
  }

  .entry__score-value {
    font-size: var(--cp-font-size-lg);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .entry__score-label {
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .entry__toggle {
    grid-column: 2 / -1;
    justify-self: start;
  }

  .entry__panel {
    display: grid;
    gap: var(--cp-space-3);
    padding: var(--cp-space-3) var(--cp-space-4) var(--cp-space-4);
    border-top: 1px solid var(--cp-color-border-subtle);
  }

  .entry__subtitle {
    margin: 0;
    font-size: var(--cp-font-size-sm);
  }

  .evidence {
    display: grid;
    gap: var(--cp-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .evidence li {
    display: grid;
    gap: 0 var(--cp-space-3);
    grid-template-columns: minmax(0, 1fr) auto;
  }

  .evidence a {
    font-weight: 600;
    color: var(--cp-color-accent);
  }

  .evidence__who {
    grid-column: 1;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .evidence__when {
    grid-column: 2;
    grid-row: 1;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
  }

  .action-form {
    display: grid;
    gap: var(--cp-space-2);
    max-width: 40rem;
  }

  .action-form label {
    font-weight: 600;
  }

  .hint {
    margin: 0;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  textarea {
    width: 100%;
    min-height: 5rem;
    resize: vertical;
    ${fieldBox}
  }

  [aria-invalid='true'] {
    border: 2px solid var(--cp-color-danger);
  }

  .error {
    ${errorText}
  }

  .action-form__buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
  }

  @media (max-width: 36rem) {
    .entry__head {
      grid-template-columns: 2rem minmax(0, 1fr);
    }
    .entry__score {
      grid-column: 2;
      text-align: left;
    }
  }
`;
