import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { StaffTable } from '../../../shared/schemas/staff-floor.js';
import { isBusyWithoutStaff, isFreshAlert, STAFF_FLOOR } from '../../../shared/staff-floor.js';
import { AppElement } from '../../base-element.js';
import { listOfNames, seatsLabel } from '../../cafe/floor.js';
import { consoleLinks } from '../../console/console-router.js';
import { perMinute, sparkValues } from '../../console/floor-state.js';
import { shared } from '../../styles/shared.js';
import '../cp-sparkline/cp-sparkline.js';
import { styles } from './cp-floor-table.styles.js';

export interface FloorJoinDetail {
  tableId: string;
}

/**
 * @summary One table on the console's live floor, at a fixed height (the grid is windowed):
 * topic (opens the table in the console), seats, which staff sit there, messages per minute
 * with a 15-minute sparkline, the last line said, and its alerts (hands, watched word, busy
 * without staff). "Join (staff seat)" asks the page to seat the viewer there.
 * @fires cp-floor-join - Join this table on a staff seat; `detail.tableId`.
 */
@customElement('cp-floor-table')
export class CpFloorTable extends AppElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) table?: StaffTable;
  @property() slug = '';
  @property({ attribute: false }) viewerId: string | null = null;
  /** The clock the sparkline and alerts are read at (the page ticks it). */
  @property({ attribute: false }) now = Date.now();
  @property({ type: Boolean }) pending = false;

  override render() {
    const t = this.table;
    if (!t) return nothing;
    const values = sparkValues(t, this.now);
    const total = values.reduce((a, b) => a + b, 0);
    const rate = perMinute(t, this.now);
    const staff = t.people.filter((p) => p.staff);
    const seatedHere = this.viewerId !== null && t.people.some((p) => p.id === this.viewerId);
    const watched = t.watched && isFreshAlert(t.watched.at, this.now) ? t.watched : null;
    const busy = isBusyWithoutStaff(t, this.now);
    const titleId = `floor-topic-${t.id}`;
    return html`<article class="card" aria-labelledby=${titleId} ?data-alert=${t.hands.length > 0 || watched !== null || busy} ?data-mine=${seatedHere}>
      <div class="top">
        <h3 class="title" id=${titleId}><a href=${consoleLinks.floor(this.slug, t.id)}>${t.topic}</a></h3>
        <ul class="badges" aria-label="Alerts">
          ${t.hands.length ? html`<li class="badge badge--hand">${t.hands.length} ${t.hands.length === 1 ? 'hand' : 'hands'} up</li>` : nothing}
          ${watched ? html`<li class="badge badge--watched" title=${watched.reason}>Watched word</li>` : nothing}
          ${busy ? html`<li class="badge badge--busy">Busy, no staff</li>` : nothing}
          ${t.locked ? html`<li class="badge badge--locked">Locked</li>` : nothing}
        </ul>
      </div>
      <p class="facts">
        <span>${seatsLabel(t)}</span>
        <span class=${staff.length ? 'staff' : 'no-staff'}>${staff.length ? `Staff: ${listOfNames(staff.map((p) => p.displayName), 2)}` : 'No staff'}</span>
      </p>
      <div class="activity">
        <cp-sparkline .values=${values} label="Messages per minute, last ${STAFF_FLOOR.sparklineMinutes} minutes: ${total} in all"></cp-sparkline>
        <span class="rate">${rate} msg/min</span>
      </div>
      <p class="last-line">
        ${t.lastLine
          ? html`<span class="author">${t.lastLine.author.displayName}:</span> ${t.lastLine.body}`
          : html`<span class="muted">Nothing said yet.</span>`}
      </p>
      <div class="actions">
        ${seatedHere
          ? html`<a class="button button--quiet" href=${consoleLinks.floor(this.slug, t.id)}>Open<span class="visually-hidden"> ${t.topic}</span></a>`
          : html`<button class="button button--quiet" type="button" ?disabled=${this.pending} @click=${() => this.emit('cp-floor-join', { tableId: t.id })}>
              ${this.pending ? 'Joining…' : 'Join (staff seat)'}<span class="visually-hidden"> at ${t.topic}</span>
            </button>`}
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-floor-table': CpFloorTable;
  }
  interface GlobalEventHandlersEventMap {
    'cp-floor-join': CustomEvent<FloorJoinDetail>;
  }
}
