import { css } from 'lit';
import { fieldBox } from '../../styles/forms.js';
import { stackList } from '../../styles/lists.js';

export const styles = css`
  :host {
    display: block;
  }

  .queue {
    display: grid;
    gap: var(--cp-space-3);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--cp-space-3);
  }

  .toolbar__side {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2) var(--cp-space-4);
  }

  .live {
    display: inline-flex;
    align-items: center;
    gap: var(--cp-space-1);
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .live::before {
    content: '';
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
    background: var(--cp-color-dot-pending);
  }

  .live--on::before {
    background: var(--cp-color-dot-connected);
  }

  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-1);
    min-width: 0;
    border-bottom: 1px solid var(--cp-color-border-subtle);
  }

  .tab {
    display: inline-flex;
    align-items: center;
    gap: var(--cp-space-2);
    min-height: 2.5rem;
    margin-bottom: -1px;
    padding: var(--cp-space-2) var(--cp-space-3);
    border: 1px solid transparent;
    border-bottom: 3px solid transparent;
    border-radius: var(--cp-radius) var(--cp-radius) 0 0;
    background: none;
    color: var(--cp-color-text-muted);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  @media (max-width: 30rem) {
    .tab {
      gap: var(--cp-space-1);
      padding: var(--cp-space-2);
    }
  }

  .tab:hover {
    color: var(--cp-color-text);
    background: var(--cp-color-surface);
  }

  .tab[aria-selected='true'] {
    border-bottom-color: var(--cp-color-accent);
    color: var(--cp-color-accent);
  }

  .tab__count {
    min-width: 1.5rem;
    padding: 0 var(--cp-space-2);
    border-radius: 1rem;
    background: var(--cp-color-surface);
    color: var(--cp-color-text);
    font-size: var(--cp-font-size-sm);
    text-align: center;
  }

  .tab[aria-selected='true'] .tab__count {
    background: var(--cp-color-accent);
    color: var(--cp-color-on-accent);
  }

  .announce {
    margin: 0;
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }

  .panel {
    display: grid;
    gap: var(--cp-space-3);
  }

  .panel:focus {
    outline: none;
  }

  .panel:focus-visible {
    outline: var(--cp-focus-ring);
    outline-offset: var(--cp-focus-offset);
  }

  .bulk {
    display: grid;
    gap: var(--cp-space-2);
    padding: var(--cp-space-2) var(--cp-space-3);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    background: var(--cp-color-surface);
  }

  .bulk__row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2) var(--cp-space-4);
  }

  .bulk__all {
    display: inline-flex;
    align-items: center;
    gap: var(--cp-space-2);
    cursor: pointer;
  }

  .bulk__all input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--cp-color-accent);
  }

  .bulk__count {
    font-weight: 600;
  }

  .bulk__hint {
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }

  .bulk__buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
    margin-left: auto;
  }

  .bulk__reject {
    display: grid;
    gap: var(--cp-space-1);
  }

  .bulk__reject label {
    font-weight: 600;
  }

  .bulk__reject-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
  }

  .bulk__reject-row input {
    flex: 1 1 14rem;
    min-height: 2.5rem;
    ${fieldBox}
  }

  .bulk__reject-row input[aria-invalid='true'] {
    border: 2px solid var(--cp-color-danger);
  }

  .hint {
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .bulk__result {
    display: grid;
    gap: var(--cp-space-1);
    justify-items: start;
    padding: var(--cp-space-2) var(--cp-space-3);
    border-left: 4px solid var(--cp-color-success);
    border-radius: var(--cp-radius);
    background: var(--cp-color-success-bg);
  }

  .bulk__result:focus {
    outline: none;
  }

  .bulk__result:focus-visible {
    outline: var(--cp-focus-ring);
    outline-offset: var(--cp-focus-offset);
  }

  .bulk__result--warn {
    border-left-color: #b26a00;
    background: #fff4e5;
  }

  .bulk__result p,
  .bulk__result ul {
    margin: 0;
  }

  .bulk__result ul {
    padding-left: var(--cp-space-6);
  }

  .list {
    ${stackList}
  }

  .empty {
    margin: 0;
    padding: var(--cp-space-6);
    border: 1px dashed var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    color: var(--cp-color-text-muted);
    text-align: center;
  }

  .load-more {
    justify-self: center;
  }
`;
