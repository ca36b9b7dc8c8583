import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { AppElement } from '../../base-element.js';
import { msg } from '../../i18n/app.js';
import type { ConnectionState } from '../../controllers/connection-controller.js';
import { shared } from '../../styles/shared.js';
import { styles } from './cp-connection-status.styles.js';

const label = (state: ConnectionState): string =>
  state === 'connected' ? msg('Connected') : state === 'reconnecting' ? msg('Reconnecting…') : state === 'offline' ? msg('Offline') : msg('Connecting…');

/**
 * @summary The live connection state as a coloured dot and a word; screen readers hear each change.
 * @csspart status - The wrapper holding the dot and the label.
 */
@customElement('cp-connection-status')
export class CpConnectionStatus extends AppElement {
  static override styles = [shared, styles];

  /** The state to show, usually a ConnectionController's `state`. */
  @property({ reflect: true }) state: ConnectionState = 'connecting';

  override render() {
    return html`<span class="status" part="status" role="status" aria-live="polite">
      <span class="status__dot" aria-hidden="true"></span>
      <span class="status__label">${label(this.state)}</span>
    </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-connection-status': CpConnectionStatus;
  }
}
