import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { StreamEvent } from '../../../shared/schemas/streams.js';
import { AppElement } from '../../base-element.js';
import { i18n, msg, msgRich } from '../../i18n/app.js';
import { shared } from '../../styles/shared.js';
import { styles } from './cp-announcement-list.styles.js';

type Announcement = Extract<StreamEvent, { type: 'announcement:posted' }>;


/**
 * @summary A space's announcements, oldest first, as a live log that screen readers follow.
 * @csspart list - The list of announcements.
 */
@customElement('cp-announcement-list')
export class CpAnnouncementList extends AppElement {
  static override styles = [shared, styles];

  /** Stream events; only `announcement:posted` ones are shown. */
  @property({ attribute: false }) events: StreamEvent[] = [];

  /** Accessible name of the log. */
  /** Accessible name of the log ("Announcements" when unset). */
  @property() label = '';

  /** Set while the past announcements are still on their way, so "none yet" is not claimed too early. */
  @property({ type: Boolean }) loading = false;

  /** A slim banner: the newest few, and nothing at all (but the live region) while there are none. */
  @property({ type: Boolean, reflect: true }) compact = false;

  private renderItem(event: Announcement) {
    const { text, author } = event.data;
    return html`<li class="announcement">
      <p class="announcement__text">${text}</p>
      <p class="announcement__meta">
        ${msgRich('{name} · {when}', { name: author.displayName, when: html`<time datetime=${event.createdAt}>${i18n.date(event.createdAt)}</time>` })}
      </p>
    </li>`;
  }

  override render() {
    const all = this.events.filter((e): e is Announcement => e.type === 'announcement:posted');
    const announcements = this.compact ? all.slice(-3) : all;
    return html`<div role="log" aria-live="polite" aria-label=${this.label || msg('Announcements')}>
        <ol class="list" part="list">
          ${repeat(announcements, (e) => e.seq, (e) => this.renderItem(e))}
        </ol>
      </div>
      ${announcements.length > 0 || this.compact
        ? nothing
        : this.loading
          ? html`<p class="empty">${msg('Loading announcements…')}</p>`
          : html`<p class="empty">${msg('No announcements yet. New ones appear here as soon as they are posted.')}</p>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-announcement-list': CpAnnouncementList;
  }
}
