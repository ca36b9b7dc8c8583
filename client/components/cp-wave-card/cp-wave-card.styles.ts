import { css } from 'lit';
import { wrapList } from '../../styles/lists.js';

export const styles = css`
  :host {
    display: block;
  }
  .card {
    display: grid;
    grid-template-columns: 4.5rem minmax(0, 1fr);
    gap: var(--cp-space-4);
    padding: var(--cp-space-4) var(--cp-space-6) var(--cp-space-4) var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem;
    background: var(--cp-color-bg);
    transition: border-color 120ms ease, box-shadow 120ms ease;
  }
  .card:hover {
    border-color: #aab2bd;
    box-shadow: 0 1px 3px rgb(16 24 40 / 0.08);
  }
  .support {
    display: grid;
    place-content: center;
    justify-items: center;
    align-self: start;
    min-height: 4.25rem;
    padding: var(--cp-space-2);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.5rem;
    background: var(--cp-color-surface);
    text-align: center;
  }
  :host([supported]) .support {
    border-color: var(--cp-color-accent);
    background: #eef4ff;
  }
  .support__count {
    font-size: var(--cp-font-size-lg);
    font-weight: 700;
    line-height: 1.1;
  }
  .support__label {
    color: var(--cp-color-text-muted);
    font-size: 0.75rem;
  }
  .support__you {
    color: var(--cp-color-accent-hover);
    font-size: 0.75rem;
    font-weight: 700;
  }
  .body {
    display: grid;
    gap: var(--cp-space-2);
    min-width: 0;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2) var(--cp-space-3);
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }
  .title {
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.35;
    overflow-wrap: anywhere;
  }
  .title a {
    color: var(--cp-color-text);
    text-decoration: none;
  }
  .title a:hover {
    color: var(--cp-color-accent);
    text-decoration: underline;
  }
  .tags,
  .stats {
    ${wrapList}
  }
  .tag {
    display: inline-block;
  }
  .stats {
    gap: var(--cp-space-1) var(--cp-space-4);
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }
  .stats strong {
    color: var(--cp-color-text);
  }
  @media (max-width: 30rem) {
    .card {
      grid-template-columns: 3.75rem minmax(0, 1fr);
      gap: var(--cp-space-3);
      padding: var(--cp-space-3);
    }
    .support {
      min-height: 3.5rem;
      padding: var(--cp-space-1);
    }
    .support__label,
    .support__you {
      font-size: 0.6875rem;
    }
  }
`;
