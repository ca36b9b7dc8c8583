import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ErrorBody } from '../../../shared/errors.js';
import type { AuthorCard, Sanction } from '../../../shared/schemas/moderation.js';
import { AppElement } from '../../base-element.js';
import type { ModerationApi } from '../../console/api/moderation-api.js';
import '../../console/console-events.js';
import { compactFields } from '../../styles/forms.js';
import { shared } from '../../styles/shared.js';
import { absoluteTime } from '../../text/relative-time.js';
import { styles } from './cp-moderation-sanction.styles.js';

export type AuthorAction = 'sanction' | 'reject-recent';

/** A sanction still in force: not lifted, and (for a suspension) not over. */
export function isActive(sanction: Sanction, now: number): boolean {
  return sanction.liftedAt === null && (sanction.until === null || Date.parse(sanction.until) > now);
}

/**
 * @summary A modal dialog to ban or suspend an author (and lift what is in force), or to
 * reject everything they posted in the last day. The native modal `<dialog>` keeps focus
 * inside, makes the page behind inert, closes on Escape and gives focus back on close.
 * @fires cp-moderation-sanctioned - After the server confirmed; `detail.message` says what happened.
 */
@customElement('cp-moderation-sanction')
export class CpModerationSanction extends AppElement {
  static override styles = [shared, compactFields, styles];

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('textarea') private reasonInput?: HTMLTextAreaElement;
  @query('#days') private daysInput?: HTMLInputElement;

  @state() private author: AuthorCard | null = null;
  @state() private action: AuthorAction = 'sanction';
  @state() private kind: Sanction['kind'] = 'suspension';
  @state() private days = '7';
  @state() private reason = '';
  @state() private error: ErrorBody | null = null;
  @state() private pending = false;
  @state() private current: Sanction[] = [];

  /** The space's moderation API. */
  @property({ attribute: false }) api: ModerationApi | null = null;

  /** Whether the dialog is showing (read-only; use `show()`). */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the dialog for one author. */
  async show(author: AuthorCard, action: AuthorAction): Promise<void> {
    this.author = author;
    this.action = action;
    this.kind = 'suspension';
    this.days = '7';
    this.reason = '';
    this.error = null;
    this.current = [];
    await this.updateComplete;
    if (!this.dialog?.open) this.dialog?.showModal();
    (action === 'sanction' ? this.dialog?.querySelector<HTMLInputElement>('input[type=radio]:checked') : this.reasonInput)?.focus();
    if (action === 'sanction') await this.loadCurrent(author.id);
  }

  close(): void {
    this.dialog?.close();
  }

  private async loadCurrent(userId: string): Promise<void> {
    const result = await this.api?.sanctionsOf(userId);
    if (result?.ok && this.author?.id === userId) this.current = result.data.filter((s) => isActive(s, Date.now()));
  }

  private async showError(error: ErrorBody): Promise<void> {
    this.error = error;
    await this.updateComplete;
    if (error.field === 'days') this.daysInput?.focus();
    else if (error.field === 'reason') this.reasonInput?.focus();
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const author = this.author;
    if (!author || !this.api || this.pending) return;
    const reason = this.reason.trim();
    if (!reason) return this.showError({ code: 'INVALID_INPUT', message: 'Write a reason.', field: 'reason' });
    if (this.action === 'reject-recent') return this.rejectRecent(author, reason);

    const days = Number(this.days);
    if (this.kind === 'suspension' && !(days > 0)) {
      return this.showError({ code: 'INVALID_INPUT', message: 'Enter how many days, more than 0.', field: 'days' });
    }
    this.pending = true;
    const result = await this.api.sanction({
      userId: author.id,
      kind: this.kind,
      reason,
      ...(this.kind === 'suspension' ? { days } : {}),
    });
    this.pending = false;
    if (!result.ok) return this.showError(result.error);
    const message =
      this.kind === 'ban'
        ? `${author.displayName} is banned from this space.`
        : `${author.displayName} is suspended until ${absoluteTime(result.data.until ?? '')}.`;
    this.emit('cp-moderation-sanctioned', { userId: author.id, sanction: result.data, rejected: [], message });
    this.close();
  }

  private async rejectRecent(author: AuthorCard, reason: string): Promise<void> {
    this.pending = true;
    const result = await this.api!.rejectRecent(author.id, reason);
    this.pending = false;
    if (!result.ok) return this.showError(result.error);
    const n = result.data.rejected.length;
    const message = `Rejected ${n} ${n === 1 ? 'item' : 'items'} ${author.displayName} posted in the last day.`;
    this.emit('cp-moderation-sanctioned', { userId: author.id, sanction: null, rejected: result.data.rejected, message });
    this.close();
  }

  private async lift(sanction: Sanction): Promise<void> {
    if (!this.api || !this.author || this.pending) return;
    this.pending = true;
    const result = await this.api.lift(sanction.id);
    this.pending = false;
    if (!result.ok) return this.showError(result.error);
    this.current = this.current.filter((s) => s.id !== sanction.id);
    const what = sanction.kind === 'ban' ? 'ban' : 'suspension';
    this.emit('cp-moderation-sanctioned', {
      userId: this.author.id,
      sanction: result.data,
      rejected: [],
      message: `Lifted the ${what} of ${this.author.displayName}.`,
    });
  }

  private fieldError(field: string) {
    return this.error?.field === field ? html`<p class="error" id="${field}-error">${this.error.message}</p>` : nothing;
  }

  private renderCurrent() {
    if (this.current.length === 0) return nothing;
    return html`<section aria-labelledby="current-title">
      <h3 class="hint" id="current-title">In force now</h3>
      <ul class="current">
        ${this.current.map(
          (s) => html`<li>
            <span>
              ${s.kind === 'ban' ? 'Banned' : html`Suspended until ${absoluteTime(s.until ?? '')}`} — “${s.reason}”
            </span>
            <button class="button button--quiet" type="button" ?disabled=${this.pending} @click=${() => this.lift(s)}>
              Lift ${s.kind === 'ban' ? 'ban' : 'suspension'}
            </button>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderSanctionFields(name: string) {
    const daysInvalid = this.error?.field === 'days';
    return html`<fieldset>
        <legend>What to do</legend>
        <label class="choice">
          <input
            type="radio"
            name="kind"
            value="suspension"
            .checked=${this.kind === 'suspension'}
            @change=${() => (this.kind = 'suspension')}
          />
          Suspend for some days
        </label>
        <label class="choice">
          <input type="radio" name="kind" value="ban" .checked=${this.kind === 'ban'} @change=${() => (this.kind = 'ban')} />
          Ban from this space
        </label>
      </fieldset>
      ${this.kind === 'suspension'
        ? html`<div class="field">
            <label for="days">Days</label>
            <input
              id="days"
              type="number"
              inputmode="decimal"
              min="0.01"
              max="3650"
              step="any"
              aria-invalid=${daysInvalid ? 'true' : 'false'}
              aria-describedby=${daysInvalid ? 'days-error' : nothing}
              .value=${this.days}
              @input=${(e: InputEvent) => (this.days = (e.target as HTMLInputElement).value)}
            />
            ${this.fieldError('days')}
          </div>`
        : nothing}
      <p class="hint">While it lasts, new posts by ${name} in this space are refused.</p>`;
  }

  override render() {
    const author = this.author;
    const sanction = this.action === 'sanction';
    const name = author?.displayName ?? '';
    const title = sanction ? `Ban or suspend ${name}` : `Reject everything ${name} posted in the last day`;
    const reasonInvalid = this.error?.field === 'reason';
    const generalError = this.error && this.error.field !== 'reason' && this.error.field !== 'days' ? this.error : null;
    const days = Number(this.days);
    const forDays = days > 0 ? ` for ${days} ${days === 1 ? 'day' : 'days'}` : '';
    const submit = sanction ? (this.kind === 'ban' ? 'Ban' : `Suspend${forDays}`) : 'Reject them all';
    return html`<dialog aria-labelledby="dialog-title" @close=${() => (this.error = null)}>
      ${author
        ? html`<form class="dialog" novalidate @submit=${this.onSubmit}>
            <h2 class="dialog__title" id="dialog-title">${title}</h2>
            ${sanction ? this.renderCurrent() : nothing} ${sanction ? this.renderSanctionFields(name) : nothing}
            <div class="field">
              <label for="reason">Reason</label>
              <span class="hint" id="reason-hint"
                >${sanction ? 'Kept in the audit log for the other staff.' : 'Each author sees it on their rejected posts.'}</span
              >
              <textarea
                id="reason"
                maxlength="500"
                aria-invalid=${reasonInvalid ? 'true' : 'false'}
                aria-describedby=${reasonInvalid ? 'reason-hint reason-error' : 'reason-hint'}
                .value=${this.reason}
                @input=${(e: InputEvent) => (this.reason = (e.target as HTMLTextAreaElement).value)}
              ></textarea>
              ${this.fieldError('reason')}
            </div>
            ${generalError ? html`<p class="alert" role="alert">${generalError.message}</p>` : nothing}
            <div class="actions">
              <button class="button button--danger" type="submit" ?disabled=${this.pending}>
                ${this.pending ? 'Working…' : submit}
              </button>
              <button class="button button--quiet" type="button" @click=${this.close}>Cancel</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-moderation-sanction': CpModerationSanction;
  }
}
