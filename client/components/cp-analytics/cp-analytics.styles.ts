import { css } from 'lit';
import { fieldBox } from '../../styles/forms.js';

export const styles = css`
  :host {
    display: block;
  }

  .analytics {
    display: grid;
    gap: var(--cp-space-4);
  }

  .window {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2) var(--cp-space-3);
    padding: var(--cp-space-3) var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    background: var(--cp-color-surface);
  }

  .window label {
    font-weight: 600;
  }

  select {
    min-height: 2.5rem;
    ${fieldBox}
  }

  .cards {
    display: grid;
    gap: var(--cp-space-4);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 26rem), 1fr));
  }

  .card {
    display: grid;
    align-content: start;
    gap: var(--cp-space-3);
    min-width: 0;
    padding: var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    background: var(--cp-color-bg);
  }

  .card--wide {
    grid-column: 1 / -1;
  }

  .card__title {
    margin: 0;
    font-size: var(--cp-font-size-lg);
  }

  .card__subtitle {
    margin: 0;
    font-size: var(--cp-font-size-sm);
  }

  .card__lead,
  .card p {
    margin: 0;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .stats {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-3) var(--cp-space-6);
    margin: 0;
  }

  .stat dt {
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .stat dd {
    display: grid;
    margin: 0;
    font-size: var(--cp-font-size-lg);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .stat__hint {
    font-size: var(--cp-font-size-sm);
    font-weight: 400;
    color: var(--cp-color-text-muted);
  }

  .open-hands,
  .downloads {
    display: grid;
    gap: var(--cp-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .open-hands li {
    display: grid;
    font-size: var(--cp-font-size-sm);
  }

  .open-hands__question,
  .open-hands__wait {
    color: var(--cp-color-text-muted);
  }

  .downloads {
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
  }

  a {
    color: var(--cp-color-accent);
  }

  .scroller {
    overflow-x: auto;
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
  }

  table {
    width: 100%;
    min-width: 30rem;
    border-collapse: collapse;
    font-size: var(--cp-font-size-sm);
  }

  caption {
    padding: var(--cp-space-2) var(--cp-space-3);
    text-align: left;
    color: var(--cp-color-text-muted);
  }

  th,
  td {
    padding: var(--cp-space-2) var(--cp-space-3);
    border-top: 1px solid var(--cp-color-border-subtle);
    text-align: right;
    font-variant-numeric: tabular-nums;
  }

  th[scope='row'],
  thead th:first-child {
    text-align: left;
  }

  .empty {
    padding: var(--cp-space-3);
  }
`;
