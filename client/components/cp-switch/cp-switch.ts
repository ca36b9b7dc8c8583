import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { AppElement } from '../../base-element.js';
import { msg } from '../../i18n/app.js';
import { shared } from '../../styles/shared.js';
import { styles } from './cp-switch.styles.js';

/**
 * @summary An on/off switch (role="switch") with its label; Space or Enter toggles it.
 * @fires cp-switch-change - The person flipped it; `detail.checked` is the new state.
 */
@customElement('cp-switch')
export class CpSwitch extends AppElement {
  static override styles = [shared, styles];

  @property({ type: Boolean, reflect: true }) checked = false;
  @property({ type: Boolean }) disabled = false;
  @property() label = '';

  private toggle(): void {
    this.checked = !this.checked;
    this.emit('cp-switch-change', { checked: this.checked });
  }

  override render() {
    return html`<button type="button" role="switch" aria-checked=${this.checked ? 'true' : 'false'} ?disabled=${this.disabled} @click=${this.toggle}>
      <span class="track" aria-hidden="true"><span class="thumb"></span></span>
      <span>${this.label}</span>
      <span class="state" aria-hidden="true">${this.checked ? msg('On') : msg('Off')}</span>
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-switch': CpSwitch;
  }
}
