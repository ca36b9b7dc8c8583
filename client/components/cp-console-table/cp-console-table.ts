import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ERROR_CODES, type ErrorBody } from '../../../shared/errors.js';
import type { User } from '../../../shared/schemas/auth.js';
import type { CafeTable, Hand, TableMessage } from '../../../shared/schemas/cafe.js';
import type { StreamEvent } from '../../../shared/schemas/streams.js';
import { streamName } from '../../../shared/streams.js';
import { AppElement } from '../../base-element.js';
import { addBanner, entriesFrom, lowerInList, raiseInList, upsertMessage, type ChatEntry } from '../../cafe/chat.js';
import { seatsLabel } from '../../cafe/floor.js';
import { consoleLinks } from '../../console/console-router.js';
import { StreamController } from '../../controllers/stream-controller.js';
import type { TableSaidDetail } from '../../events.js';
import type { ApiClient } from '../../services/api.js';
import { answerHand, getConversation, joinTable, leaveTable } from '../../services/cafe.js';
import { newIdempotencyKey } from '../../services/idempotency.js';
import type { AppSocket } from '../../services/socket.js';
import { shared } from '../../styles/shared.js';
import '../cp-fan-card/cp-fan-card.js';
import '../cp-relative-time/cp-relative-time.js';
import '../cp-table-composer/cp-table-composer.js';
import '../cp-waiting-time/cp-waiting-time.js';
import { styles } from './cp-console-table.styles.js';

type Load = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: ErrorBody };

/** Within this many pixels of the end, the chat follows new lines. */
const STICK_PX = 48;

/**
 * @summary A cafe table in the staff console: its chat (live on `table:<id>`; staff may speak
 * without sitting), the hands up with their waiting time and "Answer", who sits there, a staff
 * seat, and beside the chat the fan card of the person picked (`person`: the hand's owner when
 * coming from a hand, or anyone seated, by clicking their name).
 */
@customElement('cp-console-table')
export class CpConsoleTable extends AppElement {
  static override styles = [shared, styles];

  private stream?: StreamController;
  private request = 0;

  @query('.log') private logElement?: HTMLElement;

  @state() private load: Load = { status: 'loading' };
  @state() private table: CafeTable | null = null;
  @state() private entries: ChatEntry[] = [];
  @state() private hands: Hand[] = [];
  @state() private pending: 'seat' | string | null = null;
  @state() private problem = '';
  @state() private announcement = '';
  /** Hands answered here, with the wait the server recorded (shown until the page changes). */
  @state() private answered: Hand[] = [];

  @property({ attribute: false }) api?: ApiClient;
  @property({ attribute: false }) socket?: AppSocket;
  @property({ attribute: false }) viewer: User | null = null;
  @property() slug = '';
  @property() tableId = '';
  /** Whose fan card is open beside the chat. */
  @property() person: string | null = null;

  private get seated(): boolean {
    const id = this.viewer?.id;
    return !!id && !!this.table?.people.some((p) => p.id === id);
  }

  override disconnectedCallback(): void {
    if (this.stream) this.stream.stream = null;
    this.request++;
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.socket && !this.stream) {
      this.stream = new StreamController(this, this.socket, { from: 'now', keep: 0, onEvents: (events) => this.applyEvents(events) });
    }
    if (changed.has('tableId') && this.tableId) {
      this.answered = [];
      void this.loadTable();
    }
  }

  private async loadTable(): Promise<void> {
    if (!this.api || !this.tableId) return;
    const request = ++this.request;
    if (this.table?.id !== this.tableId) this.load = { status: 'loading' };
    const result = await getConversation(this.api, this.tableId);
    if (request !== this.request) return;
    if (!result.ok) {
      this.load = { status: 'error', error: result.error };
      return;
    }
    this.table = result.data.table;
    this.entries = entriesFrom(result.data.messages);
    this.hands = result.data.hands;
    this.load = { status: 'ready' };
    this.stream!.follow(streamName.table(this.tableId), result.data.head);
    await this.updateComplete;
    this.scrollLogToEnd();
  }

  private applyEvents(events: StreamEvent[]): void {
    const follow = this.logAtEnd();
    for (const event of events) {
      switch (event.type) {
        case 'table:message':
          this.entries = upsertMessage(this.entries, event.data.message);
          break;
        case 'table:changed':
          this.table = event.data.table;
          break;
        case 'table:hand-raised':
          this.hands = raiseInList(this.hands, event.data.hand);
          this.announcement = `${event.data.hand.person.displayName} raised a hand.`;
          break;
        case 'table:hand-lowered':
          this.hands = lowerInList(this.hands, event.data.hand.id);
          if (event.data.hand.answeredAt) this.noteAnswered(event.data.hand);
          break;
        case 'announcement:posted':
          this.entries = addBanner(this.entries, { kind: 'announcement', id: event.data.id, text: event.data.text, author: event.data.author.displayName, at: event.createdAt });
          break;
        case 'table:promoted':
          this.entries = addBanner(this.entries, { kind: 'promoted', id: event.data.wave.id, wave: event.data.wave, by: event.data.by.displayName, at: event.createdAt });
          break;
        default:
          break;
      }
    }
    if (follow) void this.updateComplete.then(() => this.scrollLogToEnd());
  }

  private noteAnswered(hand: Hand): void {
    this.answered = [hand, ...this.answered.filter((h) => h.id !== hand.id)].slice(0, 5);
  }

  private logAtEnd(): boolean {
    const log = this.logElement;
    return !log || log.scrollHeight - log.scrollTop - log.clientHeight < STICK_PX;
  }

  private scrollLogToEnd(): void {
    const log = this.logElement;
    if (log) log.scrollTop = log.scrollHeight;
  }

  private pick(personId: string): void {
    this.emit('cp-console-navigate', { href: consoleLinks.floor(this.slug, this.tableId, personId), replace: true });
  }

  private async sit(): Promise<void> {
    if (!this.socket || this.pending) return;
    this.pending = 'seat';
    const result = await joinTable(this.socket, this.tableId);
    this.pending = null;
    if (!result.ok) return void (this.problem = `You could not sit down. ${result.error.message}`);
    this.table = result.data.table;
    this.announcement = 'You are at the table on a staff seat.';
  }

  private async leave(): Promise<void> {
    if (!this.socket || this.pending) return;
    this.pending = 'seat';
    const result = await leaveTable(this.socket, this.tableId);
    this.pending = null;
    if (!result.ok) return void (this.problem = `You are still seated. ${result.error.message}`);
    this.announcement = 'You left the table.';
  }

  private async answer(hand: Hand): Promise<void> {
    if (!this.socket || this.pending) return;
    this.pending = hand.id;
    const result = await answerHand(this.socket, hand.id, newIdempotencyKey());
    this.pending = null;
    if (!result.ok && result.error.code !== ERROR_CODES.CONFLICT) return void (this.problem = `The hand is still up. ${result.error.message}`);
    this.hands = lowerInList(this.hands, hand.id);
    if (result.ok) this.noteAnswered(result.data.hand);
    this.announcement = result.ok ? `Answered ${hand.person.displayName}.` : `${hand.person.displayName}'s hand was already down.`;
  }

  private onSaid(event: CustomEvent<TableSaidDetail>): void {
    this.entries = upsertMessage(this.entries, event.detail.message);
    void this.updateComplete.then(() => this.scrollLogToEnd());
  }

  private renderMessage(message: TableMessage) {
    return html`<li class="message" ?data-held=${message.visibility === 'held'}>
      <p class="meta">
        <button class="link-button author" type="button" @click=${() => this.pick(message.author.id)} title="Show the fan card of ${message.author.displayName}">
          ${message.author.displayName}
        </button>
        <cp-relative-time datetime=${message.createdAt}></cp-relative-time>
      </p>
      <p class="body">${message.body}</p>
    </li>`;
  }

  private renderEntry(entry: ChatEntry) {
    switch (entry.kind) {
      case 'message':
        return this.renderMessage(entry.message);
      case 'announcement':
        return html`<li class="banner"><strong>Announcement from ${entry.author}:</strong> ${entry.text}</li>`;
      case 'promoted':
        return html`<li class="banner">${entry.by} started a wave from this table: ${entry.wave.title}</li>`;
    }
  }

  private renderHands() {
    return html`<section class="hands" aria-labelledby="hands-title">
      <h4 id="hands-title">Raised hands</h4>
      ${this.hands.length === 0 ? html`<p class="muted">No hands are up.</p>` : nothing}
      <ul class="hand-list">
        ${repeat(
          this.hands,
          (h) => h.id,
          (h) => html`<li class="hand">
            <div>
              <button class="link-button" type="button" @click=${() => this.pick(h.person.id)}>${h.person.displayName}</button>
              · waiting <cp-waiting-time since=${h.raisedAt}></cp-waiting-time>
              ${h.question ? html`<span class="question">“${h.question}”</span>` : nothing}
            </div>
            <button class="button" type="button" ?disabled=${this.pending === h.id} @click=${() => this.answer(h)}>
              Answer<span class="visually-hidden"> ${h.person.displayName}</span>
            </button>
          </li>`,
        )}
      </ul>
      ${this.answered.length
        ? html`<ul class="answered" aria-label="Answered here">
            ${this.answered.map(
              (h) => html`<li>
                Answered ${h.person.displayName} after
                <strong>${formatWait(h.waitSeconds ?? 0)}</strong>${h.answeredBy ? html` by ${h.answeredBy.displayName}` : nothing}
              </li>`,
            )}
          </ul>`
        : nothing}
    </section>`;
  }

  private renderPeople(table: CafeTable) {
    return html`<ul class="people" aria-label="Seated at ${table.topic}">
      ${table.people.map(
        (p) => html`<li>
          <button class="person" type="button" aria-pressed=${this.person === p.id ? 'true' : 'false'} @click=${() => this.pick(p.id)}>
            ${p.displayName}${p.staff ? html` <span class="staff">staff</span>` : nothing}${p.away ? html` <span class="muted">(away)</span>` : nothing}
          </button>
        </li>`,
      )}
    </ul>`;
  }

  private renderFanCard() {
    const person = this.person;
    if (!person) {
      return html`<aside class="fan" aria-label="Fan card"><p class="muted">Pick someone (a name in the chat, a hand, or who sits here) to see their fan card and notes.</p></aside>`;
    }
    return html`<aside class="fan" aria-label="Fan card">
      <cp-fan-card .api=${this.api ?? null} slug=${this.slug} user-id=${person} heading-level="4"></cp-fan-card>
    </aside>`;
  }

  override render() {
    const back = html`<a class="back" href=${consoleLinks.floor(this.slug)}>← The floor</a>`;
    const load = this.load;
    if (load.status === 'error') {
      return html`${back}<p class="alert" role="alert">This table could not be opened. ${load.error.message}</p>`;
    }
    const table = this.table;
    if (load.status === 'loading' || !table) return html`${back}<p class="muted" role="status">Loading the table…</p>`;
    const closed = table.closedAt !== null;
    return html`<div class="page">
      ${back}
      <header class="head">
        <h3 class="topic">${table.topic}</h3>
        <p class="facts">
          <span>${seatsLabel(table)}</span>
          ${closed ? html`<span class="badge">Closed</span>` : nothing}${table.locked ? html`<span class="badge">Locked</span>` : nothing}
        </p>
        ${this.renderPeople(table)}
        <div class="seat">
          ${closed
            ? nothing
            : this.seated
              ? html`<button class="button button--quiet" type="button" ?disabled=${this.pending === 'seat'} @click=${this.leave}>Leave the table</button>`
              : html`<button class="button" type="button" ?disabled=${this.pending === 'seat'} @click=${this.sit}>Join (staff seat)</button>`}
        </div>
      </header>
      ${this.problem
        ? html`<p class="alert" role="alert">${this.problem} <button class="link-button" type="button" @click=${() => (this.problem = '')}>Dismiss</button></p>`
        : nothing}
      <div class="layout">
        <section class="chat" aria-labelledby="chat-title">
          <h4 id="chat-title">Conversation</h4>
          ${this.entries.length === 0 ? html`<p class="muted">No messages yet.</p>` : nothing}
          <ol class="log" role="log" aria-live="polite" aria-label="Table chat" tabindex="0" ?hidden=${this.entries.length === 0}>
            ${repeat(this.entries, (e) => `${e.kind}:${e.id}`, (e) => this.renderEntry(e))}
          </ol>
          ${closed
            ? html`<p class="muted">This table is closed.</p>`
            : html`<cp-table-composer .socket=${this.socket} tableId=${this.tableId} label="Say something as staff" placeholder="Write a message" @cp-table-said=${this.onSaid}></cp-table-composer>`}
          ${this.renderHands()}
        </section>
        ${this.renderFanCard()}
      </div>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }
}

/** "42 s", "3 min 5 s", "1 h 2 min". */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-console-table': CpConsoleTable;
  }
}
