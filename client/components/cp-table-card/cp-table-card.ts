import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CafeTable } from '../../../shared/schemas/cafe.js';
import { AppElement } from '../../base-element.js';
import { msg, msgRich } from '../../i18n/app.js';
import { isFull, liveliness, seatsLabel, staffLine } from '../../cafe/floor.js';
import { href } from '../../fan/router.js';
import { tagChip } from '../../styles/chips.js';
import { shared } from '../../styles/shared.js';
import '../cp-relative-time/cp-relative-time.js';
import '../cp-table-people/cp-table-people.js';
import { styles } from './cp-table-card.styles.js';

/** Seats drawn as dots up to this capacity; bigger tables only say the numbers. */
const MAX_DOTS = 12;

/**
 * @summary One table on the cafe floor: its topic (a link to the table), tags, seats taken of
 * the capacity, who sits there (staff named with the brand), how lively it is, raised hands
 * and whether staff locked it. The page's own controls (sit down…) go in the default slot.
 * @slot - Actions for this table.
 * @csspart card - The card's box.
 */
@customElement('cp-table-card')
export class CpTableCard extends AppElement {
  static override styles = [shared, tagChip, styles];

  @property({ attribute: false }) table?: CafeTable;
  /** Space slug, for links. */
  @property() slug = '';
  /** The space's name: staff are "Dana from <brand>". */
  @property() brand = '';
  @property({ attribute: false }) viewerId: string | null = null;

  private renderSeats(table: CafeTable) {
    const dots = table.capacity <= MAX_DOTS;
    return html`<span class="seats">
      ${dots
        ? html`<span class="dots" aria-hidden="true"
            >${Array.from({ length: table.capacity }, (_, i) => html`<span class="dot" ?data-taken=${i < table.seatsTaken}></span>`)}</span
          >`
        : nothing}
      <span>${seatsLabel(table)}</span>
    </span>`;
  }

  override render() {
    const table = this.table;
    if (!table) return nothing;
    const titleId = `topic-${table.id}`;
    const lively = liveliness(table.recentMessages);
    const staff = staffLine(table.people, this.brand);
    const full = isFull(table);
    const mine = this.viewerId !== null && table.people.some((p) => p.id === this.viewerId);
    return html`<article class="card" part="card" aria-labelledby=${titleId} ?data-mine=${mine}>
      <div class="top">
        <h3 class="title" id=${titleId}><a href=${href.table(this.slug, table.id)}>${table.topic}</a></h3>
        <div class="badges">
          ${mine ? html`<span class="badge badge--mine">${msg('Your table')}</span>` : nothing}
          ${table.locked ? html`<span class="badge badge--locked"><span aria-hidden="true">🔒</span> ${msg('Locked')}</span>` : nothing}
          ${full ? html`<span class="badge badge--full">${msg('Full')}</span>` : nothing}
        </div>
      </div>
      ${table.tags.length
        ? html`<ul class="tags" aria-label=${msg('Tags')}>
            ${table.tags.map((tag) => html`<li><a class="tag" href=${href.cafe(this.slug, { tag })} aria-label=${msg('Show tables tagged {tag}', { tag })}>#${tag}</a></li>`)}
          </ul>`
        : nothing}
      <ul class="facts">
        <li>${this.renderSeats(table)}</li>
        <li class="lively" data-level=${lively.level} title=${lively.detail}>
          <span class="lively__dot" aria-hidden="true"></span><span aria-hidden="true">${lively.label}</span
          ><span class="visually-hidden">${msg('{liveliness}: {detail}', { liveliness: lively.label, detail: lively.detail })}</span>
        </li>
        ${table.raisedHands > 0
          ? html`<li class="hands">${msg('{count, plural, one {# raised hand} other {# raised hands}}', { count: table.raisedHands })}</li>`
          : nothing}
        <li class="active">${msgRich('Active {when}', { when: html`<cp-relative-time datetime=${table.lastActivityAt}></cp-relative-time>` })}</li>
      </ul>
      ${staff ? html`<p class="staff-line"><span aria-hidden="true">★</span> ${staff}</p>` : nothing}
      <cp-table-people
        .people=${table.people}
        .viewerId=${this.viewerId}
        slug=${this.slug}
        label=${msg('Seated at {topic}', { topic: table.topic })}
      ></cp-table-people>
      <div class="actions"><slot></slot></div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-table-card': CpTableCard;
  }
}
