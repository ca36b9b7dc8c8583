import { css } from 'lit';

export const styles = css`
  .page {
    display: grid;
    gap: var(--cp-space-4);
    max-width: 48rem;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--cp-space-3);
  }
  .lead {
    margin: var(--cp-space-1) 0 0;
    color: var(--cp-color-text-muted);
  }
  .head__actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
  }
  .head__actions a.button {
    text-decoration: none;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--cp-space-2) var(--cp-space-4);
  }
  .tabs {
    display: flex;
    gap: var(--cp-space-1);
    margin: 0;
    padding: 0.25rem;
    border-radius: 999px;
    background: var(--cp-color-surface);
    list-style: none;
  }
  .tab {
    display: inline-block;
    padding: 0.25rem 0.875rem;
    border-radius: 999px;
    color: var(--cp-color-text);
    font-weight: 600;
    text-decoration: none;
  }
  .tab:hover {
    text-decoration: underline;
  }
  .tab[aria-current] {
    background: var(--cp-color-bg);
    color: var(--cp-color-accent-hover);
    box-shadow: 0 0 0 1px var(--cp-color-border-subtle);
  }
  .scope {
    color: var(--cp-color-accent);
    font-size: var(--cp-font-size-sm);
  }
  .list {
    display: grid;
    gap: var(--cp-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .empty {
    margin: 0;
    padding: var(--cp-space-6);
    border: 1px dashed var(--cp-color-border);
    border-radius: var(--cp-radius);
    color: var(--cp-color-text-muted);
    text-align: center;
  }
  .more {
    display: flex;
    justify-content: center;
  }
`;
