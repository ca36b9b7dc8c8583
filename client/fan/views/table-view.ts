import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { ERROR_CODES, type ErrorBody } from '../../../shared/errors.js';
import { hasRole } from '../../../shared/roles.js';
import type { User } from '../../../shared/schemas/auth.js';
import type { CafeTable, Hand, TableAlternative, TableMessage } from '../../../shared/schemas/cafe.js';
import type { Space } from '../../../shared/schemas/spaces.js';
import type { StreamEvent } from '../../../shared/schemas/streams.js';
import { streamName } from '../../../shared/streams.js';
import { WAVE_LIMITS } from '../../../shared/waves.js';
import { AppElement } from '../../base-element.js';
import { msg, msgRich } from '../../i18n/app.js';
import { addBanner, entriesFrom, lowerInList, promotable, raiseInList, upsertMessage, type ChatEntry } from '../../cafe/chat.js';
import { initial, isFull, listOfNames, liveliness, seatsLabel, staffLine } from '../../cafe/floor.js';
import { CAFE_UI_LIMITS } from '../../cafe/limits.js';
import '../../components/cp-idea-editor/cp-idea-editor.js';
import '../../components/cp-presence-list/cp-presence-list.js';
import '../../components/cp-relative-time/cp-relative-time.js';
import '../../components/cp-table-composer/cp-table-composer.js';
import type { CpTableComposer } from '../../components/cp-table-composer/cp-table-composer.js';
import '../../components/cp-table-people/cp-table-people.js';
import '../../components/cp-waiting-time/cp-waiting-time.js';
import { CollabController } from '../../controllers/collab-controller.js';
import { StreamController } from '../../controllers/stream-controller.js';
import { TypingController } from '../../controllers/typing-controller.js';
import { userColor } from '../../editor/user-color.js';
import type { TableSaidDetail } from '../../events.js';
import type { ApiClient } from '../../services/api.js';
import {
  answerHand,
  closeTable,
  editTopic,
  getConversation,
  getTable,
  joinTable,
  leaveTable,
  lockTable,
  lowerHand,
  openTable,
  promoteTable,
  raiseHand,
} from '../../services/cafe.js';
import { newIdempotencyKey } from '../../services/idempotency.js';
import type { AppSocket } from '../../services/socket.js';
import { tagChip } from '../../styles/chips.js';
import { dangerOutlineButton } from '../../styles/buttons.js';
import { shared } from '../../styles/shared.js';
import { viewPage } from '../../styles/views.js';
import { navigate } from '../navigation.js';
import { href } from '../router.js';
import { styles } from './table-view.styles.js';

type Load = { status: 'signed-out' } | { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: ErrorBody };
/** `conversation`: the viewer may read the chat (seated, staff, or sat at this closed table); `summary`: only who sits there. */
type Access = 'conversation' | 'summary';
type StaffAction = 'lock' | 'close' | 'promote';

/** Within this many pixels of the end, the chat follows new lines; further up, the reader keeps their place. */
const STICK_PX = 48;

/**
 * @summary A cafe table: its topic, who sits there, the chat (live on `table:<id>`, sent with
 * `table:say`), typing indicators, the shared notepad (Yjs `table:<id>`), raised hands, and
 * for staff a staff seat, answering hands, lock/close and starting a wave from the conversation.
 * People not seated see the summary and sit down to read along.
 */
@customElement('cp-table-view')
export class CpTableView extends AppElement {
  static override styles = [shared, viewPage, tagChip, dangerOutlineButton, styles];

  private stream?: StreamController;
  private typing?: TypingController;
  private readonly collab = new CollabController(this);
  private request = 0;
  private handledStreamError: ErrorBody | null = null;
  private promoteKey: string | null = null;

  @query('.log') private logElement?: HTMLElement;
  @query('.page-alert') private pageAlert?: HTMLElement;
  @query('cp-table-composer') private composer?: CpTableComposer;

  @state() private load: Load = { status: 'loading' };
  @state() private table: CafeTable | null = null;
  @state() private access: Access = 'summary';
  @state() private entries: ChatEntry[] = [];
  @state() private hands: Hand[] = [];
  @state() private seatPending = false;
  @state() private full: TableAlternative | null = null;
  @state() private problem = '';
  @state() private announcement = '';
  @state() private editingTopic = false;
  @state() private topicText = '';
  @state() private topicPending = false;
  @state() private topicError = '';
  @state() private question = '';
  @state() private handPending = false;
  @state() private staffPending: StaffAction | null = null;
  @state() private confirmClose = false;
  @state() private promoting = false;
  @state() private selected: string[] = [];
  @state() private waveTitle = '';
  @state() private promoteError = '';
  @state() private promoted: { id: string; title: string } | null = null;

  @property({ attribute: false }) api?: ApiClient;
  @property({ attribute: false }) socket?: AppSocket;
  @property({ attribute: false }) space?: Space;
  @property({ attribute: false }) user: User | null = null;
  @property() tableId = '';

  private get slug(): string {
    return this.space?.slug ?? '';
  }

  private get brand(): string {
    return this.space?.name ?? msg('the brand');
  }

  private get staff(): boolean {
    return hasRole(this.space?.viewerRole, 'staff');
  }

  private get mySeat() {
    const id = this.user?.id;
    return id ? (this.table?.people.find((p) => p.id === id) ?? null) : null;
  }

  private get closed(): boolean {
    return this.table?.closedAt != null;
  }

  /** Who may write in the chat: staff of the space, and the people seated (unless staff locked the table). */
  private get canTalk(): boolean {
    const table = this.table;
    if (!table || this.closed || this.access !== 'conversation') return false;
    return this.staff || (this.mySeat !== null && !table.locked);
  }

  private get myHand(): Hand | null {
    const id = this.user?.id;
    return (id && this.hands.find((h) => h.person.id === id)) || null;
  }

  override disconnectedCallback(): void {
    // Leave the table's room: its events are of no use once the page is gone.
    if (this.stream) this.stream.stream = null;
    this.request++;
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.socket && !this.stream) {
      this.stream = new StreamController(this, this.socket, { from: 'now', keep: 0, onEvents: (events) => this.applyEvents(events) });
      this.typing = new TypingController(this, this.socket, () => this.user?.id ?? null);
    }
    if (changed.has('tableId') && this.tableId) {
      this.typing!.tableId = this.tableId;
      void this.loadTable();
    } else if (changed.has('user') && changed.get('user') !== undefined && changed.get('user')?.id !== this.user?.id) {
      // Signed in or out: what the viewer may read changed, and the notepad reconnects as them.
      this.collab.close();
      void this.loadTable();
    } else if (changed.has('space') && changed.get('space')?.viewerRole !== this.space?.viewerRole) {
      void this.loadTable();
    }
  }

  protected override updated(): void {
    // The table's stream refused us (the seat went while we were away): show the summary instead.
    const error = this.stream?.error ?? null;
    if (error && error !== this.handledStreamError && this.access === 'conversation') {
      this.handledStreamError = error;
      if (error.code === ERROR_CODES.FORBIDDEN) void this.showSummary();
    }
  }

  // ---- loading

  private async loadTable(): Promise<void> {
    const { api } = this;
    if (!api || !this.tableId) return;
    const request = ++this.request;
    if (!this.user) {
      this.stream!.stream = null;
      this.collab.close();
      this.load = { status: 'signed-out' };
      return;
    }
    if (this.table?.id !== this.tableId) this.load = { status: 'loading' };
    const result = await getConversation(api, this.tableId);
    if (request !== this.request) return;
    if (result.ok) {
      const first = this.load.status !== 'ready';
      this.table = result.data.table;
      this.entries = entriesFrom(result.data.messages);
      this.hands = result.data.hands;
      this.access = 'conversation';
      this.load = { status: 'ready' };
      this.stream!.follow(streamName.table(this.tableId), result.data.head);
      this.openNotepad();
      document.title = msg('{topic} · Cafe · {space}', { topic: result.data.table.topic, space: this.space?.name ?? 'Commonplace' });
      await this.updateComplete;
      this.scrollLogToEnd();
      if (first && !(await this.focusLinkedMessage())) void this.focusTitleIfLost();
      return;
    }
    if (result.error.code === ERROR_CODES.FORBIDDEN) return this.showSummary(request);
    this.fail(result.error);
  }

  /** Not seated (and not staff): the table's summary, and a way to sit down. */
  private async showSummary(request = ++this.request): Promise<void> {
    if (!this.api) return;
    const first = this.load.status !== 'ready';
    this.stream!.stream = null;
    this.collab.close();
    this.entries = [];
    this.hands = [];
    this.access = 'summary';
    this.promoting = false;
    const result = await getTable(this.api, this.tableId);
    if (request !== this.request) return;
    if (!result.ok) return this.fail(result.error);
    this.table = result.data;
    this.load = { status: 'ready' };
    document.title = msg('{topic} · Cafe · {space}', { topic: result.data.topic, space: this.space?.name ?? 'Commonplace' });
    if (first) void this.focusTitleIfLost();
  }

  private fail(error: ErrorBody): void {
    this.load = error.code === ERROR_CODES.UNAUTHENTICATED ? { status: 'signed-out' } : { status: 'error', error };
  }

  /** After a client-side navigation the clicked link is gone; start screen readers at the topic. */
  private async focusTitleIfLost(): Promise<void> {
    await this.updateComplete;
    const active = document.activeElement;
    if (active && active !== document.body && active !== document.documentElement) return;
    const heading = this.renderRoot.querySelector<HTMLElement>('h2');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }

  /** `#message-<id>` (the moderation queue links to messages so): scroll to it and move focus there. */
  private async focusLinkedMessage(): Promise<boolean> {
    const match = /^#message-([A-Za-z0-9_-]{6,40})$/.exec(location.hash);
    const item = match ? this.renderRoot.querySelector<HTMLElement>(`#message-${match[1]}`) : null;
    if (!item) return false;
    item.tabIndex = -1;
    item.setAttribute('data-linked', '');
    item.scrollIntoView({ block: 'center' });
    item.focus({ preventScroll: true });
    return true;
  }

  /** The notepad, as the viewer; the server decides read-write or read-only and re-checks when seats change. */
  private openNotepad(): void {
    const table = this.table;
    const user = this.user;
    if (!table || !user) return;
    if (this.collab.refusal) this.collab.close();
    this.collab.open(table.docName, { id: user.id, name: user.displayName, color: userColor(user.id) });
  }

  // ---- live events

  private applyEvents(events: StreamEvent[]): void {
    const follow = this.logAtEnd();
    for (const event of events) {
      switch (event.type) {
        case 'table:message': {
          const message = event.data.message;
          this.entries = upsertMessage(this.entries, message);
          this.typing?.remove(message.author.id);
          break;
        }
        case 'table:changed':
          this.onTableChanged(event.data.table);
          break;
        case 'table:hand-raised':
          this.hands = raiseInList(this.hands, event.data.hand);
          break;
        case 'table:hand-lowered': {
          const hand = event.data.hand;
          this.hands = lowerInList(this.hands, hand.id);
          if (hand.person.id === this.user?.id && hand.answeredBy) this.announcement = msg('{name} answered your raised hand.', { name: hand.answeredBy.displayName });
          break;
        }
        case 'table:promoted':
          this.entries = addBanner(this.entries, {
            kind: 'promoted',
            id: `${event.data.wave.id}`,
            wave: event.data.wave,
            by: event.data.by.displayName,
            at: event.createdAt,
          });
          break;
        case 'announcement:posted':
          this.entries = addBanner(this.entries, {
            kind: 'announcement',
            id: event.data.id,
            text: event.data.text,
            author: event.data.author.displayName,
            at: event.createdAt,
          });
          break;
        default:
          break;
      }
    }
    if (follow) void this.updateComplete.then(() => this.scrollLogToEnd());
  }

  private onTableChanged(table: CafeTable): void {
    const before = this.table;
    const wasSeated = this.mySeat !== null;
    this.table = table;
    const seated = this.mySeat !== null;
    if (before && before.closedAt === null && table.closedAt !== null) {
      this.announcement = msg('This table is closed. Its conversation and notepad stay here to read.');
      this.promoting = false;
    } else if (before && before.locked !== table.locked) {
      this.announcement = table.locked ? msg('Staff locked this table: only staff write here now.') : msg('Staff unlocked this table.');
    } else if (before && before.topic !== table.topic) {
      this.announcement = msg('The topic is now: {topic}', { topic: table.topic });
    }
    // Freed while away, or sat down at another table elsewhere: the chat is for the people seated.
    if (wasSeated && !seated && table.closedAt === null && !this.staff) {
      this.announcement = msg('You are no longer seated at this table.');
      void this.showSummary();
    }
  }

  private logAtEnd(): boolean {
    const log = this.logElement;
    return !log || log.scrollHeight - log.scrollTop - log.clientHeight < STICK_PX;
  }

  private scrollLogToEnd(): void {
    const log = this.logElement;
    if (log) log.scrollTop = log.scrollHeight;
  }

  // ---- seats

  private async sit(tableId = this.tableId): Promise<void> {
    if (!this.socket || this.seatPending) return;
    this.seatPending = true;
    this.full = null;
    this.problem = '';
    const result = await joinTable(this.socket, tableId);
    this.seatPending = false;
    if (result.ok) {
      if (tableId !== this.tableId) return navigate(href.table(this.slug, tableId));
      this.table = result.data.table;
      this.announcement = result.data.seat.staff ? msg('You are at the table on a staff seat.') : msg('You sat down. Say hello!');
      await this.loadTable();
      await this.updateComplete;
      this.composer?.focus();
      return;
    }
    if (result.error.code === ERROR_CODES.TABLE_FULL) {
      this.full = result.error.alternative ?? { table: null, hint: result.error.message };
      this.announcement = msg('This table is full. {hint}', { hint: this.full.hint });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.alternative button')?.focus();
      return;
    }
    return this.showProblem(msg('You could not sit down. {problem}', { problem: result.error.message }));
  }

  private async openOnTopic(): Promise<void> {
    const table = this.table;
    if (!this.api || !table || this.seatPending) return;
    this.seatPending = true;
    const result = await openTable(this.api, this.slug, { topic: table.topic, tags: table.tags });
    this.seatPending = false;
    if (!result.ok) return this.showProblem(msg('The table was not opened. {problem}', { problem: result.error.message }));
    navigate(href.table(this.slug, result.data.id));
  }

  private async leave(): Promise<void> {
    if (!this.socket || this.seatPending) return;
    this.seatPending = true;
    const result = await leaveTable(this.socket, this.tableId);
    this.seatPending = false;
    if (!result.ok) return this.showProblem(msg('You are still seated. {problem}', { problem: result.error.message }));
    navigate(href.cafe(this.slug));
  }

  private async showProblem(message: string): Promise<void> {
    this.problem = message;
    await this.updateComplete;
    this.pageAlert?.focus();
  }

  // ---- topic

  private async startTopicEdit(): Promise<void> {
    this.editingTopic = true;
    this.topicText = this.table?.topic ?? '';
    this.topicError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#topic-input')?.select();
  }

  private async stopTopicEdit(): Promise<void> {
    this.editingTopic = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.edit-topic')?.focus();
  }

  private async saveTopic(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || this.topicPending) return;
    const topic = this.topicText.trim();
    if (topic.length < CAFE_UI_LIMITS.topicMin) {
      this.topicError = msg('The topic needs at least {min} characters.', { min: CAFE_UI_LIMITS.topicMin });
      return;
    }
    this.topicPending = true;
    const result = await editTopic(this.api, this.tableId, topic);
    this.topicPending = false;
    if (!result.ok) {
      this.topicError = result.error.message;
      return;
    }
    this.table = result.data;
    this.announcement = msg('Topic changed.');
    await this.stopTopicEdit();
  }

  // ---- chat

  private onSaid(event: CustomEvent<TableSaidDetail>): void {
    const { message } = event.detail;
    this.entries = upsertMessage(this.entries, message);
    this.announcement = message.visibility === 'held' ? msg('Your message is waiting for review by the moderators.') : '';
    void this.updateComplete.then(() => this.scrollLogToEnd());
  }

  // ---- hands

  private async raise(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.socket || this.handPending) return;
    this.handPending = true;
    const result = await raiseHand(this.socket, this.tableId, this.question, newIdempotencyKey());
    this.handPending = false;
    if (!result.ok) return this.showProblem(msg('Your hand is not up. {problem}', { problem: result.error.message }));
    if (result.data.hand) this.hands = raiseInList(this.hands, result.data.hand);
    this.question = '';
    this.announcement = msg('Your hand is up. Someone from {brand} will come by.', { brand: this.brand });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.lower-hand')?.focus();
  }

  private async lower(): Promise<void> {
    if (!this.socket || this.handPending) return;
    this.handPending = true;
    const mine = this.myHand;
    const result = await lowerHand(this.socket, this.tableId, newIdempotencyKey());
    this.handPending = false;
    if (!result.ok) return this.showProblem(msg('Your hand is still up. {problem}', { problem: result.error.message }));
    if (mine) this.hands = lowerInList(this.hands, mine.id);
    this.announcement = msg('Hand lowered.');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#hand-question')?.focus();
  }

  private async answer(hand: Hand): Promise<void> {
    if (!this.socket) return;
    const result = await answerHand(this.socket, hand.id, newIdempotencyKey());
    if (!result.ok && result.error.code !== ERROR_CODES.CONFLICT) return this.showProblem(msg('The hand is still up. {problem}', { problem: result.error.message }));
    this.hands = lowerInList(this.hands, hand.id);
    this.announcement = result.ok
      ? msg('Answered {name}.', { name: hand.person.displayName })
      : msg("{name}'s hand was already down.", { name: hand.person.displayName });
  }

  // ---- staff

  private async toggleLock(): Promise<void> {
    const table = this.table;
    if (!this.api || !table || this.staffPending) return;
    this.staffPending = 'lock';
    const result = await lockTable(this.api, table.id, !table.locked);
    this.staffPending = null;
    if (!result.ok) return this.showProblem(msg('The lock did not change. {problem}', { problem: result.error.message }));
    this.table = result.data;
    this.announcement = result.data.locked ? msg('Locked: no new fan seats, only staff write.') : msg('Unlocked.');
  }

  private async close(): Promise<void> {
    if (!this.api || this.staffPending) return;
    this.staffPending = 'close';
    const result = await closeTable(this.api, this.tableId);
    this.staffPending = null;
    this.confirmClose = false;
    if (!result.ok) return this.showProblem(msg('The table is still open. {problem}', { problem: result.error.message }));
    this.table = result.data;
    this.hands = [];
    this.announcement = msg('Table closed. Everyone stood up; the conversation is kept.');
  }

  private async askClose(): Promise<void> {
    this.confirmClose = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.confirm-close .button--danger')?.focus();
  }

  private async startPromote(): Promise<void> {
    this.promoting = true;
    this.promoted = null;
    this.promoteError = '';
    this.waveTitle ||= this.table?.topic ?? '';
    this.selected = promotable(this.entries).map((m) => m.id);
    this.promoteKey = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#wave-title')?.focus();
  }

  private togglePick(id: string, on: boolean): void {
    this.selected = on ? [...new Set([...this.selected, id])] : this.selected.filter((s) => s !== id);
    this.promoteKey = null;
  }

  private async promote(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || this.staffPending) return;
    const title = this.waveTitle.trim();
    // In the table's order, whatever order they were ticked in.
    const messageIds = promotable(this.entries)
      .map((m) => m.id)
      .filter((id) => this.selected.includes(id));
    if (title.length < WAVE_LIMITS.titleMin) {
      this.promoteError = msg('The title needs at least {min} characters.', { min: WAVE_LIMITS.titleMin });
      return;
    }
    if (messageIds.length === 0) {
      this.promoteError = msg('Pick at least one message.');
      return;
    }
    this.promoteKey ??= newIdempotencyKey();
    this.staffPending = 'promote';
    this.promoteError = '';
    const result = await promoteTable(this.api, this.tableId, { title, tags: this.table?.tags ?? [], messageIds }, this.promoteKey);
    this.staffPending = null;
    if (!result.ok) {
      this.promoteError = result.error.message;
      return;
    }
    this.promoteKey = null;
    this.promoting = false;
    this.selected = [];
    this.promoted = result.data.wave;
    this.announcement = msg('Wave started: {title}. {count, plural, one {# person credited.} other {# people credited.}}', {
      title: result.data.wave.title,
      count: result.data.credited.length,
    });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.promoted a')?.focus();
  }

  // ---- render

  private renderHeader(table: CafeTable) {
    const lively = liveliness(table.recentMessages);
    const staff = staffLine(table.people, this.brand);
    const canEditTopic = !this.closed && (this.staff || (this.user !== null && table.hostId === this.user.id));
    return html`<header class="table-head">
      <div class="badges">
        ${this.closed ? html`<span class="badge badge--closed">${msg('Closed')}</span>` : nothing}
        ${table.locked ? html`<span class="badge badge--locked"><span aria-hidden="true">🔒</span> ${msg('Locked')}</span>` : nothing}
        ${!this.closed && isFull(table) ? html`<span class="badge badge--full">${msg('Full')}</span>` : nothing}
        ${table.tags.map((tag) => html`<a class="tag" href=${href.cafe(this.slug, { tag })} aria-label=${msg('Tables tagged {tag}', { tag })}>#${tag}</a>`)}
      </div>
      ${this.editingTopic
        ? html`<form class="topic-form" @submit=${this.saveTopic} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.stopTopicEdit()}>
            <label for="topic-input">${msg('Topic')}</label>
            <div class="topic-form__row">
              <input
                id="topic-input"
                maxlength=${CAFE_UI_LIMITS.topicMax}
                autocomplete="off"
                aria-invalid=${this.topicError ? 'true' : 'false'}
                aria-describedby=${this.topicError ? 'topic-error' : nothing}
                .value=${this.topicText}
                @input=${(e: Event) => {
                  this.topicText = (e.target as HTMLInputElement).value;
                  this.topicError = '';
                }}
              />
              <button class="button" type="submit" ?disabled=${this.topicPending}>${this.topicPending ? msg('Saving…') : msg('Save')}</button>
              <button class="button button--quiet" type="button" @click=${this.stopTopicEdit}>${msg('Cancel')}</button>
            </div>
            ${this.topicError ? html`<p class="field-error" id="topic-error" role="alert">${this.topicError}</p>` : nothing}
          </form>`
        : html`<div class="title-row">
            <h2>${table.topic}</h2>
            ${canEditTopic ? html`<button class="button button--quiet edit-topic" type="button" @click=${this.startTopicEdit}>${msg('Edit topic')}</button>` : nothing}
          </div>`}
      <ul class="facts">
        <li class="seats">${seatsLabel(table)}</li>
        <li>${msg('{liveliness} · {detail}', { liveliness: lively.label, detail: lively.detail })}</li>
        ${table.raisedHands > 0
          ? html`<li class="hands-count">${msg('{count, plural, one {# raised hand} other {# raised hands}}', { count: table.raisedHands })}</li>`
          : nothing}
        ${this.closed
          ? html`<li>${msgRich('Closed {when}', { when: html`<cp-relative-time datetime=${table.closedAt!}></cp-relative-time>` })}</li>`
          : html`<li>${msgRich('Opened {when}', { when: html`<cp-relative-time datetime=${table.createdAt}></cp-relative-time>` })}</li>`}
      </ul>
      ${staff ? html`<p class="staff-line"><span aria-hidden="true">★</span> ${staff}</p>` : nothing}
      <cp-table-people .people=${table.people} .viewerId=${this.user?.id ?? null} slug=${this.slug} label=${msg('Seated at this table')}></cp-table-people>
      ${this.renderSeatActions(table)}
    </header>`;
  }

  private renderSeatActions(table: CafeTable) {
    const seat = this.mySeat;
    let actions;
    if (seat) {
      actions = html`<button class="button button--quiet" type="button" ?disabled=${this.seatPending} @click=${this.leave}>
        ${this.seatPending ? msg('Leaving…') : msg('Leave table')}
      </button>`;
    } else if (this.closed) {
      const blocked = table.locked && !this.staff;
      actions = html`<button class="button ${blocked ? 'unavailable' : ''}" type="button" ?disabled=${this.seatPending || blocked} @click=${() => this.sit()}>
          ${this.seatPending ? msg('Sitting down…') : msg('Sit down to reopen')}
        </button>
        ${blocked ? html`<span class="muted">${msg('Staff locked it, so it cannot be reopened.')}</span>` : nothing}`;
    } else if (this.staff) {
      actions = html`<button class="button" type="button" ?disabled=${this.seatPending} @click=${() => this.sit()}>
        ${this.seatPending ? msg('Joining…') : msg('Join (staff seat)')}
      </button>`;
    } else if (table.locked) {
      actions = html`<p class="muted">${msg('Staff locked this table: it takes no new seats.')}</p>`;
    } else if (isFull(table)) {
      actions = html`<button class="button unavailable" type="button" disabled>${msg('Full')}</button>
        <button class="button button--quiet" type="button" ?disabled=${this.seatPending} @click=${() => this.sit()}>
          ${this.seatPending ? msg('Looking…') : msg('Find a seat on this topic')}
        </button>`;
    } else {
      actions = html`<button class="button" type="button" ?disabled=${this.seatPending} @click=${() => this.sit()}>
        ${this.seatPending ? msg('Sitting down…') : msg('Sit down')}
      </button>`;
    }
    return html`<div class="seat-actions">${actions}</div>
      ${this.full ? this.renderAlternative(this.full) : nothing}`;
  }

  private renderAlternative(alternative: TableAlternative) {
    const other = alternative.table;
    return html`<div class="alternative" role="group" aria-label=${msg('This table is full')}>
      <p>${msgRich('{full} {hint}', { full: html`<strong>${msg('This table is full.')}</strong>`, hint: alternative.hint })}</p>
      <div class="alternative__actions">
        ${other
          ? html`<button class="button" type="button" ?disabled=${this.seatPending} @click=${() => this.sit(other.id)}>
              ${msg('Sit at “{topic}” ({taken} of {capacity})', { topic: other.topic, taken: other.seatsTaken, capacity: other.capacity })}
            </button>`
          : nothing}
        <button class="button button--quiet" type="button" ?disabled=${this.seatPending} @click=${this.openOnTopic}>${msg('Open a new table on this topic')}</button>
      </div>
    </div>`;
  }

  private renderMessage(message: TableMessage) {
    const mine = message.author.id === this.user?.id;
    const held = message.visibility === 'held';
    const pickable = this.promoting && message.visibility === 'visible';
    const picked = this.selected.includes(message.id);
    return html`<li class="message" id="message-${message.id}" ?data-mine=${mine} ?data-held=${held}>
      ${pickable
        ? html`<input
            class="pick"
            type="checkbox"
            aria-label=${msg('Include this message from {name} in the wave', { name: message.author.displayName })}
            .checked=${picked}
            @change=${(e: Event) => this.togglePick(message.id, (e.target as HTMLInputElement).checked)}
          />`
        : nothing}
      <span class="avatar" aria-hidden="true" style=${styleMap({ background: userColor(message.author.id) })}>${initial(message.author.displayName)}</span>
      <div class="message__main">
        <p class="message__meta">
          ${mine || message.author.id === 'former-member'
            ? html`<span class="author">${mine ? msg('You') : message.author.displayName}</span>`
            : html`<a class="author" href=${href.profile(this.slug, message.author.id)}>${message.author.displayName}</a>`}
          <cp-relative-time datetime=${message.createdAt}></cp-relative-time>
        </p>
        <p class="message__body">${message.body}</p>
        ${held ? html`<p class="held">${msg('Waiting for review · only you can see it until the moderators approve it')}</p>` : nothing}
      </div>
    </li>`;
  }

  private renderEntry(entry: ChatEntry) {
    switch (entry.kind) {
      case 'message':
        return this.renderMessage(entry.message);
      case 'announcement':
        return html`<li class="banner banner--announcement">
          <span>${msgRich('{heading} {text}', { heading: html`<strong>${msg('Announcement from {name}:', { name: entry.author })}</strong>`, text: entry.text })}</span>
        </li>`;
      case 'promoted':
        return html`<li class="banner banner--promoted">
          <span>${msgRich('{name} started a wave from this table: {wave}', {
            name: entry.by,
            wave: html`<a href=${href.wave(this.slug, entry.wave.id)}>${entry.wave.title}</a>`,
          })}</span>
        </li>`;
    }
  }

  private renderChat() {
    const typists = this.typing?.typists ?? [];
    const typingText =
      typists.length === 0
        ? ''
        : typists.length > 3
          ? msg('Several people are typing…')
          : msg('{count, plural, one {{names} is typing…} other {{names} are typing…}}', { count: typists.length, names: listOfNames(typists.map((t) => t.name)) });
    return html`<section class="chat" aria-labelledby="chat-title">
      <h3 id="chat-title">${msg('Conversation')}</h3>
      ${this.entries.length === 0 ? html`<p class="muted">${this.canTalk ? msg('No messages yet. Say hello.') : msg('No messages yet.')}</p>` : nothing}
      <ol class="log" role="log" aria-live="polite" aria-label=${msg('Table chat')} tabindex="0" ?hidden=${this.entries.length === 0}>
        ${repeat(this.entries, (e) => `${e.kind}:${e.id}`, (e) => this.renderEntry(e))}
      </ol>
      <p class="typing">${typingText}</p>
      ${this.canTalk
        ? html`<cp-table-composer
            .socket=${this.socket}
            tableId=${this.tableId}
            label=${this.mySeat ? msg('Say something to the table') : msg('Say something as {brand} staff', { brand: this.brand })}
            placeholder=${msg('Write a message')}
            @cp-table-said=${this.onSaid}
          ></cp-table-composer>`
        : html`<p class="muted">${this.chatClosedNote()}</p>`}
    </section>`;
  }

  private chatClosedNote(): string {
    if (this.closed) return msg('This table is closed. Sit down to reopen it and talk again.');
    if (this.table?.locked) return msg('Staff locked this table: you can read along, only staff write.');
    return msg('Sit down to join the conversation.');
  }

  private renderNotepad() {
    const table = this.table!;
    const seated = this.mySeat !== null;
    const editable = seated && !this.closed && (!table.locked || this.staff);
    const collab = this.collab;
    const ready = collab.status === 'synced' || (collab.doc !== null && collab.status === 'connected' && !editable);
    const refused = collab.refusal;
    const note = editable
      ? ''
      : this.closed
        ? msg('The table is closed; its notepad is kept as it was.')
        : table.locked
          ? msg('Staff locked this table; the notepad is read-only.')
          : msg('You can read the notepad. Take a seat to write in it.');
    return html`<section class="notepad" aria-labelledby="notepad-title">
      <div class="section-head">
        <h3 id="notepad-title">${msg('Notepad')}</h3>
        <cp-presence-list .peers=${collab.peers}></cp-presence-list>
      </div>
      ${refused
        ? html`<p class="alert" role="alert">${msg('The notepad is unavailable ({reason}). Reload the page to try again.', { reason: refused.reason || refused.code })}</p>`
        : nothing}
      ${ready
        ? html`<cp-idea-editor label=${msg('Table notepad')} .doc=${collab.doc} .awareness=${collab.provider?.awareness ?? null} ?editable=${editable} note=${note}></cp-idea-editor>`
        : refused
          ? nothing
          : html`<p class="muted" role="status">${msg('Connecting to the notepad…')}</p>`}
    </section>`;
  }

  private renderHands() {
    const seat = this.mySeat;
    const mine = this.myHand;
    const canRaise = seat !== null && !seat.staff && !this.closed;
    const others = this.hands.filter((h) => h !== mine);
    if (!canRaise && this.hands.length === 0 && !this.staff) return nothing;
    return html`<section class="card hands" aria-labelledby="hands-title">
      <h3 id="hands-title">${msg('Raised hands')}</h3>
      ${canRaise
        ? mine
          ? html`<div class="my-hand">
              <p>
                ${msgRich('Your hand is up for {time}', { time: html`<cp-waiting-time since=${mine.raisedAt}></cp-waiting-time>` })}${mine.question
                  ? html`<span class="question"> · ${msg('“{question}”', { question: mine.question })}</span>`
                  : nothing}
              </p>
              <button class="button button--quiet lower-hand" type="button" ?disabled=${this.handPending} @click=${this.lower}>${msg('Lower hand')}</button>
            </div>`
          : html`<form class="raise" @submit=${this.raise}>
              <label for="hand-question">${msgRich('Question for {brand} {optional}', { brand: this.brand, optional: html`<span class="muted">${msg('(optional)')}</span>` })}</label>
              <input
                id="hand-question"
                maxlength=${CAFE_UI_LIMITS.questionMax}
                autocomplete="off"
                .value=${this.question}
                @input=${(e: Event) => (this.question = (e.target as HTMLInputElement).value)}
              />
              <button class="button" type="submit" ?disabled=${this.handPending}>${msg('Raise hand')}</button>
            </form>`
        : nothing}
      ${others.length
        ? html`<ul class="hand-list" aria-label=${msg('Hands up at this table')}>
            ${repeat(
              others,
              (h) => h.id,
              (h) => html`<li class="hand">
                <span class="avatar" aria-hidden="true" style=${styleMap({ background: userColor(h.person.id) })}>${initial(h.person.displayName)}</span>
                <div class="hand__text">
                  <span
                    >${msgRich('{name} · waiting {time}', {
                      name: html`<strong>${h.person.displayName}</strong>`,
                      time: html`<cp-waiting-time since=${h.raisedAt}></cp-waiting-time>`,
                    })}</span
                  >
                  ${h.question ? html`<span class="question">${msg('“{question}”', { question: h.question })}</span>` : nothing}
                </div>
                ${this.staff && !this.closed
                  ? html`<button
                      class="button button--quiet"
                      type="button"
                      aria-label=${msg('Answer {name}', { name: h.person.displayName })}
                      @click=${() => this.answer(h)}
                    >
                      <span>${msg('Answer')}</span>
                    </button>`
                  : nothing}
              </li>`,
            )}
          </ul>`
        : this.staff
          ? html`<p class="muted">${msg('No hands are up.')}</p>`
          : nothing}
    </section>`;
  }

  private renderStaff() {
    if (!this.staff || this.access !== 'conversation') return nothing;
    const table = this.table!;
    const messages = promotable(this.entries);
    return html`<section class="card staff" aria-labelledby="staff-title">
      <h3 id="staff-title">${msg('Staff')}</h3>
      ${this.closed
        ? nothing
        : html`<div class="staff-actions">
            <button class="button button--quiet" type="button" ?disabled=${this.staffPending === 'lock'} @click=${this.toggleLock}>
              ${table.locked ? msg('Unlock table') : msg('Lock table')}
            </button>
            ${this.confirmClose
              ? html`<div class="confirm-close" role="group" aria-label=${msg('Close this table?')}>
                  <span>${msg('Close it now? Everyone stands up.')}</span>
                  <button class="button button--danger" type="button" ?disabled=${this.staffPending === 'close'} @click=${this.close}>${msg('Close now')}</button>
                  <button class="button button--quiet" type="button" @click=${() => (this.confirmClose = false)}>${msg('Keep open')}</button>
                </div>`
              : html`<button class="button button--quiet" type="button" @click=${this.askClose}>${msg('Close table')}</button>`}
          </div>`}
      ${this.promoted
        ? html`<p class="promoted notice">
            ${msgRich('Wave started: {wave}', { wave: html`<a href=${href.wave(this.slug, this.promoted.id)}>${this.promoted.title}</a>` })}
          </p>`
        : nothing}
      ${this.promoting
        ? html`<form class="promote" @submit=${this.promote}>
            <label for="wave-title">${msg('Wave title')}</label>
            <input
              id="wave-title"
              maxlength=${WAVE_LIMITS.titleMax}
              autocomplete="off"
              .value=${this.waveTitle}
              @input=${(e: Event) => {
                this.waveTitle = (e.target as HTMLInputElement).value;
                this.promoteKey = null;
              }}
            />
            <p class="muted">
              ${msg('Tick the messages in the chat that start the wave: {picked} of {count} picked. The notepad becomes its first draft; everyone who sat here is credited.', {
                picked: this.selected.length,
                count: messages.length,
              })}
            </p>
            ${this.promoteError ? html`<p class="field-error" role="alert">${this.promoteError}</p>` : nothing}
            <div class="promote__actions">
              <button class="button" type="submit" ?disabled=${this.staffPending === 'promote'}>${this.staffPending === 'promote' ? msg('Starting…') : msg('Start the wave')}</button>
              <button class="button button--quiet" type="button" @click=${() => (this.promoting = false)}>${msg('Cancel')}</button>
            </div>
          </form>`
        : html`<button class="button button--quiet" type="button" ?disabled=${messages.length === 0} @click=${this.startPromote}>
            ${msg('Start a wave from this table')}
          </button>`}
    </section>`;
  }

  private renderSummary(table: CafeTable) {
    return html`<section class="summary card" aria-label=${msg('About this table')}>
      <p>
        ${isFull(table) || table.locked
          ? msg('The conversation is for the people at the table.')
          : msg('The conversation is for the people at the table. Sit down to read along from the start and join in.')}
      </p>
    </section>`;
  }

  override render() {
    const back = html`<a class="back" href=${href.cafe(this.slug)}>← ${msg('The cafe')}</a>`;
    const load = this.load;
    if (load.status === 'signed-out') {
      return html`<div class="page">
        ${back}
        <h2>${msg('Cafe table')}</h2>
        <div class="signed-out">
          <p>${msg('Tables are for the signed-in people of {brand}.', { brand: this.brand })}</p>
          <button class="button" type="button" @click=${() => this.emit('cp-sign-in-request', null)}>${msg('Sign in to join the cafe')}</button>
        </div>
      </div>`;
    }
    if (load.status === 'loading' || !this.table) {
      if (load.status === 'error') return this.renderError(back, load.error);
      return html`<div class="page">${back}<p class="muted" role="status">${msg('Loading the table…')}</p></div>`;
    }
    if (load.status === 'error') return this.renderError(back, load.error);
    const table = this.table;
    const reading = this.access === 'conversation';
    const hands = reading ? this.renderHands() : nothing;
    const staffTools = reading ? this.renderStaff() : nothing;
    return html`<div class="page">
      ${back} ${this.renderHeader(table)}
      ${this.problem
        ? html`<p class="alert page-alert" role="alert" tabindex="-1">
            ${this.problem} <button class="link-button" type="button" @click=${() => (this.problem = '')}>${msg('Dismiss')}</button>
          </p>`
        : nothing}
      ${reading
        ? html`<div class="layout">
            ${this.renderChat()}
            ${hands === nothing && staffTools === nothing
              ? nothing
              : html`<aside class="secondary" aria-label=${msg('Hands and staff tools')}>${hands}${staffTools}</aside>`}
            ${this.renderNotepad()}
          </div>`
        : this.renderSummary(table)}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  private renderError(back: unknown, error: ErrorBody) {
    const missing = error.code === ERROR_CODES.NOT_FOUND || error.code === ERROR_CODES.INVALID_INPUT;
    return html`<div class="page">
      ${back}
      <h2>${missing ? msg('Table not found') : msg('This table is unavailable')}</h2>
      <p role="alert">${missing ? msg('It may be in another space, or the address is wrong.') : error.message}</p>
      ${missing ? nothing : html`<div><button class="button" type="button" @click=${this.loadTable}>${msg('Try again')}</button></div>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-table-view': CpTableView;
  }
}
