import { css } from 'lit';

export const styles = css`
  .page {
    display: grid;
    gap: var(--cp-space-4);
    max-width: 48rem;
  }
  form {
    display: flex;
    gap: var(--cp-space-2);
  }
  input {
    flex: 1;
    min-width: 0;
    min-height: 2.75rem;
    padding: 0 var(--cp-space-3);
    border: 1px solid var(--cp-color-border);
    border-radius: 0.5rem;
    font: inherit;
  }
  .groups {
    display: grid;
    gap: var(--cp-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .group {
    display: grid;
    gap: var(--cp-space-2);
    padding: var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem;
  }
  h3 {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2);
    margin: 0;
    font-size: 1.0625rem;
  }
  h3 a {
    color: var(--cp-color-text);
  }
  .hits {
    display: grid;
    gap: var(--cp-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .hit {
    display: grid;
    gap: 0.125rem;
    padding: var(--cp-space-2) var(--cp-space-3);
    border-radius: 0.5rem;
    background: var(--cp-color-surface);
    color: var(--cp-color-text);
    text-decoration: none;
  }
  .hit:hover {
    background: #e9ecf1;
  }
  .kind {
    color: var(--cp-color-text-muted);
    font-size: 0.8125rem;
    font-weight: 600;
  }
  mark {
    padding: 0 0.1em;
    border-radius: 0.2em;
    background: #fde68a;
    color: inherit;
  }
`;
