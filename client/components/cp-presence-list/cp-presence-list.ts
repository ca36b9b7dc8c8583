import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { AppElement } from '../../base-element.js';
import { msg } from '../../i18n/app.js';
import type { Peer } from '../../controllers/collab-controller.js';
import { shared } from '../../styles/shared.js';
import { styles } from './cp-presence-list.styles.js';

const SAFE_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * @summary "Who is here": everyone with the document open, with the colour of their cursor.
 */
@customElement('cp-presence-list')
export class CpPresenceList extends AppElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) peers: Peer[] = [];

  override render() {
    if (this.peers.length === 0) return nothing;
    return html`<div class="wrap" role="group" aria-labelledby="presence-label">
      <span class="label" id="presence-label">${msg('Who is here')}</span>
      <ul class="presence">
        ${repeat(
          this.peers,
          (p) => p.clientId,
          (p) => html`<li class="peer">
            <span class="dot" aria-hidden="true" style=${styleMap({ background: SAFE_COLOR.test(p.color) ? p.color : '#667085' })}></span>
            ${p.name}${p.self ? html`<span class="label">${msg('(you)')}</span>` : nothing}
          </li>`,
        )}
      </ul>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-presence-list': CpPresenceList;
  }
}
