import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ErrorBody } from '../../../shared/errors.js';
import type { User } from '../../../shared/schemas/auth.js';
import type { Notification, NotificationRead } from '../../../shared/schemas/notifications.js';
import { AppElement } from '../../base-element.js';
import { msg } from '../../i18n/app.js';
import '../../components/cp-notification-item/cp-notification-item.js';
import type { CpNotificationItem, NotificationDetail } from '../../components/cp-notification-item/cp-notification-item.js';
import type { ApiClient } from '../../services/api.js';
import { listNotifications, type NotificationCenter } from '../../services/notifications.js';
import { shared } from '../../styles/shared.js';
import { viewPage, viewTitle } from '../../styles/views.js';
import { href } from '../router.js';
import { mergeNotifications, markIn } from './notification-list.js';
import { styles } from './notifications-view.styles.js';

const PAGE_SIZE = 30;

type Load = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: ErrorBody };

/**
 * @summary Your notifications (`/notifications`, or one space's at `/s/:slug/notifications`),
 * newest first: unread ones marked, each linking to the exact place (following it marks it read),
 * "Mark as read" each and all, older pages on demand, new ones arriving live at the top.
 * The header's count and its polite announcement come from the app's NotificationCenter.
 */
@customElement('cp-notifications-view')
export class CpNotificationsView extends AppElement {
  static override styles = [shared, viewPage, viewTitle, styles];

  private request = 0;
  private stops: (() => void)[] = [];

  @property({ attribute: false }) api?: ApiClient;
  @property({ attribute: false }) center?: NotificationCenter;
  @property({ attribute: false }) user: User | null = null;
  /** One space's notifications (its slug), or every space's (null). */
  @property({ attribute: false }) slug: string | null = null;
  @property() spaceName = '';
  /** Only unread ones. */
  @property({ type: Boolean }) unread = false;
  /** The person belongs to several spaces: name each notification's space, offer "all spaces". */
  @property({ type: Boolean, attribute: 'several-spaces' }) severalSpaces = false;

  @state() private items: Notification[] = [];
  @state() private nextCursor: string | null = null;
  @state() private load: Load = { status: 'loading' };
  @state() private loadingMore = false;
  @state() private pending = new Set<string>();
  @state() private allPending = false;
  @state() private announcement = '';
  @state() private problem = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stops.splice(0).forEach((stop) => stop());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('center')) this.listen();
    if (changed.has('slug') || changed.has('unread') || (changed.has('user') && changed.get('user')?.id !== this.user?.id)) void this.reload();
    document.title = this.slug ? msg('Notifications · {space}', { space: this.spaceName || this.slug }) : msg('Notifications · Commonplace');
  }

  private listen(): void {
    this.stops.splice(0).forEach((stop) => stop());
    const center = this.center;
    if (!center || !this.isConnected) return;
    this.stops.push(
      center.on('arrived', (n) => this.onArrived(n as Notification)),
      center.on('read', (r) => this.onRead(r as NotificationRead)),
      center.on('resync', () => void this.reload(true)),
      center.on('change', () => this.requestUpdate()),
    );
  }

  private fits(n: Notification): boolean {
    return (this.slug === null || n.space.slug === this.slug) && (!this.unread || n.readAt === null);
  }

  private onArrived(n: Notification): void {
    if (this.load.status !== 'ready' || !this.fits(n)) return;
    this.items = mergeNotifications([n], this.items);
  }

  private onRead(read: NotificationRead): void {
    const at = new Date().toISOString();
    this.items = markIn(this.items, read, at);
  }

  /** Loads the first page; `keep` merges it into what is shown (after a reconnect) instead of starting over. */
  private async reload(keep = false): Promise<void> {
    if (!this.api || !this.user) return;
    const request = ++this.request;
    if (!keep) {
      this.load = { status: 'loading' };
      this.items = [];
      this.nextCursor = null;
    }
    const result = await listNotifications(this.api, { unread: this.unread, space: this.slug, limit: PAGE_SIZE });
    if (request !== this.request) return;
    if (!result.ok) {
      if (!keep) this.load = { status: 'error', error: result.error };
      return;
    }
    this.items = keep ? mergeNotifications(result.data.items, this.items) : result.data.items;
    if (!keep) this.nextCursor = result.data.nextCursor;
    this.load = { status: 'ready' };
  }

  private async loadMore(): Promise<void> {
    if (!this.api || !this.nextCursor || this.loadingMore) return;
    this.loadingMore = true;
    const request = this.request;
    const result = await listNotifications(this.api, { unread: this.unread, space: this.slug, limit: PAGE_SIZE, cursor: this.nextCursor });
    this.loadingMore = false;
    if (request !== this.request) return;
    if (!result.ok) {
      this.problem = msg('Loading older notifications failed. {problem}', { problem: result.error.message });
      return;
    }
    const first = result.data.items[0];
    this.items = mergeNotifications(this.items, result.data.items);
    this.nextCursor = result.data.nextCursor;
    this.announcement = msg('{count, plural, one {# older notification loaded.} other {# older notifications loaded.}}', { count: result.data.items.length });
    // Keep the reader's place: the first of the new ones.
    if (first) {
      await this.updateComplete;
      this.itemElement(first.id)?.focus();
    }
  }

  private itemElement(id: string): CpNotificationItem | null {
    return this.renderRoot.querySelector<CpNotificationItem>(`cp-notification-item[data-id="${id}"]`);
  }

  private setPending(id: string, on: boolean): void {
    const next = new Set(this.pending);
    if (on) next.add(id);
    else next.delete(id);
    this.pending = next;
  }

  /** Following the link: marked read on the way (the page changes anyway). */
  private onOpen(event: CustomEvent<NotificationDetail>): void {
    const n = event.detail.notification;
    if (n.readAt !== null || !this.center) return;
    this.items = this.items.map((i) => (i.id === n.id ? { ...i, readAt: new Date().toISOString() } : i));
    void this.center.markRead(n.id);
  }

  private async onMarkRead(event: CustomEvent<NotificationDetail>): Promise<void> {
    const n = event.detail.notification;
    if (!this.center) return;
    this.setPending(n.id, true);
    const result = await this.center.markRead(n.id);
    this.setPending(n.id, false);
    if (!result.ok) {
      this.problem = msg('It was not marked as read. {problem}', { problem: result.error.message });
      return;
    }
    this.items = this.items.map((i) => (i.id === n.id ? result.data.notification : i));
    this.announcement = msg('Marked as read.');
    await this.updateComplete;
    // The button is gone: keep focus on the same notification.
    this.itemElement(n.id)?.focus();
  }

  private async markAll(): Promise<void> {
    if (!this.center || this.allPending) return;
    this.allPending = true;
    const result = await this.center.markAllRead(this.slug);
    this.allPending = false;
    if (!result.ok) {
      this.problem = msg('Your notifications were not marked as read. {problem}', { problem: result.error.message });
      return;
    }
    const at = new Date().toISOString();
    this.items = this.items.map((i) => (i.readAt ? i : { ...i, readAt: at }));
    this.announcement = msg('All notifications marked as read.');
  }

  private renderFilters() {
    const all = href.notifications(this.slug, false);
    const unread = href.notifications(this.slug, true);
    return html`<nav class="filters" aria-label=${msg('Show')}>
      <ul class="tabs">
        <li><a class="tab" href=${all} aria-current=${this.unread ? nothing : 'page'}>${msg('All')}</a></li>
        <li><a class="tab" href=${unread} aria-current=${this.unread ? 'page' : nothing}>${msg('Unread')}</a></li>
      </ul>
      ${this.slug && this.severalSpaces ? html`<a class="scope" href=${href.notifications(null, this.unread)}>${msg('From all your spaces')}</a>` : nothing}
      ${!this.slug && this.severalSpaces ? html`<span class="scope muted">${msg('From all your spaces')}</span>` : nothing}
    </nav>`;
  }

  private renderList() {
    const load = this.load;
    if (load.status === 'loading') return html`<p class="muted" role="status">${msg('Loading your notifications…')}</p>`;
    if (load.status === 'error') {
      return html`<p class="alert" role="alert">${msg("We couldn't load your notifications. {problem}", { problem: load.error.message })}</p>
        <div><button class="button" type="button" @click=${() => this.reload()}>${msg('Try again')}</button></div>`;
    }
    if (this.items.length === 0) {
      return html`<p class="empty">
        ${this.unread
          ? msg('You are all caught up: nothing unread.')
          : msg('Nothing yet. Replies to you, mentions, and news about ideas you support or helped shape will show up here.')}
      </p>`;
    }
    return html`<ol class="list" aria-label=${msg('Notifications, newest first')}>
        ${repeat(
          this.items,
          (n) => n.id,
          (n) => html`<li>
            <cp-notification-item
              data-id=${n.id}
              .notification=${n}
              ?show-space=${this.severalSpaces && this.slug === null}
              ?pending=${this.pending.has(n.id)}
              @cp-notification-open=${this.onOpen}
              @cp-notification-mark-read=${this.onMarkRead}
            ></cp-notification-item>
          </li>`,
        )}
      </ol>
      ${this.nextCursor
        ? html`<div class="more">
            <button class="button button--quiet" type="button" ?disabled=${this.loadingMore} @click=${this.loadMore}>
              ${this.loadingMore ? msg('Loading…') : msg('Show older notifications')}
            </button>
          </div>`
        : nothing}`;
  }

  override render() {
    if (!this.user) {
      return html`<div class="page">
        <h2>${msg('Notifications')}</h2>
        <p>${msg('Sign in to see replies to you, mentions and news about the ideas you support.')}</p>
        <div><button class="button" type="button" @click=${() => this.emit('cp-sign-in-request', null)}>${msg('Sign in')}</button></div>
      </div>`;
    }
    const unreadHere = this.slug ? (this.center?.bySpace[this.slug] ?? 0) : (this.center?.unread ?? 0);
    return html`<div class="page">
      <div class="head">
        <div>
          <h2>${msg('Notifications')}</h2>
          <p class="lead">
            ${this.slug
              ? msg('In {space} · {count, plural, =0 {No unread notifications} other {# unread}}', { space: this.spaceName || this.slug, count: unreadHere })
              : msg('{count, plural, =0 {No unread notifications} other {# unread}}', { count: unreadHere })}
          </p>
        </div>
        <div class="head__actions">
          <button class="button button--quiet" type="button" ?disabled=${this.allPending || unreadHere === 0} @click=${this.markAll}>
            ${this.allPending ? msg('Marking…') : msg('Mark all as read')}
          </button>
          <a class="button button--quiet" href=${href.settings()}>${msg('Notification settings')}</a>
        </div>
      </div>
      ${this.renderFilters()}
      ${this.problem
        ? html`<p class="alert" role="alert">${this.problem} <button class="link-button" type="button" @click=${() => (this.problem = '')}>${msg('Dismiss')}</button></p>`
        : nothing}
      ${this.renderList()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-notifications-view': CpNotificationsView;
  }
}
