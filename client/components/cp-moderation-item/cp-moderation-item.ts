import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { QueueItem, Reason } from '../../../shared/schemas/moderation.js';
import { AppElement } from '../../base-element.js';
import type { ItemMode } from '../../console/console-events.js';
import '../../console/console-events.js';
import { dangerOutlineButton } from '../../styles/buttons.js';
import { shared } from '../../styles/shared.js';
import { absoluteTime } from '../../text/relative-time.js';
import '../cp-moderation-author/cp-moderation-author.js';
import '../cp-relative-time/cp-relative-time.js';
import type { ItemNote } from '../cp-moderation-queue/queue-board.js';
import { styles } from './cp-moderation-item.styles.js';
import { decisionLine, kindLabel, readableMessage, safeAppHref, statusLabel } from './item-text.js';

export type ItemPending = '' | 'approve' | 'reject' | 'edit';

/**
 * @summary One item of the moderation queue: its text, why it is here, its author, and the decisions.
 * The host is the focusable unit the queue's j / k move between; the queue owns `mode`.
 * @fires cp-moderation-decide - Approve, or reject with the typed reason.
 * @fires cp-moderation-edit - Save an edited text.
 * @fires cp-moderation-mode - Open or close the reject reason or the editor.
 * @fires cp-moderation-select - The checkbox changed.
 * @fires cp-moderation-dismiss - Hide an item someone else decided.
 * @fires cp-moderation-author-action - From the author card.
 */
@customElement('cp-moderation-item')
export class CpModerationItem extends AppElement {
  static override styles = [shared, dangerOutlineButton, styles];

  @query('#reason') private reasonInput?: HTMLInputElement;
  @query('#edit-text') private editInput?: HTMLTextAreaElement;

  @state() private reason = '';
  @state() private editText = '';
  @state() private formError = '';

  @property({ attribute: false }) item: QueueItem | null = null;

  /** What shows below the text: nothing, the reject reason, or the editor. */
  @property() mode: ItemMode = 'view';

  /** Ticked for a bulk decision. */
  @property({ type: Boolean, reflect: true }) selected = false;

  /** The item the keyboard works on. */
  @property({ type: Boolean, reflect: true }) active = false;

  /** Decided elsewhere while on screen: shown for the record, without actions. */
  @property({ type: Boolean, reflect: true }) settled = false;

  /** The action on its way to the server, if any. */
  @property() pending: ItemPending = '';

  /** The outcome of the last action, or what happened to the item. */
  @property({ attribute: false }) note: ItemNote | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'article');
  }

  private get open(): boolean {
    return !this.settled && (this.item?.status === 'held' || this.item?.status === 'flagged');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode')) {
      this.reason = '';
      this.editText = this.item?.body ?? '';
      this.formError = '';
    }
    if (changed.has('item') && this.item) {
      const who = this.item.author?.displayName ?? 'a former member';
      this.setAttribute('aria-label', `${kindLabel(this.item.kind)} by ${who}, ${statusLabel(this.item.status).toLowerCase()}`);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('mode') || changed.get('mode') === undefined) return;
    if (this.mode === 'rejecting') this.reasonInput?.focus();
    else if (this.mode === 'editing') this.editInput?.focus();
  }

  private setMode(mode: ItemMode): void {
    if (this.item) this.emit('cp-moderation-mode', { itemId: this.item.id, mode });
  }

  /** Closes a form from inside it; focus goes back to the item so the keyboard keeps working. */
  private async cancel(): Promise<void> {
    this.setMode('view');
    await this.updateComplete;
    this.focus();
  }

  private onFormKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      void this.cancel();
    }
  }

  private onEditKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      (event.currentTarget as HTMLTextAreaElement).form?.requestSubmit();
    } else {
      this.onFormKeydown(event);
    }
  }

  private async submitReject(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.item || this.pending) return;
    const reason = this.reason.trim();
    if (!reason) {
      this.formError = 'Write a reason: the author sees it.';
      await this.updateComplete;
      this.reasonInput?.focus();
      return;
    }
    this.emit('cp-moderation-decide', { itemId: this.item.id, action: 'reject', reason });
  }

  private async submitEdit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.item || this.pending) return;
    const body = this.editText.trim();
    if (!body) {
      this.formError = 'The text cannot be empty. Reject the item instead.';
      await this.updateComplete;
      this.editInput?.focus();
      return;
    }
    this.emit('cp-moderation-edit', { itemId: this.item.id, body });
  }

  private renderChips(label: string, reasons: Reason[], flag: boolean) {
    if (reasons.length === 0) return nothing;
    return html`<ul class="chips" aria-label=${label}>
      ${reasons.map(
        (r) => html`<li class="chip ${flag ? 'chip--flag' : ''}">
          <span class="chip__rule">${r.rule}</span><span>${r.message}</span>
        </li>`,
      )}
    </ul>`;
  }

  private renderHead(item: QueueItem) {
    const href = safeAppHref(item.context?.href);
    return html`<div class="item__head">
      ${this.open
        ? html`<label class="select">
            <input
              type="checkbox"
              .checked=${this.selected}
              @change=${(e: Event) =>
                this.emit('cp-moderation-select', { itemId: item.id, selected: (e.target as HTMLInputElement).checked })}
            />
            <span class="visually-hidden">Select this item by ${item.author?.displayName ?? 'a former member'}</span>
          </label>`
        : nothing}
      <span class="status status--${item.status}">${statusLabel(item.status)}</span>
      <span>${kindLabel(item.kind)}</span>
      <cp-relative-time datetime=${item.createdAt}></cp-relative-time>
      ${item.context
        ? href
          ? html`<a class="context" href=${href} target="_blank" rel="noopener"
              >in “${item.context.title}”<span class="visually-hidden"> (opens in a new tab)</span></a
            >`
          : html`<span>in “${item.context.title}”</span>`
        : nothing}
    </div>`;
  }

  private renderDecision(item: QueueItem) {
    if (item.status === 'held' || item.status === 'flagged') return nothing;
    return html`<p class="decision">
      ${decisionLine(item)}
      ${item.decidedAt ? html` · <cp-relative-time datetime=${item.decidedAt}></cp-relative-time>` : nothing}
      ${item.decisionNote ? html` — “${item.decisionNote}”` : nothing}
    </p>`;
  }

  private renderActions(item: QueueItem) {
    if (!this.open || this.mode !== 'view') return nothing;
    const busy = this.pending !== '';
    return html`<div class="actions">
      <button
        class="button"
        type="button"
        ?disabled=${busy}
        @click=${() => this.emit('cp-moderation-decide', { itemId: item.id, action: 'approve' })}
      >
        ${this.pending === 'approve' ? 'Approving…' : 'Approve'}
      </button>
      <button class="button button--danger" type="button" ?disabled=${busy} @click=${() => this.setMode('rejecting')}>
        Reject…
      </button>
      <button class="button button--quiet" type="button" ?disabled=${busy} @click=${() => this.setMode('editing')}>
        Edit
      </button>
    </div>`;
  }

  private renderRejectForm() {
    const invalid = this.formError !== '';
    return html`<form class="form" novalidate @submit=${this.submitReject} @keydown=${this.onFormKeydown}>
      <label for="reason">Reason for rejecting</label>
      <span class="form__hint" id="reason-hint">The author sees it. Enter rejects, Escape cancels.</span>
      <input
        id="reason"
        autocomplete="off"
        maxlength="500"
        aria-describedby=${invalid ? 'reason-hint reason-error' : 'reason-hint'}
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${this.reason}
        @input=${(e: InputEvent) => (this.reason = (e.target as HTMLInputElement).value)}
      />
      ${invalid ? html`<p class="form__error" id="reason-error">${this.formError}</p>` : nothing}
      <div class="actions">
        <button class="button button--danger" type="submit" ?disabled=${this.pending !== ''}>
          ${this.pending === 'reject' ? 'Rejecting…' : 'Reject'}
        </button>
        <button class="button button--quiet" type="button" @click=${this.cancel}>Cancel</button>
      </div>
    </form>`;
  }

  private renderEditForm() {
    const invalid = this.formError !== '';
    return html`<form class="form" novalidate @submit=${this.submitEdit}>
      <label for="edit-text">Edit the text</label>
      <span class="form__hint" id="edit-hint">The original stays in the audit log. Ctrl+Enter saves, Escape cancels.</span>
      <textarea
        id="edit-text"
        maxlength="20000"
        aria-describedby=${invalid ? 'edit-hint edit-error' : 'edit-hint'}
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${this.editText}
        @input=${(e: InputEvent) => (this.editText = (e.target as HTMLTextAreaElement).value)}
        @keydown=${this.onEditKeydown}
      ></textarea>
      ${invalid ? html`<p class="form__error" id="edit-error">${this.formError}</p>` : nothing}
      <div class="actions">
        <button class="button" type="submit" ?disabled=${this.pending !== ''}>
          ${this.pending === 'edit' ? 'Saving…' : 'Save text'}
        </button>
        <button class="button button--quiet" type="button" @click=${this.cancel}>Cancel</button>
      </div>
    </form>`;
  }

  private renderNote(item: QueueItem) {
    const note = this.note;
    const dismiss = this.settled
      ? html`<button class="button button--quiet" type="button" @click=${() => this.emit('cp-moderation-dismiss', { itemId: item.id })}>
          Dismiss
        </button>`
      : nothing;
    if (!note) {
      return this.settled ? html`<div class="note note--info"><span>Decided by someone else while you looked.</span>${dismiss}</div>` : nothing;
    }
    const text = readableMessage(note.text, absoluteTime);
    return note.tone === 'error'
      ? html`<div class="note alert" role="alert"><span>${text}</span>${dismiss}</div>`
      : html`<div class="note note--info" role="status"><span>${text}</span>${dismiss}</div>`;
  }

  override render() {
    const item = this.item;
    if (!item) return nothing;
    const note = this.renderNote(item);
    return html`<div class="item">
      ${this.renderHead(item)}
      <div class="item__main">
        <p class="body">${item.body}</p>
        ${this.renderChips('Why it is here', item.reasons, false)} ${this.renderChips('Flags', item.flags, true)}
        ${this.renderDecision(item)}
        ${this.mode === 'rejecting' && this.open ? this.renderRejectForm() : nothing}
        ${this.mode === 'editing' && this.open ? this.renderEditForm() : nothing} ${this.renderActions(item)}
      </div>
      <cp-moderation-author .author=${item.author} ?no-actions=${!this.open}></cp-moderation-author>
      ${note === nothing ? nothing : html`<div class="item__footer">${note}</div>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-moderation-item': CpModerationItem;
  }
}
