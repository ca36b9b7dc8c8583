import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { SeatedPerson } from '../../../shared/schemas/cafe.js';
import { AppElement } from '../../base-element.js';
import { msg } from '../../i18n/app.js';
import { initial } from '../../cafe/floor.js';
import { userColor } from '../../editor/user-color.js';
import { shared } from '../../styles/shared.js';
import { styles } from './cp-table-people.styles.js';

/**
 * @summary Who sits at a table: a round initial in the person's colour and their name; staff
 * are marked, people whose connection dropped (their seat is kept a while) are dimmed.
 */
@customElement('cp-table-people')
export class CpTablePeople extends AppElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) people: SeatedPerson[] = [];
  /** The viewer, marked "(you)". */
  @property({ attribute: false }) viewerId: string | null = null;
  /** Accessible name of the list ("Seated" when unset). */
  @property() label = '';
  /** Initials only (names in the tooltip and for screen readers), for tight spaces. */
  @property({ type: Boolean }) compact = false;
  /** The space's slug: when set, names link to people's profiles (`/s/:slug/people/:id`). */
  @property() slug = '';

  override render() {
    if (this.people.length === 0) return html`<p class="empty">${msg('Nobody is seated.')}</p>`;
    return html`<ul class="people" aria-label=${this.label || msg('Seated')} ?data-compact=${this.compact}>
      ${repeat(
        this.people,
        (p) => p.id,
        (p) => html`<li class="person" ?data-away=${p.away} ?data-staff=${p.staff} title=${p.away ? msg('{name} (away)', { name: p.displayName }) : p.displayName}>
          <span class="avatar" aria-hidden="true" style=${styleMap({ background: userColor(p.id) })}>${initial(p.displayName)}</span>
          ${this.slug && !this.compact
            ? html`<a class="name" href="/s/${encodeURIComponent(this.slug)}/people/${encodeURIComponent(p.id)}">${p.displayName}</a>`
            : html`<span class=${this.compact ? 'visually-hidden' : 'name'}>${p.displayName}</span>`}
          ${p.id === this.viewerId ? html`<span class=${this.compact ? 'visually-hidden' : 'note'}>${msg('(you)')}</span>` : nothing}
          ${p.staff ? html`<span class="staff">${msg('staff')}</span>` : nothing}
          ${p.away ? html`<span class=${this.compact ? 'visually-hidden' : 'note'}>${msg('(away)')}</span>` : nothing}
        </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-table-people': CpTablePeople;
  }
}
