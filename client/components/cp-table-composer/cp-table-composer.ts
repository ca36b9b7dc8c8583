import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ERROR_CODES, type ErrorBody } from '../../../shared/errors.js';
import { AppElement } from '../../base-element.js';
import { msg } from '../../i18n/app.js';
import { CAFE_UI_LIMITS } from '../../cafe/limits.js';
import { throttle, type Throttled } from '../../lib/throttle.js';
import { say, sendTyping } from '../../services/cafe.js';
import { tableDraftStorage } from '../../services/draft-storage.js';
import { newIdempotencyKey } from '../../services/idempotency.js';
import type { AppSocket } from '../../services/socket.js';
import { shared } from '../../styles/shared.js';
import { styles } from './cp-table-composer.styles.js';

/** "Typing" goes out at most this often while someone keeps typing (others time it out after a few seconds). */
const TYPING_REPEAT_MS = 2000;
/** No keystroke for this long: typing stops. */
const TYPING_IDLE_MS = 3000;

let instances = 0;

/**
 * @summary Says something at a cafe table (`table:say`). The message counts as sent only when
 * the server acknowledges it (stored, or held for review); on an error the text stays. Enter
 * sends, Shift+Enter starts a new line. Tells the table while the person is typing. Unsent
 * text is kept per table (localStorage) until the server acknowledges it, so a reload or a
 * dropped connection loses nothing.
 * @fires cp-table-said - The server stored a message; `detail.message`.
 */
@customElement('cp-table-composer')
export class CpTableComposer extends AppElement {
  static override styles = [shared, styles];

  private readonly uid = `table-composer-${++instances}`;
  // One key per submission: re-sending after a lost ack (or pressing again after an error) is stored once.
  private submissionKey: string | null = null;
  private typing: Throttled<[]> | null = null;
  private typingShown = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  @query('textarea') private textarea?: HTMLTextAreaElement;
  @query('.alert') private alertElement?: HTMLElement;

  @state() private text = '';
  @state() private pending = false;
  @state() private error: ErrorBody | null = null;

  @property({ attribute: false }) socket?: AppSocket;
  @property() tableId = '';
  /** The box's label; "Message" when unset. */
  @property() label = '';
  @property() placeholder = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.typing = throttle(() => this.sendTypingNow(true), TYPING_REPEAT_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTyping();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tableId') && changed.get('tableId')) {
      this.stopTyping();
      this.error = null;
      this.submissionKey = null;
    }
    if (changed.has('tableId')) this.text = this.tableId ? tableDraftStorage.load(this.tableId) : '';
  }

  override focus(): void {
    this.textarea?.focus();
  }

  // ---- typing indicator

  private sendTypingNow(typing: boolean): void {
    if (!this.socket || !this.tableId) return;
    sendTyping(this.socket, this.tableId, typing);
    this.typingShown = typing;
  }

  private stopTyping(): void {
    clearTimeout(this.idleTimer);
    this.typing?.cancel();
    if (this.typingShown) this.sendTypingNow(false);
  }

  private onInput(): void {
    this.text = this.textarea!.value;
    tableDraftStorage.save(this.tableId, this.text);
    this.submissionKey = null;
    if (this.error?.code === ERROR_CODES.INVALID_INPUT) this.error = null;
    if (!this.text.trim()) return this.stopTyping();
    this.typing?.();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.submit();
    }
  }

  // ---- sending

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.submit();
  }

  private async submit(): Promise<void> {
    if (this.pending || !this.socket || !this.tableId) return;
    const body = this.text.trim();
    if (!body) return this.showError({ code: ERROR_CODES.INVALID_INPUT, message: msg('Write something first.') });
    if (body.length > CAFE_UI_LIMITS.messageMax) {
      return this.showError({ code: ERROR_CODES.INVALID_INPUT, message: msg('At most {max} characters.', { max: CAFE_UI_LIMITS.messageMax }) });
    }
    this.submissionKey ??= newIdempotencyKey();
    this.pending = true;
    this.error = null;
    this.stopTyping();
    const result = await say(this.socket, this.tableId, body, this.submissionKey);
    this.pending = false;
    if (!result.ok) return this.showError(result.error);
    this.submissionKey = null;
    // The text is cleared only now: until the ack, it is not sent.
    if (this.text.trim() === body) {
      this.text = '';
      tableDraftStorage.clear(this.tableId);
    }
    this.emit('cp-table-said', { message: result.data.message });
    await this.updateComplete;
    this.textarea?.focus();
  }

  private async showError(error: ErrorBody): Promise<void> {
    this.error = error;
    await this.updateComplete;
    this.alertElement?.focus();
  }

  override render() {
    const id = `${this.uid}-text`;
    const length = this.text.trim().length;
    const over = length > CAFE_UI_LIMITS.messageMax;
    return html`<form class="composer" novalidate @submit=${this.onSubmit} aria-busy=${this.pending ? 'true' : 'false'}>
      <label class="label" for=${id}>${this.label || msg('Message')}</label>
      <div class="row">
        <textarea
          id=${id}
          name="body"
          rows="1"
          aria-describedby="${this.uid}-hint${this.error ? ` ${this.uid}-error` : ''}"
          aria-invalid=${this.error?.code === ERROR_CODES.INVALID_INPUT || over ? 'true' : 'false'}
          placeholder=${this.placeholder || nothing}
          .value=${this.text}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
        ></textarea>
        <button class="button" type="submit" ?disabled=${this.pending}>${this.pending ? msg('Sending…') : msg('Send')}</button>
      </div>
      ${this.error
        ? html`<p class="alert" id="${this.uid}-error" role="alert" tabindex="-1">${msg('Not sent: {problem} Your text is still here.', { problem: this.error.message })}</p>`
        : nothing}
      <span class="hint" id="${this.uid}-hint"
        >${length > CAFE_UI_LIMITS.messageMax * 0.8
          ? html`<span class=${over ? 'count--over' : ''}>${msg('{count} of {max} characters', { count: length, max: CAFE_UI_LIMITS.messageMax })} · </span>`
          : nothing}${msg('Enter sends · Shift+Enter for a new line')}</span
      >
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-table-composer': CpTableComposer;
  }
}
