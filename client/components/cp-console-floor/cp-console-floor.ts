import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { ERROR_CODES, type ErrorBody } from '../../../shared/errors.js';
import { LIMITS } from '../../../shared/limits.js';
import type { User } from '../../../shared/schemas/auth.js';
import type { Hand } from '../../../shared/schemas/cafe.js';
import type { StaffFloorDelta } from '../../../shared/schemas/staff-floor.js';
import { STAFF_FLOOR, messagesInLast } from '../../../shared/staff-floor.js';
import { AppElement } from '../../base-element.js';
import { announceToTables, unwatchStaffFloor, watchStaffFloor } from '../../console/api/staff-floor-api.js';
import { consoleLinks } from '../../console/console-router.js';
import {
  applyStaffDelta,
  busyAlerts,
  emptyFloor,
  FLOOR_SORTS,
  floorFrom,
  gridWindow,
  handAlerts,
  sortFloor,
  visibleTables,
  watchedAlerts,
  type FloorModel,
  type FloorSort,
  type GridWindow,
} from '../../console/floor-state.js';
import type { ApiClient } from '../../services/api.js';
import { answerHand, joinTable } from '../../services/cafe.js';
import { newIdempotencyKey } from '../../services/idempotency.js';
import type { AppSocket } from '../../services/socket.js';
import { shared } from '../../styles/shared.js';
import '../cp-console-table/cp-console-table.js';
import { formatWait } from '../cp-console-table/cp-console-table.js';
import '../cp-floor-table/cp-floor-table.js';
import type { FloorJoinDetail } from '../cp-floor-table/cp-floor-table.js';
import { FLOOR_CARD_HEIGHT } from '../cp-floor-table/cp-floor-table.styles.js';
import '../cp-waiting-time/cp-waiting-time.js';
import { styles } from './cp-console-floor.styles.js';

type Load = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: ErrorBody };

/** A card is at least this wide; the grid fits as many columns as the width allows. */
const CARD_MIN_WIDTH = 260;
const GRID_GAP = 12;
/** Alerts show this many of each kind (the rest are counted). */
const ALERTS_SHOWN = 20;
/** The clock for sparklines and time-based alerts moves this often. */
const TICK_MS = 10_000;

/**
 * @summary The console's live floor of a space: alerts (raised hands longest waiting first with
 * the wait ticking, watched words said at tables, tables busy without staff), staff coverage,
 * an announcement to every table, and the grid of every open table (windowed: only the rows in
 * view are rendered, so 1,000 tables stay smooth). Follows `staff-floor:watch` and applies
 * `staff-floor:delta` batches in place. With `tableId` the grid gives way to that table's chat
 * and the fan card (`cp-console-table`); the alerts stay.
 */
@customElement('cp-console-floor')
export class CpConsoleFloor extends AppElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) api?: ApiClient;
  @property({ attribute: false }) socket?: AppSocket;
  @property({ attribute: false }) viewer: User | null = null;
  @property() slug = '';
  @property({ attribute: 'space-id' }) spaceId = '';
  @property({ attribute: 'table-id' }) tableId: string | null = null;
  @property() person: string | null = null;

  @query('.grid-wrap') private gridWrap?: HTMLElement;

  @state() private load: Load = { status: 'loading' };
  @state() private model: FloorModel = emptyFloor();
  @state() private sort: FloorSort = 'active';
  @state() private filter = '';
  @state() private now = Date.now();
  @state() private live = false;
  @state() private joining: string | null = null;
  @state() private answering: string | null = null;
  @state() private status = '';
  @state() private problem = '';
  @state() private window: GridWindow = { start: 0, end: 0, before: 0, after: 0 };
  @state() private columns = 1;
  @state() private announceText = '';
  @state() private announcePending = false;
  @state() private announceNote = '';
  @state() private announceError = '';

  private watching: string | null = null;
  private watchRequest = 0;
  /** Deltas that arrive while the first answer is on its way (applied if read after it). */
  private early: StaffFloorDelta[] | null = null;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private resize?: ResizeObserver;
  private frame = 0;
  private announceKey: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.ticker = setInterval(() => (this.now = Date.now()), TICK_MS);
    window.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
    this.attachSocket();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
    window.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('resize', this.onScroll);
    this.resize?.disconnect();
    cancelAnimationFrame(this.frame);
    this.detachSocket();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('socket') && changed.get('socket')) this.attachSocket();
    if (changed.has('slug') && this.slug && this.watching !== this.slug) void this.watch();
  }

  protected override updated(): void {
    const wrap = this.gridWrap;
    if (wrap && !this.resize) {
      this.resize = new ResizeObserver(() => this.measure());
      this.resize.observe(wrap);
    } else if (!wrap && this.resize) {
      this.resize.disconnect();
      this.resize = undefined;
    }
  }

  // ---- the live floor

  private attached: AppSocket | null = null;

  private attachSocket(): void {
    const socket = this.socket;
    if (!socket || this.attached === socket || !this.isConnected) return;
    this.detachSocket();
    this.attached = socket;
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('staff-floor:delta', this.onDelta);
    if (socket.connected && this.slug) void this.watch();
  }

  private detachSocket(): void {
    const socket = this.attached;
    if (!socket) return;
    socket.off('connect', this.onConnect);
    socket.off('disconnect', this.onDisconnect);
    socket.off('staff-floor:delta', this.onDelta);
    if (this.watching) unwatchStaffFloor(socket, this.watching);
    this.watching = null;
    this.attached = null;
    this.live = false;
  }

  private onConnect = (): void => void this.watch();
  private onDisconnect = (): void => {
    this.live = false;
  };

  /** (Re)watches: deltas are not stored, so every (re)connect starts from a fresh answer. */
  private async watch(): Promise<void> {
    const socket = this.attached;
    if (!socket?.connected || !this.slug) return;
    if (this.watching && this.watching !== this.slug) unwatchStaffFloor(socket, this.watching);
    const slug = this.slug;
    const request = ++this.watchRequest;
    this.watching = slug;
    this.early = [];
    if (this.load.status !== 'ready') this.load = { status: 'loading' };
    const result = await watchStaffFloor(socket, slug);
    if (request !== this.watchRequest) return;
    const early = this.early ?? [];
    this.early = null;
    if (!result.ok) {
      this.load = { status: 'error', error: result.error };
      this.live = false;
      return;
    }
    let model = floorFrom(result.data.tables, result.data.coverage, this.sort, Date.now());
    // A delta read after the answer was read is newer: keep it.
    for (const delta of early) if (delta.at >= result.data.at) model = applyStaffDelta(model, delta);
    this.model = model;
    this.load = { status: 'ready' };
    this.live = true;
    this.scheduleMeasure();
  }

  private onDelta = (delta: StaffFloorDelta): void => {
    if (this.spaceId && delta.spaceId !== this.spaceId) return;
    if (this.early) {
      this.early.push(delta);
      return;
    }
    this.model = applyStaffDelta(this.model, delta);
    this.scheduleMeasure();
  };

  // ---- the windowed grid

  private onScroll = (): void => this.scheduleMeasure();

  private scheduleMeasure(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.measure());
  }

  private measure(): void {
    const wrap = this.gridWrap;
    if (!wrap) return;
    const width = wrap.clientWidth;
    const columns = Math.max(1, Math.floor((width + GRID_GAP) / (CARD_MIN_WIDTH + GRID_GAP)));
    const count = visibleTables(this.model, this.filter).length;
    const next = gridWindow({ count, columns, rowHeight: FLOOR_CARD_HEIGHT, top: wrap.getBoundingClientRect().top, viewport: window.innerHeight });
    const w = this.window;
    if (columns !== this.columns) this.columns = columns;
    if (next.start !== w.start || next.end !== w.end || next.before !== w.before || next.after !== w.after) this.window = next;
  }

  // ---- actions

  private async join(tableId: string, person: string | null = null): Promise<void> {
    if (!this.socket || this.joining) return;
    this.joining = tableId;
    this.problem = '';
    const result = await joinTable(this.socket, tableId);
    this.joining = null;
    if (!result.ok) {
      this.problem = `You could not sit down. ${result.error.message}`;
      return;
    }
    this.status = `You sat down at ${result.data.table.topic} on a staff seat.`;
    this.emit('cp-console-navigate', { href: consoleLinks.floor(this.slug, tableId, person), replace: false });
  }

  private async answer(hand: Hand): Promise<void> {
    if (!this.socket || this.answering) return;
    this.answering = hand.id;
    this.problem = '';
    const result = await answerHand(this.socket, hand.id, newIdempotencyKey());
    this.answering = null;
    if (!result.ok) {
      if (result.error.code === ERROR_CODES.CONFLICT) this.status = `${hand.person.displayName}'s hand was already down.`;
      else this.problem = `The hand is still up. ${result.error.message}`;
      return;
    }
    this.status = `Answered ${hand.person.displayName} after ${formatWait(result.data.hand.waitSeconds ?? 0)}.`;
  }

  private async announce(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || this.announcePending) return;
    const text = this.announceText.trim();
    if (!text) {
      this.announceError = 'Write the announcement first.';
      return;
    }
    this.announceKey ??= newIdempotencyKey();
    this.announcePending = true;
    this.announceError = '';
    this.announceNote = '';
    const result = await announceToTables(this.api, this.slug, text, this.announceKey);
    this.announcePending = false;
    if (!result.ok) {
      this.announceError = result.error.message;
      return;
    }
    this.announceKey = null;
    this.announceText = '';
    this.announceNote = `Announced to the space and its ${this.model.tables.size} open ${this.model.tables.size === 1 ? 'table' : 'tables'}.`;
  }

  private setSort(sort: FloorSort): void {
    this.sort = sort;
    this.model = sortFloor(this.model, sort, Date.now());
    this.scheduleMeasure();
  }

  // ---- render

  private renderHands() {
    const hands = handAlerts(this.model);
    return html`<section class="alerts__group" aria-labelledby="hands-title">
      <h3 id="hands-title">Raised hands <span class="count">${hands.length}</span></h3>
      ${hands.length === 0 ? html`<p class="muted">No hands are up.</p>` : nothing}
      <ol class="alert-list">
        ${repeat(
          hands.slice(0, ALERTS_SHOWN),
          (a) => a.hand.id,
          (a) => html`<li class="alert-item alert-item--hand">
            <div class="alert-item__text">
              <span><strong>${a.hand.person.displayName}</strong> at <a href=${consoleLinks.floor(this.slug, a.table.id, a.hand.person.id)}>${a.table.topic}</a></span>
              <span class="wait">Waiting <cp-waiting-time since=${a.hand.raisedAt}></cp-waiting-time></span>
              ${a.hand.question ? html`<span class="question">“${a.hand.question}”</span>` : nothing}
            </div>
            <div class="alert-item__actions">
              <button class="button" type="button" ?disabled=${this.joining !== null} @click=${() => this.join(a.table.id, a.hand.person.id)}>
                Join<span class="visually-hidden"> ${a.table.topic} for ${a.hand.person.displayName}</span>
              </button>
              <button class="button button--quiet" type="button" ?disabled=${this.answering === a.hand.id} @click=${() => this.answer(a.hand)}>
                Answer<span class="visually-hidden"> ${a.hand.person.displayName}</span>
              </button>
            </div>
          </li>`,
        )}
      </ol>
      ${hands.length > ALERTS_SHOWN ? html`<p class="muted">And ${hands.length - ALERTS_SHOWN} more.</p>` : nothing}
    </section>`;
  }

  private renderWatched() {
    const tables = watchedAlerts(this.model, this.now);
    return html`<section class="alerts__group" aria-labelledby="watched-title">
      <h3 id="watched-title">Watched words <span class="count">${tables.length}</span></h3>
      ${tables.length === 0 ? html`<p class="muted">None in the last ${STAFF_FLOOR.watchedMinutes} minutes.</p>` : nothing}
      <ul class="alert-list">
        ${tables.slice(0, ALERTS_SHOWN).map(
          (t) => html`<li class="alert-item alert-item--watched">
            <div class="alert-item__text">
              <a href=${consoleLinks.floor(this.slug, t.id, t.watched!.author.id)}>${t.topic}</a>
              <span class="question">${t.watched!.author.displayName}: “${t.watched!.body}”</span>
              <span class="muted">${t.watched!.reason}${t.watched!.count > 1 ? ` (${t.watched!.count} messages)` : ''}</span>
            </div>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderBusy() {
    const tables = busyAlerts(this.model, this.now);
    return html`<section class="alerts__group" aria-labelledby="busy-title">
      <h3 id="busy-title">Busy without staff <span class="count">${tables.length}</span></h3>
      <p class="hint">No staff seated, ${STAFF_FLOOR.busyMessages}+ messages in ${STAFF_FLOOR.busyMinutes} minutes.</p>
      <ul class="alert-list">
        ${tables.slice(0, ALERTS_SHOWN).map(
          (t) => html`<li class="alert-item alert-item--busy">
            <div class="alert-item__text">
              <a href=${consoleLinks.floor(this.slug, t.id)}>${t.topic}</a>
              <span class="muted">${messagesInLast(t.activity, this.now, STAFF_FLOOR.busyMinutes)} messages in ${STAFF_FLOOR.busyMinutes} min</span>
            </div>
            <div class="alert-item__actions">
              <button class="button button--quiet" type="button" ?disabled=${this.joining !== null} @click=${() => this.join(t.id)}>
                Join<span class="visually-hidden"> ${t.topic}</span>
              </button>
            </div>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderCoverage() {
    const coverage = this.model.coverage;
    return html`<section class="alerts__group" aria-labelledby="coverage-title">
      <h3 id="coverage-title">Staff on the floor <span class="count">${coverage.length}</span></h3>
      ${coverage.length === 0 ? html`<p class="muted">No staff on the floor.</p>` : nothing}
      <ul class="coverage">
        ${coverage.map(
          (c) => html`<li>
            <strong>${c.person.id === this.viewer?.id ? `${c.person.displayName} (you)` : c.person.displayName}</strong>
            ${c.seat
              ? html`at <a href=${consoleLinks.floor(this.slug, c.seat.tableId)}>${c.seat.topic}</a>${c.seat.away ? html` <span class="muted">(away)</span>` : nothing}`
              : html`<span class="muted">watching the floor</span>`}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderAnnounce() {
    return html`<details class="announce">
      <summary>Announce to all tables</summary>
      <form @submit=${this.announce} novalidate>
        <label for="announce-text">Announcement</label>
        <textarea
          id="announce-text"
          rows="3"
          maxlength=${LIMITS.announcementMax}
          .value=${this.announceText}
          @input=${(e: Event) => {
            this.announceText = (e.target as HTMLTextAreaElement).value;
            this.announceKey = null;
            this.announceNote = '';
          }}
        ></textarea>
        <p class="hint">Everyone in the space sees it, and it appears in the chat of every open table.</p>
        ${this.announceError ? html`<p class="field-error" role="alert">${this.announceError}</p>` : nothing}
        <p class=${this.announceNote ? 'notice' : 'visually-hidden'} role="status">${this.announceNote}</p>
        <div><button class="button" type="submit" ?disabled=${this.announcePending}>${this.announcePending ? 'Sending…' : 'Announce to all tables'}</button></div>
      </form>
    </details>`;
  }

  private renderGrid() {
    const tables = visibleTables(this.model, this.filter);
    const w = this.window;
    const shown = tables.slice(w.start, w.end);
    return html`<section class="floor" aria-labelledby="floor-title">
      <div class="floor__bar">
        <h3 id="floor-title">Open tables <span class="count">${this.model.tables.size}</span></h3>
        <label class="field">
          <span>Find</span>
          <input type="search" placeholder="Topic or tag" .value=${this.filter} @input=${(e: Event) => {
            this.filter = (e.target as HTMLInputElement).value;
            this.scheduleMeasure();
          }} />
        </label>
        <label class="field">
          <span>Order</span>
          <select @change=${(e: Event) => this.setSort((e.target as HTMLSelectElement).value as FloorSort)}>
            ${FLOOR_SORTS.map((s) => html`<option value=${s.value} ?selected=${s.value === this.sort}>${s.label}</option>`)}
          </select>
        </label>
      </div>
      ${tables.length === 0
        ? html`<p class="muted">${this.model.tables.size === 0 ? 'No tables are open.' : 'No table matches.'}</p>`
        : nothing}
      <div class="grid-wrap" style=${styleMap({ paddingTop: `${w.before}px`, paddingBottom: `${w.after}px` })} @cp-floor-join=${(e: CustomEvent<FloorJoinDetail>) => this.join(e.detail.tableId)}>
        <ul class="grid" aria-label="Open tables (${tables.length})" style=${styleMap({ gridTemplateColumns: `repeat(${this.columns}, minmax(0, 1fr))` })}>
          ${repeat(
            shown,
            (t) => t.id,
            (t) => html`<li>
              <cp-floor-table .table=${t} slug=${this.slug} .viewerId=${this.viewer?.id ?? null} .now=${this.now} ?pending=${this.joining === t.id}></cp-floor-table>
            </li>`,
          )}
        </ul>
      </div>
    </section>`;
  }

  override render() {
    const load = this.load;
    if (load.status === 'error') {
      return html`<p class="alert" role="alert">The floor is unavailable. ${load.error.message}
        <button class="link-button" type="button" @click=${() => this.watch()}>Try again</button></p>`;
    }
    return html`<div class="layout" ?data-table=${this.tableId !== null}>
      <aside class="alerts" aria-label="Alerts and staff">
        <p class="live" ?data-on=${this.live}>${this.live ? 'Live' : load.status === 'loading' ? 'Connecting…' : 'Offline: reconnecting…'}</p>
        ${this.renderCoverage()} ${this.renderHands()} ${this.renderWatched()} ${this.renderBusy()} ${this.renderAnnounce()}
      </aside>
      <div class="main">
        ${this.problem ? html`<p class="alert" role="alert">${this.problem}</p>` : nothing}
        ${this.tableId
          ? html`<cp-console-table .api=${this.api} .socket=${this.socket} .viewer=${this.viewer} slug=${this.slug} tableId=${this.tableId} .person=${this.person}></cp-console-table>`
          : load.status === 'loading'
            ? html`<p class="muted" role="status">Loading the floor…</p>`
            : this.renderGrid()}
      </div>
      <p class="visually-hidden" role="status">${this.status}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-console-floor': CpConsoleFloor;
  }
}
