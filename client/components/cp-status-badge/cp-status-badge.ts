import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { WaveStatus } from '../../../shared/schemas/waves.js';
import { AppElement } from '../../base-element.js';
import { msg } from '../../i18n/app.js';
import { shared } from '../../styles/shared.js';
import { statusLabel } from '../../waves/status.js';
import { styles } from './cp-status-badge.styles.js';

/**
 * @summary A wave's status as a word in a tinted pill; the colour only repeats what the word says.
 * @csspart badge - The pill.
 */
@customElement('cp-status-badge')
export class CpStatusBadge extends AppElement {
  static override styles = [shared, styles];

  @property({ reflect: true }) status: WaveStatus = 'open';

  override render() {
    return html`<span class="badge" part="badge"
      ><span class="badge__dot" aria-hidden="true"></span><span class="visually-hidden">${msg('Status:')} </span>${statusLabel(this.status)}</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-status-badge': CpStatusBadge;
  }
}
