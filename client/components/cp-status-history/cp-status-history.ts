import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { StatusChange } from '../../../shared/schemas/waves.js';
import { AppElement } from '../../base-element.js';
import { msg, msgRich } from '../../i18n/app.js';
import { shared } from '../../styles/shared.js';
import '../cp-relative-time/cp-relative-time.js';
import '../cp-status-badge/cp-status-badge.js';
import { styles } from './cp-status-history.styles.js';

/**
 * @summary Every status change of a wave, newest first, with the brand's public reason.
 */
@customElement('cp-status-history')
export class CpStatusHistory extends AppElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) changes: StatusChange[] = [];

  override render() {
    if (this.changes.length === 0) return html`<p class="muted">${msg('No status changes yet.')}</p>`;
    const newestFirst = [...this.changes].sort((a, b) => b.at.localeCompare(a.at));
    return html`<ol>
      ${newestFirst.map(
        (change) => html`<li>
          <span><cp-status-badge status=${change.to}></cp-status-badge></span>
          ${change.reason ? html`<p class="reason">${change.reason}</p>` : ''}
          <span class="meta">${msgRich('{name} · {when}', { name: change.actor.displayName, when: html`<cp-relative-time datetime=${change.at}></cp-relative-time>` })}</span>
        </li>`,
      )}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-status-history': CpStatusHistory;
  }
}
