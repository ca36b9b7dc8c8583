import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { AppElement } from '../../base-element.js';
import { QUEUE_SHORTCUTS } from '../cp-moderation-queue/shortcuts.js';
import { styles } from './cp-moderation-legend.styles.js';

/**
 * @summary The queue's keyboard shortcuts, always on screen in a small legend.
 */
@customElement('cp-moderation-legend')
export class CpModerationLegend extends AppElement {
  static override styles = styles;

  override render() {
    return html`<section class="legend" aria-labelledby="legend-title">
      <span class="legend__title" id="legend-title">Keys</span>
      <dl>
        ${QUEUE_SHORTCUTS.map(
          (s) => html`<div class="pair">
            <dt><kbd>${s.key === 'Escape' ? 'Esc' : s.key}</kbd></dt>
            <dd>${s.label}</dd>
          </div>`,
        )}
      </dl>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-moderation-legend': CpModerationLegend;
  }
}
