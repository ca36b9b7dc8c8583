import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    /* Series colours keep 3:1 against the background (graphical objects, WCAG 1.4.11). */
    --cp-chart-1: var(--cp-color-accent, #0a58ca);
    --cp-chart-2: #b26a00;
    --cp-chart-3: #17692e;
  }

  .chart {
    margin: 0;
    display: grid;
    gap: var(--cp-space-2);
  }

  svg {
    width: 100%;
    height: auto;
    overflow: visible;
  }

  .chart--spark svg {
    width: 7.5rem;
  }

  .axis text {
    font-size: 11px;
    fill: var(--cp-color-text-muted);
  }

  .axis__grid {
    stroke: var(--cp-color-border-subtle);
    stroke-width: 1;
  }

  .axis__base {
    stroke: var(--cp-color-border);
    stroke-width: 1;
  }

  .line {
    fill: none;
    stroke-width: 2.5;
    stroke-linejoin: round;
    stroke-linecap: round;
  }

  .chart--spark .line {
    stroke-width: 1.5;
  }

  .line.series--1 {
    stroke: var(--cp-chart-1);
  }
  .line.series--2 {
    stroke: var(--cp-chart-2);
    stroke-dasharray: 6 3;
  }
  .line.series--3 {
    stroke: var(--cp-chart-3);
    stroke-dasharray: 2 3;
  }

  rect.series--1,
  .dot.series--1,
  .legend__swatch.series--1 {
    fill: var(--cp-chart-1);
    background: var(--cp-chart-1);
  }
  rect.series--2,
  .dot.series--2,
  .legend__swatch.series--2 {
    fill: var(--cp-chart-2);
    background: var(--cp-chart-2);
  }
  rect.series--3,
  .dot.series--3,
  .legend__swatch.series--3 {
    fill: var(--cp-chart-3);
    background: var(--cp-chart-3);
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-1) var(--cp-space-4);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .legend li {
    display: inline-flex;
    align-items: center;
    gap: var(--cp-space-2);
  }

  .legend__swatch {
    display: inline-block;
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 2px;
  }

  .numbers summary {
    cursor: pointer;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-accent);
  }

  .numbers__scroll {
    max-height: 16rem;
    overflow: auto;
    margin-top: var(--cp-space-2);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
  }

  table {
    width: 100%;
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
    padding: var(--cp-space-1) var(--cp-space-3);
    border-top: 1px solid var(--cp-color-border-subtle);
    text-align: right;
    font-variant-numeric: tabular-nums;
  }

  th[scope='row'],
  thead th:first-child {
    text-align: left;
    font-weight: 400;
  }
`;
