import { css } from 'lit';
import { fieldBox } from '../../styles/forms.js';

export const styles = css`
  .page {
    display: grid;
    gap: var(--cp-space-6);
  }
  .person {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-4);
  }
  .person__text {
    flex: 1;
    min-width: 12rem;
  }
  .person h2 {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .you {
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-lg);
    font-weight: 400;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--cp-space-3);
    margin: var(--cp-space-1) 0 0;
    color: var(--cp-color-text-muted);
  }
  .role {
    color: #4a1fb8;
    font-weight: 600;
  }
  .about {
    display: grid;
    gap: var(--cp-space-3);
    max-width: 44rem;
  }
  .bio {
    margin: 0;
    font-size: 1.0625rem;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .pending {
    margin: 0;
    padding: var(--cp-space-3) var(--cp-space-4);
    border-left: 4px solid var(--cp-color-dot-pending);
    border-radius: var(--cp-radius);
    background: #fffaeb;
    color: #7a2e0e;
    overflow-wrap: anywhere;
  }
  .interests {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .interests li {
    padding: 0.125rem 0.75rem;
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 999px;
    background: var(--cp-color-surface);
    font-size: var(--cp-font-size-sm);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
    gap: var(--cp-space-4);
  }
  .card {
    display: grid;
    gap: var(--cp-space-3);
    align-content: start;
    padding: var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem;
    background: var(--cp-color-bg);
    min-width: 0;
  }
  .card h3 {
    margin: 0;
    font-size: var(--cp-font-size-md);
  }
  .count {
    color: var(--cp-color-text-muted);
    font-weight: 400;
  }
  .list {
    display: grid;
    gap: var(--cp-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .wave {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-1) var(--cp-space-2);
    min-width: 0;
  }
  .wave > a {
    color: var(--cp-color-accent);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .how {
    flex-basis: 100%;
    margin: 0;
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }
  .how a {
    color: var(--cp-color-accent);
  }
  .credits {
    border-color: #abefc6;
    background: #f6fef9;
  }
  .spotlights {
    border-color: #fedf89;
    background: #fffcf5;
  }
  .spotlight__text {
    margin: 0;
    font-style: italic;
    overflow-wrap: anywhere;
  }
  .editor {
    max-width: 44rem;
    gap: var(--cp-space-4);
  }
  .editor h3 {
    font-size: var(--cp-font-size-lg);
  }
  .field {
    display: grid;
    gap: var(--cp-space-1);
  }
  .field label {
    font-weight: 600;
  }
  .hint {
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }
  input,
  textarea {
    width: 100%;
    min-height: 2.5rem;
    ${fieldBox}
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--cp-color-danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-3);
  }
`;
