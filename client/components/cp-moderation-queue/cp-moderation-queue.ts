import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ERROR_CODES, type ErrorBody } from '../../../shared/errors.js';
import type { QueueItem } from '../../../shared/schemas/moderation.js';
import type { StreamEvent } from '../../../shared/schemas/streams.js';
import { streamName } from '../../../shared/streams.js';
import { AppElement } from '../../base-element.js';
import { ModerationApi, type BulkResult } from '../../console/api/moderation-api.js';
import type {
  AuthorActionDetail,
  ItemMode,
  ModerationDecideDetail,
  ModerationEditDetail,
  ModerationItemDetail,
  ModerationModeDetail,
  ModerationSelectDetail,
  SanctionAppliedDetail,
} from '../../console/console-events.js';
import { consoleLinks, QUEUE_TAB_LIST, type QueueTab } from '../../console/console-router.js';
import { ConnectionController } from '../../controllers/connection-controller.js';
import { StreamController } from '../../controllers/stream-controller.js';
import type { ApiClient } from '../../services/api.js';
import type { AppSocket } from '../../services/socket.js';
import { dangerOutlineButton } from '../../styles/buttons.js';
import { shared } from '../../styles/shared.js';
import type { CpModerationItem, ItemPending } from '../cp-moderation-item/cp-moderation-item.js';
import '../cp-moderation-item/cp-moderation-item.js';
import { excerpt } from '../cp-moderation-item/item-text.js';
import type { CpModerationSanction } from '../cp-moderation-sanction/cp-moderation-sanction.js';
import '../cp-moderation-sanction/cp-moderation-sanction.js';
import '../cp-moderation-legend/cp-moderation-legend.js';
import { styles } from './cp-moderation-queue.styles.js';
import { isOpen, QueueBoard, type LiveChange } from './queue-board.js';
import { ShortcutController } from './shortcut-controller.js';
import type { QueueCommand } from './shortcuts.js';

const PAGE_SIZE = 25;
const TAB_LABELS: Record<QueueTab, string> = { held: 'Held', flagged: 'Flagged', recent: 'Recent' };
const EMPTY_TEXT: Record<QueueTab, string> = {
  held: 'Nothing is waiting for a decision. New items appear here as they arrive.',
  flagged: 'Nothing is flagged right now.',
  recent: 'Nothing was decided or passed lately.',
};

interface Viewer {
  id: string;
  displayName: string;
}

interface BulkState {
  rejecting: boolean;
  reason: string;
  pending: boolean;
  error: ErrorBody | null;
  /** The last bulk decision's outcome, with the items someone else had handled. */
  result: { action: 'approve' | 'reject'; done: number; alreadyHandled: { text: string; status: string; by: string | null }[] } | null;
}

const NO_BULK: BulkState = { rejecting: false, reason: '', pending: false, error: null, result: null };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * @summary The moderation queue of one space: Held / Flagged / Recent tabs, live from the staff
 * stream, with single-item and bulk decisions, edits, sanctions and keyboard shortcuts.
 * @fires cp-console-navigate - A tab was picked (the address keeps the tab).
 */
@customElement('cp-moderation-queue')
export class CpModerationQueue extends AppElement {
  static override styles = [shared, dangerOutlineButton, styles];

  #board = new QueueBoard();
  #moderation: ModerationApi | null = null;
  #live: StreamController | null = null;
  #connection: ConnectionController | null = null;
  #liveReady = false;
  /** Live items received while a page load is in flight, applied again on top of its answer. */
  #replay: QueueItem[] = [];
  #loading = new Set<QueueTab>();
  /** Tabs loaded (or tried) since the last reset: a failed load is not retried on every render. */
  #tried = new Set<QueueTab>();

  @query('cp-moderation-sanction') private sanctionDialog?: CpModerationSanction;
  @query('[role=tabpanel]') private panel?: HTMLElement;
  @query('#bulk-reason') private bulkReasonInput?: HTMLInputElement;

  @state() private activeId: string | null = null;
  /** The one item with an open form, if any. */
  @state() private form: { id: string; mode: ItemMode } | null = null;
  @state() private pending = new Map<string, ItemPending>();
  @state() private selected = new Set<string>();
  @state() private announcement = '';
  @state() private loadError: ErrorBody | null = null;
  @state() private bulk: BulkState = NO_BULK;

  /** For the API calls; its CSRF token comes from the session. */
  @property({ attribute: false }) api: ApiClient | null = null;

  /** For the live staff stream. */
  @property({ attribute: false }) socket: AppSocket | null = null;

  /** The space, by slug (REST) and id (stream). */
  @property() slug = '';
  @property({ attribute: 'space-id' }) spaceId = '';

  /** The tab to show; the address owns it. */
  @property() tab: QueueTab = 'held';

  /** Who is moderating: their own decisions leave the list, others' linger with a note. */
  @property({ attribute: false }) viewer: Viewer | null = null;

  constructor() {
    super();
    new ShortcutController(this, {
      run: (command) => this.run(command),
      blocked: () => this.sanctionDialog?.open ?? false,
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('slug')) {
      this.#moderation = this.api && this.slug ? new ModerationApi(this.api, this.slug) : null;
      this.#board = new QueueBoard();
      this.#loading.clear();
      this.#tried.clear();
      this.resetView();
    } else if (changed.has('tab') && changed.get('tab') !== undefined) {
      this.#board.dismissAll(changed.get('tab') as QueueTab);
      this.#tried.delete(this.tab);
      this.resetView();
    }
    // The socket arrives as a property, so its controllers are made (and attached) when it does.
    if (this.socket && !this.#live) {
      this.#live = new StreamController(this, this.socket, { from: 'now', keep: 0, onEvents: (events) => this.onLive(events) });
      this.#connection = new ConnectionController(this, this.socket);
    }
    if (this.#live && (changed.has('spaceId') || changed.has('socket'))) {
      this.#live.stream = this.spaceId ? streamName.staff(this.spaceId) : null;
      this.#liveReady = false;
    }
  }

  protected override updated(): void {
    if (!this.#moderation) return;
    // Counts on the Held and Flagged tabs from the start; the shown tab in any case.
    for (const tab of new Set<QueueTab>([this.tab, 'held', 'flagged'])) {
      if (this.#board.loaded(tab) || this.#tried.has(tab)) continue;
      this.#tried.add(tab);
      void this.load(tab, 'replace');
    }
    // Once the live stream is subscribed, read the lists again: nothing between the first read and the subscription is missed.
    if (this.#live?.ready && !this.#liveReady) {
      this.#liveReady = true;
      for (const tab of QUEUE_TAB_LIST) if (this.#board.loaded(tab)) void this.load(tab, 'replace');
    }
  }

  private resetView(): void {
    this.activeId = null;
    this.form = null;
    this.selected = new Set();
    this.bulk = NO_BULK;
    this.loadError = null;
  }

  // ---- data ----

  private async load(tab: QueueTab, mode: 'replace' | 'append'): Promise<QueueItem[]> {
    const api = this.#moderation;
    if (!api || this.#loading.has(tab)) return [];
    this.#loading.add(tab);
    this.requestUpdate();
    const board = this.#board;
    // A refresh reads as many as are shown, so "Load more" pages are not lost.
    const shown = board.count(tab)?.n ?? 0;
    const limit = mode === 'replace' ? Math.min(100, Math.max(PAGE_SIZE, shown)) : PAGE_SIZE;
    const result = await api.queue(tab, { cursor: mode === 'append' ? board.nextCursor(tab) : null, limit });
    this.#loading.delete(tab);
    if (board !== this.#board) return [];
    if (!result.ok) {
      if (tab === this.tab) this.loadError = result.error;
      this.requestUpdate();
      return [];
    }
    const apply = () => {
      board.load(tab, result.data, mode);
      for (const item of this.#replay) board.apply(item, this.viewer?.id ?? null);
    };
    if (tab === this.tab) void this.keepPlace(apply);
    else apply();
    if (this.#loading.size === 0) this.#replay = [];
    this.requestUpdate();
    return result.data.items;
  }

  private onLive(events: StreamEvent[]): void {
    const news = new Map<QueueTab, number>();
    const said: string[] = [];
    // An own decision's event may overtake its HTTP answer: the keyboard moves on either way.
    void this.keepPlace(() => {
      for (const event of events) {
        if (event.type !== 'moderation:item') continue;
        const item = event.data.item;
        if (this.#loading.size > 0) this.#replay.push(item);
        const change: LiveChange = this.#board.apply(item, this.viewer?.id ?? null);
        if (change.kind === 'new') news.set(change.tab, (news.get(change.tab) ?? 0) + 1);
        if (change.kind === 'decided-elsewhere') {
          said.push(`“${excerpt(item.body, 40)}” was ${item.status} by ${item.decidedBy?.displayName ?? 'another moderator'}.`);
        }
        if (!isOpen(item) || this.#board.isLingering(item.id)) this.unselect(item.id);
      }
    });
    for (const [tab, n] of news) said.unshift(`${plural(n, 'new item')} in ${TAB_LABELS[tab]}.`);
    if (said.length > 0) this.announcement = said.join(' ');
  }

  // ---- one item ----

  private setPending(id: string, what: ItemPending): void {
    const next = new Map(this.pending);
    if (what) next.set(id, what);
    else next.delete(id);
    this.pending = next;
  }

  private unselect(id: string): void {
    if (!this.selected.has(id)) return;
    const next = new Set(this.selected);
    next.delete(id);
    this.selected = next;
  }

  private async decide(detail: ModerationDecideDetail): Promise<void> {
    const api = this.#moderation;
    const { itemId, action } = detail;
    if (!api || this.pending.has(itemId)) return;
    this.setPending(itemId, action);
    this.#board.setNote(itemId, null);
    const result = action === 'approve' ? await api.approve(itemId) : await api.reject(itemId, detail.reason ?? '');
    this.setPending(itemId, '');
    if (!result.ok) return this.failed(itemId, result.error);
    await this.keepPlace(() => this.#board.settle(result.data));
    this.announcement = action === 'approve' ? 'Approved.' : 'Rejected. The author sees your reason.';
  }

  private async edit({ itemId, body }: ModerationEditDetail): Promise<void> {
    const api = this.#moderation;
    if (!api || this.pending.has(itemId)) return;
    this.setPending(itemId, 'edit');
    const result = await api.edit(itemId, body);
    this.setPending(itemId, '');
    if (!result.ok) return this.failed(itemId, result.error);
    this.#board.apply(result.data, this.viewer?.id ?? null);
    this.#board.setNote(itemId, { tone: 'info', text: 'Text saved. The original is kept in the audit log.' });
    this.form = null;
    await this.updateComplete;
    this.itemElement(itemId)?.focus();
  }

  /** 409: someone was first. Their words go on the item, and the list is read again. */
  private failed(itemId: string, error: ErrorBody): void {
    if (error.code === ERROR_CODES.CONFLICT) {
      this.#board.conflict(itemId, error.message);
      if (this.form?.id === itemId) this.form = null;
      this.unselect(itemId);
      void this.load(this.tab, 'replace');
    } else {
      this.#board.setNote(itemId, { tone: 'error', text: error.message });
    }
    this.requestUpdate();
  }

  /**
   * Runs a change to the lists (a decision, a live event, a dismissal). When it takes away
   * the item the keyboard was on, the neighbour that slides into its place takes over, and
   * the focus too if it was in the item, so j / k / a / r keep working without a click.
   */
  private async keepPlace(change: () => void): Promise<void> {
    const activeId = this.activeId;
    const index = this.#board.items(this.tab).findIndex((i) => i.id === activeId);
    const element = activeId ? this.itemElement(activeId) : null;
    const hadFocus = element?.matches(':focus-within') ?? false;
    change();
    this.requestUpdate();
    const after = this.#board.items(this.tab);
    const present = new Set(after.map((i) => i.id));
    if (this.form && !present.has(this.form.id)) this.form = null;
    if ([...this.selected].some((id) => !present.has(id))) this.selected = new Set([...this.selected].filter((id) => present.has(id)));
    if (!activeId || index < 0 || present.has(activeId)) return;
    const next = after[Math.min(index, after.length - 1)] ?? null;
    this.activeId = next?.id ?? null;
    if (!hadFocus) return;
    await this.updateComplete;
    if (next) this.itemElement(next.id)?.focus();
    else this.panel?.focus();
  }

  private onMode(id: string, mode: ItemMode): void {
    this.form = mode === 'view' ? null : { id, mode };
    this.activeId = id;
  }

  private onSelect(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private onDismiss(id: string): void {
    void this.keepPlace(() => this.#board.dismiss(id));
  }

  private onAuthorAction({ author, action }: AuthorActionDetail): void {
    void this.sanctionDialog?.show(author, action);
  }

  private onSanctioned(detail: SanctionAppliedDetail): void {
    const { sanction, userId, rejected } = detail;
    if (sanction) {
      const active = sanction.liftedAt === null;
      this.#board.patchAuthor(
        userId,
        sanction.kind === 'ban' ? { banned: active } : { suspendedUntil: active ? sanction.until : null },
      );
    }
    const now = new Date().toISOString();
    const viewer = this.viewer;
    void this.keepPlace(() => {
      for (const id of rejected) {
        const item = this.#board.find(id);
        if (item && viewer) this.#board.settle({ ...item, status: 'rejected', decidedBy: viewer, decidedAt: now });
      }
    });
    this.announcement = detail.message;
  }

  // ---- keyboard ----

  private itemElement(id: string): CpModerationItem | null {
    return this.renderRoot.querySelector<CpModerationItem>(`cp-moderation-item[data-id="${CSS.escape(id)}"]`);
  }

  private onFocusIn(event: FocusEvent): void {
    const item = event.composedPath().find((n): n is CpModerationItem => n instanceof HTMLElement && n.localName === 'cp-moderation-item');
    if (item?.dataset.id) this.activeId = item.dataset.id;
  }

  /** Runs a shortcut; false when it had nothing to act on. */
  private run(command: QueueCommand): boolean {
    const items = this.#board.items(this.tab);
    const index = items.findIndex((i) => i.id === this.activeId);
    const active = index >= 0 ? items[index]! : null;
    const actionable = active !== null && isOpen(active) && !this.#board.isLingering(active.id);
    switch (command) {
      case 'next':
      case 'previous': {
        if (items.length === 0) return false;
        const step = command === 'next' ? 1 : -1;
        const target = index < 0 ? items[0]! : items[Math.max(0, Math.min(items.length - 1, index + step))]!;
        this.activeId = target.id;
        void this.updateComplete.then(() => {
          const element = this.itemElement(target.id);
          element?.focus();
          element?.scrollIntoView({ block: 'nearest' });
        });
        return true;
      }
      case 'toggle-select':
        if (!actionable) return false;
        this.onSelect(active.id, !this.selected.has(active.id));
        return true;
      case 'approve':
        if (!actionable || this.form?.id === active.id) return false;
        void this.decide({ itemId: active.id, action: 'approve' });
        return true;
      case 'reject':
      case 'edit':
        if (!actionable) return false;
        this.onMode(active.id, command === 'reject' ? 'rejecting' : 'editing');
        return true;
      case 'cancel':
        if (this.form) {
          const id = this.form.id;
          this.form = null;
          void this.updateComplete.then(() => this.itemElement(id)?.focus());
          return true;
        }
        if (this.bulk.rejecting) {
          this.bulk = { ...this.bulk, rejecting: false, error: null };
          return true;
        }
        if (this.selected.size > 0) {
          this.selected = new Set();
          return true;
        }
        return false;
    }
  }

  // ---- tabs ----

  private selectTab(tab: QueueTab, focus = false): void {
    if (tab !== this.tab) this.emit('cp-console-navigate', { href: consoleLinks.queue(this.slug, tab), replace: true });
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  private onTabKeydown(event: KeyboardEvent): void {
    const index = QUEUE_TAB_LIST.indexOf(this.tab);
    const last = QUEUE_TAB_LIST.length - 1;
    const to: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last };
    if (!(event.key in to)) return;
    event.preventDefault();
    const next = (to[event.key]! + QUEUE_TAB_LIST.length) % QUEUE_TAB_LIST.length;
    this.selectTab(QUEUE_TAB_LIST[next]!, true);
  }

  // ---- bulk ----

  private get selectable(): QueueItem[] {
    return this.#board.items(this.tab).filter((i) => isOpen(i) && !this.#board.isLingering(i.id));
  }

  private toggleAll(on: boolean): void {
    this.selected = on ? new Set(this.selectable.map((i) => i.id)) : new Set();
  }

  private async openBulkReject(): Promise<void> {
    this.bulk = { ...this.bulk, rejecting: true, error: null, result: null };
    await this.updateComplete;
    this.bulkReasonInput?.focus();
  }

  private onBulkReasonKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.bulk = { ...this.bulk, rejecting: false, error: null };
  }

  private async decideSelected(action: 'approve' | 'reject', event?: SubmitEvent): Promise<void> {
    event?.preventDefault();
    const api = this.#moderation;
    const ids = [...this.selected];
    if (!api || ids.length === 0 || this.bulk.pending) return;
    const reason = this.bulk.reason.trim();
    if (action === 'reject' && !reason) {
      this.bulk = { ...this.bulk, error: { code: ERROR_CODES.INVALID_INPUT, message: 'Write a reason: the authors see it.' } };
      this.bulkReasonInput?.focus();
      return;
    }
    this.bulk = { ...this.bulk, pending: true, error: null, result: null };
    const result = await api.decideMany(ids, action, action === 'reject' ? reason : undefined);
    if (!result.ok) {
      this.bulk = { ...this.bulk, pending: false, error: result.error };
      return;
    }
    this.applyBulk(action, reason, result.data);
  }

  private applyBulk(action: 'approve' | 'reject', reason: string, outcome: BulkResult): void {
    const now = new Date().toISOString();
    const viewer = this.viewer;
    void this.keepPlace(() => {
      for (const id of outcome.done) {
        const item = this.#board.find(id);
        if (!item || !viewer) continue;
        this.#board.settle({
          ...item,
          status: action === 'approve' ? 'approved' : 'rejected',
          decidedBy: viewer,
          decidedAt: now,
          decisionNote: action === 'reject' ? reason : null,
        });
      }
    });
    const alreadyHandled = outcome.alreadyHandled.map((h) => {
      const by = h.by ? ` by ${h.by}` : '';
      this.#board.conflict(h.id, `Already ${h.status}${by}.`);
      return { text: excerpt(this.#board.find(h.id)?.body ?? h.id, 60), status: h.status, by: h.by };
    });
    this.selected = new Set();
    this.bulk = { ...NO_BULK, result: { action, done: outcome.done.length, alreadyHandled } };
    const verb = action === 'approve' ? 'Approved' : 'Rejected';
    this.announcement = `${verb} ${plural(outcome.done.length, 'item')}.${alreadyHandled.length ? ` ${plural(alreadyHandled.length, 'item was', 'items were')} already handled.` : ''}`;
    if (alreadyHandled.length > 0) void this.load(this.tab, 'replace');
    // The buttons that had focus are gone with the selection: the outcome takes it.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.bulk__result')?.focus());
  }

  // ---- rendering ----

  private renderTabs() {
    return html`<div class="tabs" role="tablist" aria-label="Moderation queue" @keydown=${this.onTabKeydown}>
      ${QUEUE_TAB_LIST.map((tab) => {
        const count = tab === 'recent' ? null : this.#board.count(tab);
        const selected = tab === this.tab;
        return html`<button
          class="tab"
          role="tab"
          id="tab-${tab}"
          type="button"
          aria-selected=${selected ? 'true' : 'false'}
          aria-controls=${selected ? 'queue-panel' : nothing}
          tabindex=${selected ? 0 : -1}
          @click=${() => this.selectTab(tab)}
        >
          ${TAB_LABELS[tab]}${count ? html` <span class="tab__count">${count.n}${count.more ? '+' : ''}</span>` : nothing}
        </button>`;
      })}
    </div>`;
  }

  private renderBulk() {
    if (this.tab === 'recent') return nothing;
    const selectable = this.selectable;
    const n = this.selected.size;
    const all = n > 0 && n === selectable.length;
    const { rejecting, pending, error } = this.bulk;
    return html`<div class="bulk">
      <div class="bulk__row">
        <label class="bulk__all">
          <input
            type="checkbox"
            .checked=${all}
            .indeterminate=${n > 0 && !all}
            ?disabled=${selectable.length === 0}
            @change=${(e: Event) => this.toggleAll((e.target as HTMLInputElement).checked)}
          />
          Select all shown
        </label>
        <span class="bulk__count" aria-live="polite">${n > 0 ? `${n} selected` : ''}</span>
        ${n > 0
          ? html`<div class="bulk__buttons">
              <button class="button" type="button" ?disabled=${pending} @click=${() => this.decideSelected('approve')}>
                ${pending && !rejecting ? 'Approving…' : 'Approve selected'}
              </button>
              <button class="button button--danger" type="button" ?disabled=${pending} @click=${this.openBulkReject}>
                Reject selected…
              </button>
            </div>`
          : html`<span class="bulk__hint">Tick items (or press x) to approve or reject several at once.</span>`}
      </div>
      ${rejecting && n > 0
        ? html`<form class="bulk__reject" novalidate @submit=${(e: SubmitEvent) => this.decideSelected('reject', e)}>
            <label for="bulk-reason">Reason for rejecting ${plural(n, 'item')}</label>
            <span class="hint" id="bulk-reason-hint">Each author sees it. Enter rejects, Escape cancels.</span>
            <div class="bulk__reject-row">
              <input
                id="bulk-reason"
                autocomplete="off"
                maxlength="500"
                aria-describedby=${error ? 'bulk-reason-hint bulk-error' : 'bulk-reason-hint'}
                aria-invalid=${error?.code === ERROR_CODES.INVALID_INPUT ? 'true' : 'false'}
                .value=${this.bulk.reason}
                @input=${(e: InputEvent) => (this.bulk = { ...this.bulk, reason: (e.target as HTMLInputElement).value })}
                @keydown=${this.onBulkReasonKeydown}
              />
              <button class="button button--danger" type="submit" ?disabled=${pending || n === 0}>
                ${pending ? 'Rejecting…' : 'Reject'}
              </button>
              <button class="button button--quiet" type="button" @click=${() => (this.bulk = { ...this.bulk, rejecting: false, error: null })}>
                Cancel
              </button>
            </div>
          </form>`
        : nothing}
      ${error ? html`<p class="alert" id="bulk-error" role="alert">${error.message}</p>` : nothing} ${this.renderBulkResult()}
    </div>`;
  }

  private renderBulkResult() {
    const result = this.bulk.result;
    if (!result) return nothing;
    const verb = result.action === 'approve' ? 'Approved' : 'Rejected';
    return html`<div class="bulk__result ${result.alreadyHandled.length ? 'bulk__result--warn' : ''}" tabindex="-1">
      <p>${verb} ${plural(result.done, 'item')}.</p>
      ${result.alreadyHandled.length
        ? html`<p>${plural(result.alreadyHandled.length, 'item was', 'items were')} already handled by someone else, and left as they were:</p>
            <ul>
              ${result.alreadyHandled.map((h) => html`<li>“${h.text}”: ${h.status}${h.by ? ` by ${h.by}` : ''}</li>`)}
            </ul>`
        : nothing}
      <button class="link-button" type="button" @click=${() => (this.bulk = { ...this.bulk, result: null })}>Hide</button>
    </div>`;
  }

  private renderList() {
    const tab = this.tab;
    const items = this.#board.items(tab);
    const loading = this.#loading.has(tab);
    if (!this.#board.loaded(tab)) {
      return this.loadError
        ? html`<p class="alert" role="alert">The queue could not be loaded. ${this.loadError.message}
            <button class="link-button" type="button" @click=${this.retry}>Try again</button></p>`
        : html`<p class="muted" role="status">Loading the queue…</p>`;
    }
    const activeId = items.some((i) => i.id === this.activeId) ? this.activeId : (items[0]?.id ?? null);
    return html`${items.length === 0 ? html`<p class="empty">${EMPTY_TEXT[tab]}</p>` : nothing}
      <ol class="list" @focusin=${this.onFocusIn}>
        ${repeat(
          items,
          (item) => item.id,
          (item) => html`<li>
            <cp-moderation-item
              data-id=${item.id}
              tabindex=${item.id === activeId ? 0 : -1}
              .item=${item}
              .mode=${this.form?.id === item.id ? this.form.mode : 'view'}
              .note=${this.#board.note(item.id)}
              .pending=${this.pending.get(item.id) ?? ''}
              ?active=${item.id === this.activeId}
              ?selected=${this.selected.has(item.id)}
              ?settled=${this.#board.isLingering(item.id)}
              @cp-moderation-decide=${(e: CustomEvent<ModerationDecideDetail>) => this.decide(e.detail)}
              @cp-moderation-edit=${(e: CustomEvent<ModerationEditDetail>) => this.edit(e.detail)}
              @cp-moderation-mode=${(e: CustomEvent<ModerationModeDetail>) => this.onMode(e.detail.itemId, e.detail.mode)}
              @cp-moderation-select=${(e: CustomEvent<ModerationSelectDetail>) =>
                this.onSelect(e.detail.itemId, e.detail.selected)}
              @cp-moderation-dismiss=${(e: CustomEvent<ModerationItemDetail>) => this.onDismiss(e.detail.itemId)}
            ></cp-moderation-item>
          </li>`,
        )}
      </ol>
      ${this.#board.nextCursor(tab)
        ? html`<button class="button button--quiet load-more" type="button" ?disabled=${loading} @click=${this.loadMore}>
            ${loading ? 'Loading…' : 'Load more'}
          </button>`
        : nothing}`;
  }

  private retry(): void {
    this.loadError = null;
    this.#tried.delete(this.tab);
    this.requestUpdate();
  }

  private async loadMore(): Promise<void> {
    const added = await this.load(this.tab, 'append');
    const first = added[0];
    if (!first) return;
    this.activeId = first.id;
    await this.updateComplete;
    this.itemElement(first.id)?.focus();
  }

  private renderLive() {
    const on = Boolean(this.#live?.ready && !this.#live.error && this.#connection?.state === 'connected');
    return html`<span class="live ${on ? 'live--on' : ''}">${on ? 'Live' : 'Not live: reconnecting…'}</span>`;
  }

  override render() {
    const liveError = this.#live?.error;
    return html`<div class="queue">
      <div class="toolbar">
        ${this.renderTabs()}
        <div class="toolbar__side">${this.renderLive()}<cp-moderation-legend></cp-moderation-legend></div>
      </div>
      <p class="announce" role="status" aria-live="polite">${this.announcement}</p>
      ${liveError ? html`<p class="alert" role="alert">Live updates are off: ${liveError.message}</p>` : nothing}
      <div
        class="panel"
        role="tabpanel"
        id="queue-panel"
        aria-labelledby="tab-${this.tab}"
        tabindex="-1"
        @cp-moderation-author-action=${(e: CustomEvent<AuthorActionDetail>) => this.onAuthorAction(e.detail)}
      >
        ${this.renderBulk()} ${this.renderList()}
      </div>
      <cp-moderation-sanction
        .api=${this.#moderation}
        @cp-moderation-sanctioned=${(e: CustomEvent<SanctionAppliedDetail>) => this.onSanctioned(e.detail)}
      ></cp-moderation-sanction>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-moderation-queue': CpModerationQueue;
  }
}
