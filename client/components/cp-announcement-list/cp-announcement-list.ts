import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { StreamEvent } from '../../../shared/schemas/streams.js';
import { AppElement } from '../../base-element.js';
import { shared } from '../../styles/shared.js';
import { styles } from './cp-announcement-list.styles.js';

type Announcement = Extract<StreamEvent, { type: 'announcement:posted' }>;

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

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
  @property() label = 'Announcements';

  /** Set while the past announcements are still on their way, so "none yet" is not claimed too early. */
  @property({ type: Boolean }) loading = false;

  /** A slim banner: the newest few, and nothing at all (but the live region) while there are none. */
  @property({ type: Boolean, reflect: true }) compact = false;

  private renderItem(event: Announcement) {
    const { text, author } = event.data;
    return html`<li class="announcement">
      <p class="announcement__text">${text}</p>
      <p class="announcement__meta">
        ${author.displayName} ·
        <time datetime=${event.createdAt}>${formatTime(event.createdAt)}</time>
      </p>
    </li>`;
  }

  override render() {
    const all = this.events.filter((e): e is Announcement => e.type === 'announcement:posted');
    const announcements = this.compact ? all.slice(-3) : all;
    return html`<div role="log" aria-live="polite" aria-label=${this.label}>
        <ol class="list" part="list">
          ${repeat(announcements, (e) => e.seq, (e) => this.renderItem(e))}
        </ol>
      </div>
      ${announcements.length > 0 || this.compact
        ? nothing
        : this.loading
          ? html`<p class="empty">Loading announcements…</p>`
          : html`<p class="empty">No announcements yet. New ones appear here as soon as they are posted.</p>`}`;
  }
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : when.format(date);
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-announcement-list': CpAnnouncementList;
  }
}
