import { css } from 'lit';
import { wrapList } from '../../styles/lists.js';

export const styles = css`
  :host {
    display: block;
  }
  .card {
    display: grid;
    gap: var(--cp-space-3);
    height: 100%;
    align-content: start;
    padding: var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem;
    background: var(--cp-color-bg);
    transition: border-color 120ms ease, box-shadow 120ms ease;
  }
  .card:hover {
    border-color: #aab2bd;
    box-shadow: 0 1px 3px rgb(16 24 40 / 0.08);
  }
  .card[data-mine] {
    border-color: var(--cp-color-accent);
    box-shadow: inset 0 0 0 1px var(--cp-color-accent);
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: start;
    justify-content: space-between;
    gap: var(--cp-space-2);
  }
  .title {
    flex: 1 1 12rem;
    min-width: 0;
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
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-1);
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0 0.5rem;
    border-radius: 999px;
    font-size: 0.8125rem;
    font-weight: 600;
    white-space: nowrap;
  }
  .badge--mine {
    background: #e0eaff;
    color: var(--cp-color-accent-hover);
  }
  .badge--locked {
    background: #fffaeb;
    color: #7a2e0e;
  }
  .badge--full {
    background: var(--cp-color-danger-bg);
    color: var(--cp-color-danger);
  }
  .tags,
  .facts {
    ${wrapList}
  }
  .tag {
    display: inline-block;
  }
  .facts {
    align-items: center;
    gap: var(--cp-space-1) var(--cp-space-4);
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }
  .seats {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2);
    color: var(--cp-color-text);
    font-weight: 600;
  }
  .dots {
    display: inline-flex;
    gap: 3px;
  }
  .dot {
    width: 0.625rem;
    height: 0.625rem;
    border: 1.5px solid var(--cp-color-border);
    border-radius: 50%;
  }
  .dot[data-taken] {
    border-color: var(--cp-color-accent);
    background: var(--cp-color-accent);
  }
  .lively {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }
  .lively__dot {
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: #98a2b3;
  }
  .lively[data-level='calm'] .lively__dot {
    background: #1e8e3e;
  }
  .lively[data-level='lively'] .lively__dot,
  .lively[data-level='buzzing'] .lively__dot {
    background: #b26a00;
    box-shadow: 0 0 0 3px #fef0c7;
  }
  .hands {
    color: #7a2e0e;
    font-weight: 600;
  }
  .staff-line {
    margin: 0;
    padding: var(--cp-space-1) var(--cp-space-3);
    border-radius: var(--cp-radius);
    background: #f4ebff;
    color: #53389e;
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2);
  }
  @media (max-width: 30rem) {
    .card {
      padding: var(--cp-space-3);
    }
  }
`;
