import { html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { AppElement } from '../../base-element.js';
import { shared } from '../../styles/shared.js';
import { labelIndexes, linePath, maxOf, pointX, scaleOf, stackedBars, summarize, valueY, type ChartSeries, type Frame } from './chart-geometry.js';
import { styles } from './cp-chart.styles.js';

export type ChartType = 'line' | 'bar' | 'sparkline';
export type { ChartSeries } from './chart-geometry.js';

// About the width a card gives a chart, so axis text stays near its real size when the SVG scales.
const FULL: Frame = { width: 380, height: 160, left: 40, right: 10, top: 10, bottom: 24 };
const SPARK: Frame = { width: 120, height: 32, left: 2, right: 2, top: 3, bottom: 3 };

/**
 * @summary A small SVG chart: a line (one or more series), stacked bars, or an inline sparkline.
 * Accessible: the SVG is an image with a `<title>` and a `<desc>` (one sentence per series), and
 * full charts carry their numbers in a data table under "Show the numbers".
 *
 * @cssproperty --cp-chart-1 - Colour of the first series (then -2, -3).
 */
@customElement('cp-chart')
export class CpChart extends AppElement {
  static override styles = [shared, styles];

  /** `line`, `bar` (stacked when there are several series) or `sparkline` (the first series, no axes, no table). */
  @property() type: ChartType = 'line';
  /** What the chart shows; its `<title>` and the table's caption. */
  @property() label = '';
  /** The x-axis labels, one per value (e.g. short dates). */
  @property({ attribute: false }) labels: string[] = [];
  @property({ attribute: false }) series: ChartSeries[] = [];
  /** How values are written in the table, the axis and the description. */
  @property({ attribute: false }) format: (value: number) => string = (v) => v.toLocaleString();

  private description(): string {
    return this.series.map((s) => summarize(this.labels, s, this.format)).join(' ');
  }

  private renderPlot(frame: Frame) {
    const stacked = this.type === 'bar';
    const series = this.type === 'sparkline' ? this.series.slice(0, 1) : this.series;
    const integers = series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));
    const { top, ticks } = scaleOf(maxOf(series, stacked), integers);
    const axis =
      this.type === 'sparkline'
        ? nothing
        : svg`<g class="axis">
            ${ticks.map((t) => {
              const y = valueY(t, top, frame);
              return svg`<line x1=${frame.left} x2=${frame.width - frame.right} y1=${y} y2=${y} class=${t === 0 ? 'axis__base' : 'axis__grid'}></line>
                <text x=${frame.left - 6} y=${y} dy="0.32em" text-anchor="end">${this.format(t)}</text>`;
            })}
            ${labelIndexes(this.labels.length).map((i) => {
              const x = stacked ? frame.left + ((frame.width - frame.left - frame.right) / this.labels.length) * (i + 0.5) : pointX(i, this.labels.length, frame);
              return svg`<text x=${x} y=${frame.height - 6} text-anchor="middle">${this.labels[i]}</text>`;
            })}
          </g>`;
    if (stacked) {
      return svg`${axis}${stackedBars(series, top, frame).map(
        (b) => svg`<rect class="series series--${(b.series % 3) + 1}" x=${b.x} y=${b.y} width=${b.width} height=${b.height}></rect>`,
      )}`;
    }
    return svg`${axis}${series.map((s, k) => {
      const n = s.values.length;
      // A lone point between gaps has no segment to draw: mark every point on short series.
      const dots = n <= 31 ? s.values.map((v, i) => (v === null ? nothing : svg`<circle class="dot series--${(k % 3) + 1}" cx=${pointX(i, n, frame)} cy=${valueY(v, top, frame)} r=${this.type === 'sparkline' ? 1.5 : 3}></circle>`)) : nothing;
      return svg`<path class="line series--${(k % 3) + 1}" d=${linePath(s.values, top, frame)}></path>${dots}`;
    })}`;
  }

  private renderLegend() {
    if (this.series.length < 2) return nothing;
    return html`<ul class="legend" aria-hidden="true">
      ${this.series.map((s, k) => html`<li><span class="legend__swatch series--${(k % 3) + 1}"></span>${s.name}</li>`)}
    </ul>`;
  }

  private renderTable() {
    return html`<details class="numbers">
      <summary>Show the numbers</summary>
      <div class="numbers__scroll" role="region" aria-label="${this.label}: the numbers" tabindex="0">
        <table>
          <caption>${this.label}</caption>
          <thead>
            <tr>
              <th scope="col"><span class="visually-hidden">When</span></th>
              ${this.series.map((s) => html`<th scope="col">${s.name}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${this.labels.map(
              (label, i) => html`<tr>
                <th scope="row">${label}</th>
                ${this.series.map((s) => html`<td>${s.values[i] === null || s.values[i] === undefined ? '—' : this.format(s.values[i]!)}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>`;
  }

  override render() {
    const spark = this.type === 'sparkline';
    const frame = spark ? SPARK : FULL;
    return html`<figure class=${spark ? 'chart chart--spark' : 'chart'}>
      <svg viewBox="0 0 ${frame.width} ${frame.height}" role="img" aria-labelledby="title desc" focusable="false">
        <title id="title">${this.label}</title>
        <desc id="desc">${this.description()}</desc>
        ${this.renderPlot(frame)}
      </svg>
      ${spark ? nothing : html`${this.renderLegend()} ${this.renderTable()}`}
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-chart': CpChart;
  }
}
