import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .people {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--cp-font-size-sm);
  }
  .person {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-width: 0;
    max-width: 100%;
    padding: 0.125rem 0.625rem 0.125rem 0.125rem;
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 999px;
    background: var(--cp-color-bg);
  }
  [data-compact] .person {
    padding: 0.125rem;
  }
  .person[data-staff] {
    border-color: #d6bbfb;
    background: #fcfaff;
  }
  /* Away: a dashed outline and a grey avatar; the name keeps full contrast (no opacity). */
  .person[data-away] {
    border-style: dashed;
    border-color: var(--cp-color-border);
    background: var(--cp-color-surface);
  }
  .person[data-away] .avatar {
    filter: grayscale(1);
  }
  .avatar {
    display: inline-grid;
    flex: none;
    place-items: center;
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    color: #fff;
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1;
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  a.name {
    color: var(--cp-color-text);
    text-decoration: underline;
    text-decoration-color: var(--cp-color-border);
    text-underline-offset: 0.15em;
  }
  a.name:hover {
    color: var(--cp-color-accent-hover);
  }
  .note {
    color: var(--cp-color-text-muted);
  }
  .staff {
    padding: 0 0.375rem;
    border-radius: 999px;
    background: #6941c6;
    color: #fff;
    font-size: 0.75rem;
    font-weight: 700;
    letter-spacing: 0.02em;
  }
  .empty {
    margin: 0;
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }
`;
