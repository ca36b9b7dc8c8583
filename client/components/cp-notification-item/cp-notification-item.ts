import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Notification } from '../../../shared/schemas/notifications.js';
import { AppElement } from '../../base-element.js';
import { msg } from '../../i18n/app.js';
import { shared } from '../../styles/shared.js';
import '../cp-avatar/cp-avatar.js';
import '../cp-relative-time/cp-relative-time.js';
import { notificationHeadline, reasonLabel } from './notification-text.js';
import { styles } from './cp-notification-item.styles.js';

export interface NotificationDetail {
  notification: Notification;
}

/**
 * @summary One notification: who did what and where (a link to the exact place), the words it
 * is about, the reason given, when, and whether it is read. Unread ones are marked in words too.
 * @fires cp-notification-open - The person followed its link (the page marks it read).
 * @fires cp-notification-mark-read - The person pressed "Mark as read".
 */
@customElement('cp-notification-item')
export class CpNotificationItem extends AppElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) notification?: Notification;
  /** Name the space (when the list shows several spaces). */
  @property({ type: Boolean, attribute: 'show-space' }) showSpace = false;
  @property({ type: Boolean }) pending = false;

  /** Moves focus to the link (after marking read, or when arriving from the header). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('a')?.focus(options);
  }

  private open(): void {
    if (this.notification) this.emit('cp-notification-open', { notification: this.notification });
  }

  private markRead(): void {
    if (this.notification) this.emit('cp-notification-mark-read', { notification: this.notification });
  }

  override render() {
    const n = this.notification;
    if (!n) return nothing;
    const unread = n.readAt === null;
    const headline = notificationHeadline(n);
    return html`<article class="item" ?data-unread=${unread} aria-label=${unread ? msg('Unread: {headline}', { headline }) : headline}>
      ${n.actor ? html`<cp-avatar size="md" user-id=${n.actor.id} name=${n.actor.displayName}></cp-avatar>` : html`<span class="system" aria-hidden="true">★</span>`}
      <div class="main">
        <p class="headline">
          ${unread ? html`<span class="dot" aria-hidden="true"></span>` : nothing}
          <a href=${n.link} @click=${this.open}>${headline}</a>
        </p>
        ${n.excerpt ? html`<p class="excerpt">${msg('“{excerpt}”', { excerpt: n.excerpt })}</p>` : nothing}
        ${n.reason ? html`<p class="reason"><span class="reason__label">${reasonLabel(n)}</span> ${n.reason}</p>` : nothing}
        <p class="meta">
          ${unread ? html`<span class="state">${msg('Unread')}</span>` : html`<span>${msg('Read')}</span>`}
          ${this.showSpace ? html`<span>${n.space.name}</span>` : nothing}
          <cp-relative-time datetime=${n.createdAt}></cp-relative-time>
        </p>
      </div>
      ${unread
        ? html`<button class="button button--quiet mark" type="button" ?disabled=${this.pending} @click=${this.markRead}>
            ${msg('Mark as read')}<span class="visually-hidden">${msg(': {headline}', { headline })}</span>
          </button>`
        : nothing}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-notification-item': CpNotificationItem;
  }
  interface GlobalEventHandlersEventMap {
    'cp-notification-open': CustomEvent<NotificationDetail>;
    'cp-notification-mark-read': CustomEvent<NotificationDetail>;
  }
}
