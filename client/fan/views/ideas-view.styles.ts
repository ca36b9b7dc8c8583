import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .page {
    display: grid;
    gap: var(--cp-space-4);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--cp-space-3);
  }
  h2 {
    margin: 0;
    font-size: var(--cp-font-size-xl);
    line-height: 1.2;
  }
  h2:focus {
    outline: none;
  }
  .search {
    display: flex;
    flex: 1 1 18rem;
    max-width: 28rem;
    gap: var(--cp-space-2);
  }
  .search input {
    flex: 1;
    min-width: 0;
    min-height: 2.5rem;
    padding: 0 var(--cp-space-3);
    border: 1px solid var(--cp-color-border);
    border-radius: var(--cp-radius);
    font: inherit;
  }
  .start {
    text-decoration: none;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--cp-space-3);
    padding-bottom: var(--cp-space-3);
    border-bottom: 1px solid var(--cp-color-border-subtle);
  }
  .tabs {
    display: inline-flex;
    gap: 0.125rem;
    margin: 0;
    padding: 0.1875rem;
    border-radius: 0.5rem;
    background: var(--cp-color-surface);
    list-style: none;
  }
  .tab {
    display: inline-block;
    padding: 0.3rem 0.9rem;
    border-radius: 0.375rem;
    color: var(--cp-color-text-muted);
    font-weight: 600;
    text-decoration: none;
  }
  .tab:hover {
    color: var(--cp-color-text);
  }
  .tab[aria-current='page'] {
    background: var(--cp-color-bg);
    color: var(--cp-color-text);
    box-shadow: 0 1px 2px rgb(16 24 40 / 0.12);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2) var(--cp-space-4);
  }
  .filters label {
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }
  select {
    min-height: 2.25rem;
    margin-left: var(--cp-space-2);
    padding: 0 var(--cp-space-2);
    border: 1px solid var(--cp-color-border);
    border-radius: var(--cp-radius);
    background: var(--cp-color-bg);
    font: inherit;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--cp-space-2);
    padding: 0.125rem 0.25rem 0.125rem 0.625rem;
    border-radius: 999px;
    background: #e0eaff;
    color: var(--cp-color-accent-hover);
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }
  .chip a {
    display: inline-grid;
    place-items: center;
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    color: inherit;
    text-decoration: none;
  }
  .chip a:hover {
    background: #c7d7fe;
  }
  .cards {
    display: grid;
    gap: var(--cp-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .more {
    display: flex;
    justify-content: center;
  }
  .fresh {
    justify-self: center;
  }
  .empty {
    display: grid;
    gap: var(--cp-space-3);
    justify-items: start;
    padding: var(--cp-space-8) var(--cp-space-6);
    border: 1px dashed var(--cp-color-border-subtle);
    border-radius: 0.75rem;
    color: var(--cp-color-text-muted);
  }
  .announcements:not([data-empty]) {
    padding: var(--cp-space-3) var(--cp-space-4);
    border: 1px solid #b2ccff;
    border-radius: 0.75rem;
    background: #f5f8ff;
  }
  .announcements h3 {
    margin: 0 0 var(--cp-space-2);
    font-size: var(--cp-font-size-sm);
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--cp-color-accent-hover);
  }
  .announcements[data-empty] h3 {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
  @media (max-width: 30rem) {
    h2 {
      font-size: var(--cp-font-size-lg);
    }
    .search {
      order: 3;
      max-width: none;
    }
  }
`;
