import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { ERROR_CODES, type ErrorBody } from '../../../shared/errors.js';
import { WAVE_LIMITS } from '../../../shared/waves.js';
import type { Blip, Person } from '../../../shared/schemas/waves.js';
import { AppElement } from '../../base-element.js';
import { msg } from '../../i18n/app.js';
import { userColor } from '../../editor/user-color.js';
import { throttle, type Throttled } from '../../lib/throttle.js';
import type { ApiClient } from '../../services/api.js';
import { editBlip, postBlip, sendDraft } from '../../services/blips.js';
import { draftStorage } from '../../services/draft-storage.js';
import { newIdempotencyKey } from '../../services/idempotency.js';
import type { AppSocket } from '../../services/socket.js';
import { findPeople } from '../../services/waves.js';
import { replyQuote } from '../../styles/quote.js';
import { shared } from '../../styles/shared.js';
import { decodeMentions, encodeMentions, insertMention, livePicks, mentionQuery, type MentionPick, type MentionQuery } from '../../text/mentions.js';
import { styles } from './cp-composer.styles.js';

/** Live drafts go out at most this often (WAVE_LIMITS.draftsPerSecond). */
const DRAFT_INTERVAL_MS = 1000 / WAVE_LIMITS.draftsPerSecond;
/** Sent instead of the text when the writer keeps drafts private: others only see that someone writes. */
const PRIVATE_DRAFT = '…';

let instances = 0;

/**
 * @summary Writes a blip: a reply to the wave, to a blip, inline to a passage, or an edit.
 * Mentions: typing "@" and letters offers people (ARIA combobox + listbox); the chosen name
 * shows as "@Name" and is sent as `<@id>`. Ctrl/Cmd+Enter sends. Unsent text survives a
 * reload (localStorage, until the server acknowledges the post), and others see it forming as a live draft.
 * @fires cp-blip-posted - A new blip was stored; `detail.blip`.
 * @fires cp-blip-edited - An edit was stored; `detail.blip`.
 * @fires cp-compose-cancel - The person closed a reply or edit without sending.
 */
@customElement('cp-composer')
export class CpComposer extends AppElement {
  static override styles = [shared, replyQuote, styles];

  private readonly uid = `composer-${++instances}`;
  // One key per submission: re-sending after a lost ack (or pressing again after an error) is stored once.
  private submissionKey: string | null = null;
  private draft: Throttled<[string]> | null = null;
  private draftVisible = false;
  private peopleRequest = 0;
  private peopleTimer: ReturnType<typeof setTimeout> | undefined;

  @query('textarea') private textarea?: HTMLTextAreaElement;
  @query('.alert') private alertElement?: HTMLElement;

  @state() private text = '';
  @state() private picks: MentionPick[] = [];
  @state() private pending = false;
  @state() private error: ErrorBody | null = null;
  @state() private notice = '';
  @state() private mention: MentionQuery | null = null;
  @state() private options: Person[] = [];
  @state() private active = 0;

  @property({ attribute: false }) socket?: AppSocket;
  @property({ attribute: false }) api?: ApiClient;
  /** Space slug, for the people search. */
  @property() slug = '';
  @property() waveId = '';
  /** The blip this replies to; null for a reply to the wave. */
  @property({ attribute: false }) parentId: string | null = null;
  /** For an inline reply: where in the parent it answers, and the quoted words. */
  @property({ attribute: false }) anchor: { offset: number; quote: string } | null = null;
  /** Set to edit this blip instead of writing a new one. */
  @property({ attribute: false }) blip: Blip | null = null;
  /** Visible label of the text box. */
  /** The box's label; "Reply" when unset. */
  @property() label = '';
  @property() placeholder = '';
  /** Show a Cancel button (and let Escape close the composer). */
  @property({ type: Boolean }) cancellable = false;
  /** Whether the person lets others see their drafts; when off, others only see that they are writing. */
  @property({ type: Boolean, attribute: 'share-drafts' }) shareDrafts = false;

  private get editing(): boolean {
    return this.blip !== null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.draft = throttle((text: string) => this.sendDraftNow(text), DRAFT_INTERVAL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.peopleTimer);
    this.stopDraft();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('blip') && this.blip) {
      const { text, picks } = decodeMentions(this.blip.body, this.blip.mentions);
      this.text = text;
      this.picks = picks;
    } else if ((changed.has('waveId') || changed.has('parentId')) && !this.editing && this.waveId) {
      const stored = draftStorage.load(this.waveId, this.parentId);
      this.text = stored?.text ?? '';
      this.picks = stored?.picks ?? [];
    }
  }

  /** Moves focus into the text box. */
  override focus(): void {
    const textarea = this.textarea;
    if (!textarea) return;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }

  // ---- live drafts

  private sendDraftNow(text: string): void {
    if (!this.socket || !this.waveId || this.editing) return;
    sendDraft(this.socket, this.waveId, this.parentId, text ? (this.shareDrafts ? text.slice(0, WAVE_LIMITS.blipMax) : PRIVATE_DRAFT) : '');
    this.draftVisible = text !== '';
  }

  /** Takes the draft down for others (sent, cancelled, emptied, or left). */
  private stopDraft(): void {
    this.draft?.cancel();
    if (this.draftVisible) this.sendDraftNow('');
  }

  // ---- typing

  private onInput(): void {
    const textarea = this.textarea!;
    this.text = textarea.value;
    this.submissionKey = null;
    this.notice = '';
    if (this.error?.code === ERROR_CODES.INVALID_INPUT) this.error = null;
    if (!this.editing) {
      draftStorage.save(this.waveId, this.parentId, { text: this.text, picks: livePicks(this.text, this.picks) });
      if (this.text.trim()) this.draft?.(this.text);
      else this.stopDraft();
    }
    this.updateMention();
  }

  private onBlur(): void {
    if (!this.text.trim()) this.stopDraft();
    // Let a click on an option land before the list closes.
    setTimeout(() => {
      if (this.shadowRoot?.activeElement !== this.textarea) this.closeMentions();
    }, 150);
  }

  private updateMention(): void {
    const textarea = this.textarea;
    if (!textarea) return;
    const found = mentionQuery(this.text, textarea.selectionStart);
    this.mention = found;
    clearTimeout(this.peopleTimer);
    if (!found) {
      this.options = [];
      return;
    }
    this.peopleTimer = setTimeout(() => void this.lookUp(found.query), 150);
  }

  private async lookUp(query: string): Promise<void> {
    if (!this.api || !this.slug) return;
    const request = ++this.peopleRequest;
    const result = await findPeople(this.api, this.slug, query);
    if (request !== this.peopleRequest || !this.mention) return;
    this.options = result.ok ? result.data : [];
    this.active = 0;
  }

  private closeMentions(): void {
    clearTimeout(this.peopleTimer);
    this.peopleRequest++;
    this.mention = null;
    this.options = [];
  }

  private async choose(person: Person): Promise<void> {
    const textarea = this.textarea;
    if (!textarea || !this.mention) return;
    const next = insertMention(this.text, textarea.selectionStart, this.mention, person);
    this.text = next.text;
    this.picks = [...this.picks.filter((p) => p.name !== person.displayName), { id: person.id, name: person.displayName }];
    this.closeMentions();
    await this.updateComplete;
    textarea.value = this.text;
    textarea.focus();
    textarea.setSelectionRange(next.caret, next.caret);
    this.onInput();
  }

  private onKeydown(event: KeyboardEvent): void {
    const open = this.options.length > 0;
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.active = (this.active + step + this.options.length) % this.options.length;
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        void this.choose(this.options[this.active]!);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        this.closeMentions();
        return;
      }
    }
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      void this.submit();
      return;
    }
    if (event.key === 'Escape' && this.cancellable) {
      event.preventDefault();
      this.cancel();
    }
  }

  private cancel(): void {
    this.stopDraft();
    if (!this.editing) draftStorage.clear(this.waveId, this.parentId);
    this.emit('cp-compose-cancel', { parentId: this.parentId });
  }

  // ---- sending

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.submit();
  }

  private async submit(): Promise<void> {
    if (this.pending || !this.socket) return;
    const text = this.text.trim();
    if (!text) return this.showError({ code: ERROR_CODES.INVALID_INPUT, message: msg('Write something first.'), field: 'body' });
    if (text.length > WAVE_LIMITS.blipMax) {
      return this.showError({ code: ERROR_CODES.INVALID_INPUT, message: msg('at most {max} characters', { max: WAVE_LIMITS.blipMax }), field: 'body' });
    }
    const body = encodeMentions(text, livePicks(text, this.picks));
    this.submissionKey ??= newIdempotencyKey();
    this.pending = true;
    this.error = null;
    this.closeMentions();
    if (!this.editing) this.stopDraft();

    const result = this.blip
      ? await editBlip(this.socket, this.blip.id, body, this.submissionKey)
      : await postBlip(this.socket, {
          waveId: this.waveId,
          parentId: this.parentId,
          body,
          ...(this.anchor ? { anchor: this.anchor } : {}),
          idempotencyKey: this.submissionKey,
        });
    this.pending = false;
    if (!result.ok) return this.showError(result.error);

    this.submissionKey = null;
    if (this.blip) {
      this.emit('cp-blip-edited', { blip: result.data.blip });
      return;
    }
    this.text = '';
    this.picks = [];
    draftStorage.clear(this.waveId, this.parentId);
    this.notice = result.data.blip.visibility === 'held' ? msg('Your reply is waiting for review by the moderators.') : msg('Your reply is posted.');
    this.emit('cp-blip-posted', { blip: result.data.blip });
  }

  private async showError(error: ErrorBody): Promise<void> {
    this.error = error;
    await this.updateComplete;
    this.alertElement?.focus();
  }

  private errorText(error: ErrorBody): string {
    const field = error.field?.split('.').pop();
    const message = field && error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field!.length + 2) : error.message;
    if (field === 'body') return msg('{field}: {problem}', { field: this.label || msg('Reply'), problem: message });
    if (field === 'anchor' || field === 'quote' || field === 'offset') return msg('Quoted passage: {problem}', { problem: message });
    return message;
  }

  // ---- render

  private renderListbox() {
    if (this.options.length === 0) return nothing;
    return html`<ul class="listbox" role="listbox" id="${this.uid}-people" aria-label=${msg('People to mention')}>
      ${this.options.map(
        (person, index) => html`<li
          class="option"
          role="option"
          id="${this.uid}-person-${index}"
          aria-selected=${index === this.active ? 'true' : 'false'}
          @mousedown=${(e: MouseEvent) => e.preventDefault()}
          @click=${() => this.choose(person)}
        >
          <span class="option__avatar" aria-hidden="true" style=${styleMap({ background: userColor(person.id) })}
            >${person.displayName.slice(0, 1).toUpperCase()}</span
          >
          ${person.displayName}
        </li>`,
      )}
    </ul>`;
  }

  override render() {
    const id = `${this.uid}-text`;
    const open = this.options.length > 0;
    const length = this.text.trim().length;
    const invalid = this.error?.code === ERROR_CODES.INVALID_INPUT;
    const describedBy = [`${this.uid}-hint`, this.error ? `${this.uid}-error` : ''].filter(Boolean).join(' ');
    return html`<form class="composer" part="form" novalidate @submit=${this.onSubmit}>
      <label class="label" for=${id}>${this.label || msg('Reply')}</label>
      ${this.anchor ? html`<blockquote class="quote">${msg('“{quote}”', { quote: this.anchor.quote })}</blockquote>` : nothing}
      <div class="field">
        <textarea
          id=${id}
          name="body"
          rows="3"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="${this.uid}-people"
          aria-activedescendant=${open ? `${this.uid}-person-${this.active}` : nothing}
          aria-describedby=${describedBy}
          aria-invalid=${invalid ? 'true' : 'false'}
          placeholder=${this.placeholder || nothing}
          .value=${this.text}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
          @click=${this.updateMention}
          @blur=${this.onBlur}
        ></textarea>
        ${this.renderListbox()}
      </div>
      ${this.error ? html`<p class="alert" id="${this.uid}-error" role="alert" tabindex="-1">${this.errorText(this.error)}</p>` : nothing}
      <p class="visually-hidden" role="status">${this.notice}</p>
      <div class="actions">
        <span class="hint" id="${this.uid}-hint"
          >${length > WAVE_LIMITS.blipMax * 0.8
            ? html`<span class="count ${length > WAVE_LIMITS.blipMax ? 'count--over' : ''}"
                >${msg('{count} of {max} characters', { count: length, max: WAVE_LIMITS.blipMax })} ·
              </span>`
            : nothing}${msg('Ctrl+Enter sends · @ mentions · **bold** _italic_ `code`')}</span
        >
        <div class="buttons">
          ${this.cancellable ? html`<button class="button button--quiet" type="button" @click=${this.cancel}>${msg('Cancel')}</button>` : nothing}
          <button class="button" type="submit" ?disabled=${this.pending}>
            ${this.pending ? (this.editing ? msg('Saving…') : msg('Posting…')) : this.editing ? msg('Save changes') : msg('Post reply')}
          </button>
        </div>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-composer': CpComposer;
  }
}
