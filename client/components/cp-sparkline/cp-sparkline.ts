import { html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { AppElement } from '../../base-element.js';
import { sparkPoints } from '../../console/floor-state.js';
import { styles } from './cp-sparkline.styles.js';

const WIDTH = 90;
const HEIGHT = 22;

/**
 * @summary A small line of numbers over time (messages per minute, oldest first), as an SVG
 * image with a text equivalent; the newest point is marked.
 */
@customElement('cp-sparkline')
export class CpSparkline extends AppElement {
  static override styles = [styles];

  @property({ attribute: false }) values: number[] = [];
  /** What the line shows, for screen readers and the tooltip. */
  @property() label = '';

  override render() {
    const values = this.values;
    const points = sparkPoints(values, WIDTH, HEIGHT);
    const last = points.split(' ').at(-1)?.split(',') ?? ['0', '0'];
    const total = values.reduce((a, b) => a + b, 0);
    return html`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width=${WIDTH} height=${HEIGHT} role="img" aria-label=${this.label} ?data-quiet=${total === 0}>
      <title>${this.label}</title>
      ${svg`<polyline points=${points} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"></polyline>
      <circle cx=${last[0]!} cy=${last[1]!} r="2" fill="currentColor"></circle>`}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-sparkline': CpSparkline;
  }
}
