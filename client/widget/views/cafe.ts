import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ErrorBody } from '../../../shared/errors.js';
import type { CafeTable, FloorDelta, Hand, TableAlternative, TableTyping } from '../../../shared/schemas/cafe.js';
import type { Space } from '../../../shared/schemas/spaces.js';
import type { StreamEvent } from '../../../shared/schemas/streams.js';
import { streamName } from '../../../shared/streams.js';
import { addBanner, entriesFrom, upsertMessage, type ChatEntry } from '../../cafe/chat.js';
import { applyFloorDelta, isFull, liveliness, seatsLabel } from '../../cafe/floor.js';
import { ConnectionController } from '../../controllers/connection-controller.js';
import { StreamController } from '../../controllers/stream-controller.js';
import { getConversation, joinTable, leaveTable, lowerHand, raiseHand, say, watchFloor } from '../../services/cafe.js';
import { newIdempotencyKey } from '../../services/idempotency.js';
import { fetchSpace } from '../../services/spaces.js';
import { tokens } from '../../styles/tokens.js';
import { relativeTime } from '../../text/relative-time.js';
import type { EmbedHost, MountedView, MountView } from '../host.js';
import { connectionBadge, credit, signInBar } from '../runtime/chrome.js';
import { WidgetSession } from '../runtime/session.js';
import { ViewHost } from '../runtime/view-host.js';
import { cafeStyles, widgetStyles, widgetTokens } from '../runtime/widget.styles.js';

/** The `reason` of `commonplace-sign-in-requested` (docs/widget.md). */
const SIGN_IN_REASON = 'sit at a table'; // not user-visible: an event's detail for the brand

type Load = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: ErrorBody };

interface Seat {
  table: CafeTable;
  entries: ChatEntry[];
  hands: Hand[];
  draft: string;
  sending: boolean;
  error: string;
  question: string;
}

const TYPING_SHOWN_MS = 4000;

/**
 * `view="cafe"` (optionally `topic="…"`): the floor of open tables, live; signed-in visitors sit
 * down and talk at a table, raise a hand for the brand, and leave. Anonymous visitors see the
 * tables and their free seats, not who sits there. The notepad opens in Commonplace.
 */
class CafeView extends ViewHost {
  readonly session: WidgetSession;
  readonly #connection: ConnectionController;
  readonly #stream: StreamController;
  #space: Space | null = null;
  #tables: CafeTable[] = [];
  #load: Load = { status: 'loading' };
  #seat: Seat | null = null;
  #full: { tableId: string; alternative: TableAlternative } | null = null;
  #busy: string | null = null;
  #notice = '';
  #typing = new Map<string, { name: string; until: number }>();
  #ready = false;

  constructor(private readonly host: EmbedHost) {
    super(host.container, host.shadowRoot, [tokens, widgetTokens, widgetStyles, cafeStyles]);
    this.session = new WidgetSession(host, () => this.#onSession(), this.l);
    this.#connection = new ConnectionController(this, this.session.socket);
    this.#stream = new StreamController(this, this.session.socket, { from: 'now', keep: 0, onEvents: (events) => this.#apply(events) });
    this.session.socket.on('connect', this.#watch);
    this.session.socket.on('floor:delta', this.#onDelta);
    this.session.socket.on('table:typing', this.#onTyping);
  }

  get #filters(): { topic: string | null; tag: string | null } {
    return { topic: this.host.settings().topic, tag: null };
  }

  start(): void {
    void this.useLanguage(this.host.settings().lang).then(() => this.connect());
    void (async () => {
      const space = await fetchSpace(this.session.api, this.host.settings().space);
      if (!space.ok) return this.#fail(space.error);
      this.#space = space.data;
      await this.session.start();
    })();
  }

  #onSession(): void {
    if (!this.session.signedIn) {
      this.#seat = null;
      this.#stream.follow(null);
    }
    this.requestUpdate();
  }

  /** On every (re)connect: floor deltas are not replayed, so read the floor afresh and watch again. */
  #watch = async (): Promise<void> => {
    const watched = await watchFloor(this.session.socket, this.host.settings().space, this.#filters);
    if (!watched.ok) return this.#fail(watched.error);
    this.#tables = watched.data.page.items;
    this.#load = { status: 'ready' };
    if (this.#seat) await this.#arrive(this.#seat.table.id, false);
    this.requestUpdate();
    if (!this.#ready) {
      this.#ready = true;
      await this.updateComplete;
      this.host.emit('commonplace-ready', { view: 'cafe', space: this.host.settings().space });
    }
  };

  #onDelta = (delta: FloorDelta): void => {
    if (delta.spaceId !== this.#space?.id) return;
    this.#tables = applyFloorDelta(this.#tables, delta, this.#filters).items;
    const mine = this.#seat && delta.tables.find((t) => t.id === this.#seat!.table.id);
    if (mine && this.#seat) this.#seat = { ...this.#seat, table: mine };
    this.requestUpdate();
  };

  #onTyping = (typing: TableTyping): void => {
    if (typing.tableId !== this.#seat?.table.id || typing.person.id === this.session.user?.id) return;
    if (typing.typing) this.#typing.set(typing.person.id, { name: typing.person.displayName, until: Date.now() + TYPING_SHOWN_MS });
    else this.#typing.delete(typing.person.id);
    this.requestUpdate();
    setTimeout(() => this.requestUpdate(), TYPING_SHOWN_MS + 50);
  };

  #fail(error: ErrorBody): void {
    this.#load = { status: 'error', error };
    this.requestUpdate();
    this.host.emit('commonplace-error', { code: error.code, message: error.message });
  }

  async #sit(table: { id: string; topic: string }): Promise<void> {
    if (!this.session.signedIn) return this.session.requestSignIn(SIGN_IN_REASON);
    this.#busy = table.id;
    this.#full = null;
    this.requestUpdate();
    const joined = await joinTable(this.session.socket, table.id);
    this.#busy = null;
    if (!joined.ok) {
      const alternative = (joined.error as ErrorBody & { alternative?: TableAlternative }).alternative;
      if (joined.error.code === 'TABLE_FULL' && alternative) this.#full = { tableId: table.id, alternative };
      else this.#notice = joined.error.message;
      this.requestUpdate();
      return;
    }
    await this.#arrive(table.id, true);
  }

  /** The last messages and hands over REST, then the table's stream from its head. */
  async #arrive(tableId: string, fresh: boolean): Promise<void> {
    const conversation = await getConversation(this.session.api, tableId);
    if (!conversation.ok) {
      this.#notice = conversation.error.message;
      this.requestUpdate();
      return;
    }
    const { table, messages, hands, head } = conversation.data;
    const previous = fresh ? null : this.#seat;
    this.#seat = { table, entries: entriesFrom(messages), hands, draft: previous?.draft ?? '', sending: false, error: '', question: previous?.question ?? '' };
    this.#stream.follow(streamName.table(tableId), head);
    this.#notice = this.l.msg('You sat down at “{topic}”.', { topic: table.topic });
    this.requestUpdate();
    await this.updateComplete;
    if (fresh) this.container.querySelector<HTMLTextAreaElement>('#say')?.focus();
  }

  #apply(events: StreamEvent[]): void {
    const seat = this.#seat;
    if (!seat) return;
    let { entries, hands, table } = seat;
    for (const event of events) {
      switch (event.type) {
        case 'table:message':
          entries = upsertMessage(entries, event.data.message);
          this.#typing.delete(event.data.message.author.id);
          break;
        case 'table:changed':
          table = event.data.table;
          break;
        case 'table:hand-raised':
          hands = [...hands.filter((h) => h.id !== event.data.hand.id), event.data.hand];
          break;
        case 'table:hand-lowered':
          hands = hands.filter((h) => h.id !== event.data.hand.id);
          if (event.data.hand.answeredBy && event.data.hand.person.id === this.session.user?.id) {
            this.#notice = this.l.msg('{name} answered your raised hand.', { name: event.data.hand.answeredBy.displayName });
          }
          break;
        case 'announcement:posted':
          entries = addBanner(entries, { kind: 'announcement', id: event.data.id, text: event.data.text, author: event.data.author.displayName, at: event.createdAt });
          break;
        case 'table:promoted':
          entries = addBanner(entries, { kind: 'promoted', id: event.data.wave.id, wave: event.data.wave, by: event.data.by.displayName, at: event.createdAt });
          break;
        default:
          break;
      }
    }
    this.#seat = { ...seat, entries, hands, table };
    this.requestUpdate();
  }

  async #say(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const seat = this.#seat;
    const body = seat?.draft.trim();
    if (!seat || !body || seat.sending) return;
    this.#seat = { ...seat, sending: true, error: '' };
    this.requestUpdate();
    const result = await say(this.session.socket, seat.table.id, body, newIdempotencyKey());
    const now = this.#seat;
    if (!now) return;
    // Acknowledged means stored: only then does the box empty.
    this.#seat = result.ok
      ? { ...now, sending: false, draft: '', entries: upsertMessage(now.entries, result.data.message) }
      : { ...now, sending: false, error: result.error.message };
    this.requestUpdate();
  }

  async #hand(up: boolean): Promise<void> {
    const seat = this.#seat;
    if (!seat) return;
    const result = up
      ? await raiseHand(this.session.socket, seat.table.id, seat.question, newIdempotencyKey())
      : await lowerHand(this.session.socket, seat.table.id, newIdempotencyKey());
    if (!this.#seat) return;
    if (!result.ok) this.#notice = result.error.message;
    else if (up && result.data.hand) {
      this.#seat = { ...this.#seat, question: '', hands: [...this.#seat.hands.filter((h) => h.id !== result.data.hand!.id), result.data.hand] };
      this.#notice = this.#space
        ? this.l.msg('Your hand is up: someone from {brand} will come by.', { brand: this.#space.name })
        : this.l.msg('Your hand is up: someone from the brand will come by.');
    } else if (!up) {
      this.#seat = { ...this.#seat, hands: this.#seat.hands.filter((h) => h.person.id !== this.session.user?.id) };
      this.#notice = this.l.msg('Your hand is down.');
    }
    this.requestUpdate();
  }

  async #leave(): Promise<void> {
    const seat = this.#seat;
    if (!seat) return;
    await leaveTable(this.session.socket, seat.table.id);
    this.#seat = null;
    this.#stream.follow(null);
    this.#notice = this.l.msg('You left “{topic}”.', { topic: seat.table.topic });
    this.requestUpdate();
  }

  #staffLine(table: CafeTable) {
    if (table.staffPresent === 0) return nothing;
    const brand = this.#space?.name ?? this.l.msg('the brand');
    const staff = table.people.filter((p) => p.staff).map((p) => p.displayName);
    return html`<p class="cp-staff">
      ${staff.length
        ? this.l.msg('{count, plural, one {{names} from {brand} is here} other {{names} from {brand} are here}}', { count: staff.length, names: this.l.list(staff), brand })
        : this.l.msg('Someone from {brand} is here', { brand })}
    </p>`;
  }

  #tableCard(table: CafeTable) {
    const full = isFull(table);
    const lively = liveliness(table.recentMessages, this.l);
    const names = table.people.filter((p) => !p.staff).map((p) => p.displayName);
    const alternative = this.#full?.tableId === table.id ? this.#full.alternative : null;
    return html`<li class="cp-item cp-table" part="item" data-id=${table.id}>
      <div>
        <p class="cp-item__title">${table.topic}</p>
        <div class="cp-meta">
          <span data-seats>${seatsLabel(table, this.l)}</span>
          <span>${lively.label}</span>
          ${table.raisedHands ? html`<span>${this.l.msg('{count, plural, one {# raised hand} other {# raised hands}}', { count: table.raisedHands })}</span>` : nothing}
          ${table.tags.map((t) => html`<span>#${t}</span>`)}
        </div>
        ${names.length ? html`<p class="muted">${this.l.list(names, 'unit')}</p>` : nothing}
        ${this.#staffLine(table)}
        ${alternative
          ? html`<p class="cp-alert" role="alert">${this.l.msg('This table is full. {hint}', { hint: alternative.hint })}
              ${alternative.table
                ? html`<button class="cp-button cp-button--quiet" type="button" @click=${() => void this.#sit(alternative.table!)}>
                    ${this.l.msg('Sit at “{topic}”', { topic: alternative.table.topic })}
                  </button>`
                : nothing}</p>`
          : nothing}
      </div>
      <button
        class="cp-button"
        part="button"
        type="button"
        ?disabled=${table.locked || this.#busy === table.id}
        aria-label=${this.l.msg('Sit down at “{topic}”, {seats}', { topic: table.topic, seats: seatsLabel(table, this.l) })}
        @click=${() => void this.#sit(table)}
      >
        ${table.locked ? this.l.msg('Locked') : full ? this.l.msg('Full: find a seat') : this.l.msg('Sit down')}
      </button>
    </li>`;
  }

  /** A person at the table: "Dana (Acme) · away". */
  #person(p: CafeTable['people'][number]) {
    const brand = this.#space?.name;
    if (p.staff && p.away) return brand ? this.l.msg('{name} ({brand}) · away', { name: p.displayName, brand }) : this.l.msg('{name} (staff) · away', { name: p.displayName });
    if (p.staff) return brand ? this.l.msg('{name} ({brand})', { name: p.displayName, brand }) : this.l.msg('{name} (staff)', { name: p.displayName });
    return p.away ? this.l.msg('{name} · away', { name: p.displayName }) : p.displayName;
  }

  #tableView(seat: Seat) {
    const me = this.session.user?.id;
    const myHand = seat.hands.find((h) => h.person.id === me);
    const typing = [...this.#typing.values()].filter((t) => t.until > Date.now()).map((t) => t.name);
    const slug = this.host.settings().space;
    return html`<div class="cp-top">
        <h3>${seat.table.topic}</h3>
        <button class="cp-button cp-button--quiet" type="button" @click=${() => void this.#leave()}>${this.l.msg('Leave table')}</button>
      </div>
      <p class="cp-meta">${seat.table.people.map((p) => html`<span>${this.#person(p)}</span>`)}</p>
      ${this.#staffLine(seat.table)}
      <ol class="cp-list cp-chat" role="log" aria-live="polite" aria-label=${this.l.msg('Conversation')}>
        ${repeat(seat.entries, (e) => `${e.kind}:${e.id}`, (e) => {
          if (e.kind === 'announcement') return html`<li class="cp-banner">${this.l.msg('{author}: {text}', { author: e.author, text: e.text })}</li>`;
          if (e.kind === 'promoted')
            return html`<li class="cp-banner">${this.l.msgRich('{name} started an idea from this table: {idea}', {
              name: e.by,
              idea: html`<a href=${`${this.host.serverOrigin}/s/${encodeURIComponent(slug)}/waves/${encodeURIComponent(e.wave.id)}`} target="_blank" rel="noopener">${e.wave.title}</a>`,
            })}</li>`;
          const m = e.message;
          return html`<li class="cp-message" data-id=${m.id}>
            <p class="cp-meta"><strong>${m.author.id === me ? this.l.msg('You') : m.author.displayName}</strong> <span>${relativeTime(m.createdAt, undefined, this.l)}</span>
              ${m.visibility === 'held' ? html`<span>· ${this.l.msg('waiting for review')}</span>` : nothing}</p>
            <p>${m.body}</p>
          </li>`;
        })}
      </ol>
      <p class="muted" aria-live="polite">
        ${typing.length ? this.l.msg('{count, plural, one {{names} is typing…} other {{names} are typing…}}', { count: typing.length, names: this.l.list(typing) }) : ''}
      </p>
      <form class="cp-form" @submit=${(e: SubmitEvent) => void this.#say(e)}>
        <label for="say">${this.l.msg('Say something to the table')}</label>
        <textarea id="say" rows="2" .value=${seat.draft} ?disabled=${seat.table.locked}
          @input=${(e: InputEvent) => {
            this.#seat = { ...this.#seat!, draft: (e.target as HTMLTextAreaElement).value };
            this.session.socket.emit('table:typing', { tableId: seat.table.id, typing: this.#seat.draft.length > 0 }, () => {});
          }}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              (e.target as HTMLTextAreaElement).form?.requestSubmit();
            }
          }}></textarea>
        ${seat.error ? html`<p class="cp-alert" role="alert">${seat.error}</p>` : nothing}
        <div class="cp-row"><button class="cp-button" part="button" type="submit" ?disabled=${seat.sending}>${seat.sending ? this.l.msg('Sending…') : this.l.msg('Send')}</button></div>
      </form>
      ${myHand
        ? html`<div class="cp-row"><span>${myHand.question
              ? this.l.msg('Your hand is up: “{question}” · since {when}', { question: myHand.question, when: relativeTime(myHand.raisedAt, undefined, this.l) })
              : this.l.msg('Your hand is up · since {when}', { when: relativeTime(myHand.raisedAt, undefined, this.l) })}</span>
            <button class="cp-button cp-button--quiet" type="button" @click=${() => void this.#hand(false)}>${this.l.msg('Lower hand')}</button></div>`
        : html`<form class="cp-form" @submit=${(e: SubmitEvent) => (e.preventDefault(), void this.#hand(true))}>
            <label for="question">${this.#space ? this.l.msg('Ask {brand} (optional)', { brand: this.#space.name }) : this.l.msg('Ask the brand (optional)')}</label>
            <div class="cp-row">
              <input id="question" maxlength="280" .value=${seat.question} @input=${(e: InputEvent) => (this.#seat = { ...this.#seat!, question: (e.target as HTMLInputElement).value })} />
              <button class="cp-button cp-button--quiet" type="submit">${this.l.msg('Raise hand')}</button>
            </div>
          </form>`}
      <p class="muted"><a href=${`${this.host.serverOrigin}/s/${encodeURIComponent(slug)}/tables/${encodeURIComponent(seat.table.id)}`} target="_blank" rel="noopener">${this.l.msg("Open the table's notepad in Commonplace")}</a></p>`;
  }

  protected template() {
    const slug = this.host.settings().space;
    const body =
      this.#load.status === 'loading'
        ? html`<p class="muted" aria-busy="true">${this.l.msg('Loading the cafe…')}</p>`
        : this.#load.status === 'error'
          ? html`<p class="cp-alert" role="alert">${this.l.msg("The cafe isn't available. {problem}", { problem: this.#load.error.message })}</p>`
          : this.#seat
            ? this.#tableView(this.#seat)
            : this.#tables.length === 0
              ? html`<p class="muted">${this.l.msg('No open tables right now.')}</p>`
              : html`<ul class="cp-list" aria-label=${this.l.msg('Open tables')}>${repeat(this.#tables, (t) => t.id, (t) => this.#tableCard(t))}</ul>`;
    return html`<section
      class="cp-frame"
      aria-label=${this.#space ? this.l.msg('The cafe of {space}', { space: this.#space.name }) : this.l.msg('The cafe of the community')}
    >
      <div class="cp-top">
        <h2>${this.#space ? this.l.msg('The {space} cafe', { space: this.#space.name }) : this.l.msg('The cafe')}</h2>
        ${connectionBadge(this.#connection.state, this.l)}
      </div>
      ${body}
      <p class="visually-hidden" role="status" aria-live="polite">${this.#notice}</p>
      ${this.#load.status === 'ready' ? signInBar(this.session, this.l, SIGN_IN_REASON, this.l.msg('Sign in to sit at a table')) : nothing}
      ${credit(this.host.serverOrigin, `/s/${encodeURIComponent(slug)}/cafe`, this.l)}
    </section>`;
  }

  destroy(): void {
    this.session.socket.off('connect', this.#watch);
    this.session.socket.off('floor:delta', this.#onDelta);
    this.session.socket.off('table:typing', this.#onTyping);
    this.disconnect();
    this.session.destroy();
  }
}

export const mount: MountView = (host): MountedView => {
  const view = new CafeView(host);
  view.start();
  return { signIn: () => view.session.signIn(), signOut: () => view.session.signOut(), destroy: () => view.destroy() };
};
