import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { LIMITS } from '../../../shared/limits.js';
import { AppElement } from '../../base-element.js';
import { postAnnouncement } from '../../services/announcements.js';
import { newIdempotencyKey } from '../../services/idempotency.js';
import type { AppSocket } from '../../services/socket.js';
import { shared } from '../../styles/shared.js';
import { styles } from './cp-announcement-composer.styles.js';

/**
 * @summary Staff write an announcement and post it to a space over the socket.
 * @fires cp-announcement-posted - After the server acknowledged the post; `detail.event` is the stored event.
 */
@customElement('cp-announcement-composer')
export class CpAnnouncementComposer extends AppElement {
  static override styles = [shared, styles];

  // One key per draft: resending the same text after a lost ack must not post it twice.
  private draftKey: string | null = null;

  @query('.alert') private alertElement?: HTMLElement;

  @state() private text = '';
  @state() private pending = false;
  @state() private error: ErrorBody | null = null;
  @state() private notice = '';

  /** The connection to post through. */
  @property({ attribute: false }) socket?: AppSocket;

  /** The space to post to. */
  @property({ attribute: 'space-id' }) spaceId = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('spaceId')) {
      this.draftKey = null;
      this.error = null;
      this.notice = '';
    }
  }

  private onInput(event: InputEvent): void {
    this.text = (event.target as HTMLTextAreaElement).value;
    this.draftKey = null;
    this.notice = '';
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.pending || !this.socket || !this.spaceId) return;
    const text = this.text.trim();
    if (text.length === 0) return this.showError({ code: 'INVALID_INPUT', message: 'Write the announcement first.' });

    this.draftKey ??= newIdempotencyKey();
    this.pending = true;
    this.error = null;
    this.notice = '';
    const result = await postAnnouncement(this.socket, { spaceId: this.spaceId, text, idempotencyKey: this.draftKey });
    this.pending = false;

    if (!result.ok) return this.showError(result.error);
    this.text = '';
    this.draftKey = null;
    this.notice = 'Posted. Everyone in the space sees it now.';
    this.emit('cp-announcement-posted', { event: result.data.event });
  }

  private async showError(error: ErrorBody): Promise<void> {
    this.error = error;
    this.notice = '';
    await this.updateComplete;
    this.alertElement?.focus();
  }

  override render() {
    const length = this.text.trim().length;
    const describedBy = ['composer-hint', 'composer-count', this.error ? 'composer-error' : ''].filter(Boolean).join(' ');
    return html`<form class="composer" part="form" novalidate @submit=${this.onSubmit}>
      <label class="composer__label" for="composer-text">Announcement</label>
      <span class="composer__hint" id="composer-hint">Everyone in the space sees it live.</span>
      <textarea
        class="composer__text"
        id="composer-text"
        name="text"
        rows="4"
        required
        maxlength=${LIMITS.announcementMax}
        aria-describedby=${describedBy}
        aria-invalid=${this.error?.code === 'INVALID_INPUT' ? 'true' : 'false'}
        .value=${this.text}
        @input=${this.onInput}
      ></textarea>
      <span class="composer__count" id="composer-count">${length} of ${LIMITS.announcementMax} characters</span>
      ${this.error
        ? html`<p class="alert" id="composer-error" role="alert" tabindex="-1">${this.error.message}</p>`
        : nothing}
      <p class=${this.notice ? 'notice' : 'visually-hidden'} role="status">${this.notice}</p>
      <div class="composer__actions">
        <button class="button" type="submit" ?disabled=${this.pending}>
          ${this.pending ? 'Posting…' : 'Post to the space'}
        </button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-announcement-composer': CpAnnouncementComposer;
  }
}
