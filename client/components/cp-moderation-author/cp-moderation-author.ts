import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AuthorCard } from '../../../shared/schemas/moderation.js';
import { AppElement } from '../../base-element.js';
import '../../console/console-events.js';
import { shared } from '../../styles/shared.js';
import { absoluteTime } from '../../text/relative-time.js';
import '../cp-relative-time/cp-relative-time.js';
import '../cp-fan-card/fan-card-events.js';
import { styles } from './cp-moderation-author.styles.js';

/**
 * @summary Who wrote a queue item: joined when, how many posts passed or were rejected, banned or suspended.
 * @fires cp-moderation-author-action - "Ban or suspend…" or "Reject their last day…" was pressed.
 * @fires cp-fan-card-open - "Fan card" was pressed: the console opens the author's card in its side panel.
 */
@customElement('cp-moderation-author')
export class CpModerationAuthor extends AppElement {
  static override styles = [shared, styles];

  /** The author's card from the queue item; null when the account is gone. */
  @property({ attribute: false }) author: AuthorCard | null = null;

  /** Hides the action buttons (in the recent tab, or while an item is only shown for the record). */
  @property({ type: Boolean, attribute: 'no-actions' }) noActions = false;

  /** Compared with `suspendedUntil`; a test or a long-open tab may pass its own clock. */
  @property({ attribute: false }) now: () => number = Date.now;

  private renderState(author: AuthorCard) {
    if (author.banned) return html`<p class="author__state">Banned from this space</p>`;
    if (author.suspendedUntil && Date.parse(author.suspendedUntil) > this.now()) {
      return html`<p class="author__state">
        Suspended until <time datetime=${author.suspendedUntil}>${absoluteTime(author.suspendedUntil)}</time>
      </p>`;
    }
    return nothing;
  }

  override render() {
    const author = this.author;
    if (!author) return html`<div class="author"><p class="author__name">Former member</p></div>`;
    const act = (action: 'sanction' | 'reject-recent') => this.emit('cp-moderation-author-action', { author, action });
    return html`<section class="author" aria-label="Author">
      <p class="author__name">${author.displayName}</p>
      <ul class="author__facts">
        <li>
          ${author.joinedAt
            ? html`Joined <cp-relative-time datetime=${author.joinedAt}></cp-relative-time>`
            : html`Not a member`}
        </li>
        <li>${author.approvedPosts} approved</li>
        <li>${author.rejectedPosts} rejected</li>
      </ul>
      ${this.renderState(author)}
      <div>
        <button class="link-button" type="button" @click=${() => this.emit('cp-fan-card-open', { userId: author.id })}>
          Fan card<span class="visually-hidden"> of ${author.displayName}</span>
        </button>
      </div>
      ${this.noActions
        ? nothing
        : html`<div class="author__actions">
            <button class="link-button" type="button" @click=${() => act('sanction')}>
              Ban or suspend<span class="visually-hidden"> ${author.displayName}</span>…
            </button>
            <button class="link-button" type="button" @click=${() => act('reject-recent')}>
              Reject everything they posted in the last day…
            </button>
          </div>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-moderation-author': CpModerationAuthor;
  }
}
