import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ERROR_CODES, type ErrorBody } from '../../../shared/errors.js';
import { hasRole } from '../../../shared/roles.js';
import type { User } from '../../../shared/schemas/auth.js';
import type { CafeTable, FloorDelta, FloorPage, TableAlternative } from '../../../shared/schemas/cafe.js';
import type { Space } from '../../../shared/schemas/spaces.js';
import { AppElement } from '../../base-element.js';
import { msg, msgRich } from '../../i18n/app.js';
import { appendPage, applyFloorDelta, isFull } from '../../cafe/floor.js';
import { CAFE_UI_LIMITS } from '../../cafe/limits.js';
import '../../components/cp-relative-time/cp-relative-time.js';
import '../../components/cp-table-card/cp-table-card.js';
import type { ApiClient } from '../../services/api.js';
import { earlierTables, joinTable, listTables, openTable, unwatchFloor, watchFloor } from '../../services/cafe.js';
import type { AppSocket } from '../../services/socket.js';
import { shared } from '../../styles/shared.js';
import { viewPage } from '../../styles/views.js';
import { parseTags } from '../../waves/tags.js';
import { navigate } from '../navigation.js';
import { href, NO_CAFE_FILTERS, type CafeFilters } from '../router.js';
import { styles } from './cafe-view.styles.js';

const PAGE_SIZE = 20;

type Load = { status: 'signed-out' } | { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: ErrorBody };
type Field = 'topic' | 'tags' | 'capacity';
const FIELDS: Field[] = ['topic', 'tags', 'capacity'];
const fieldLabel = (field: Field): string => (field === 'topic' ? msg('Topic') : field === 'tags' ? msg('Tags') : msg('Seats'));

/** A table that turned out full, and where its would-be guest could go instead. */
interface FullNotice {
  tableId: string;
  topic: string;
  tags: string[];
  alternative: TableAlternative;
}

/**
 * @summary The cafe floor of a space: its open tables, live (`floor:watch`, then batched
 * `floor:delta`), filtered by topic words and a tag (in the address), paged with "Load more";
 * sit down, open a table, and go back to tables you sat at. For signed-in people of the space.
 */
@customElement('cp-cafe-view')
export class CpCafeView extends AppElement {
  static override styles = [shared, viewPage, styles];

  private request = 0;
  /** Deltas that arrive while a page loads are applied after it. */
  private pendingDeltas: FloorDelta[] = [];
  private watchedSlug: string | null = null;
  private boundSocket: AppSocket | null = null;
  /** The floor has been shown once (focus moves to the heading only then). */
  private shown = false;

  @query('#open-topic') private topicInput?: HTMLInputElement;
  @query('.form-alert') private formAlert?: HTMLElement;

  @state() private items: CafeTable[] = [];
  @state() private nextCursor: string | null = null;
  @state() private load: Load = { status: 'loading' };
  @state() private loadingMore = false;
  @state() private moreError: ErrorBody | null = null;
  @state() private earlier: CafeTable[] = [];
  @state() private seatPending: string | null = null;
  @state() private full: FullNotice | null = null;
  @state() private problem = '';
  @state() private announcement = '';
  // The "open a table" form
  @state() private formOpen = false;
  @state() private topicText = '';
  @state() private tagsText = '';
  @state() private capacityText = '';
  @state() private opening = false;
  @state() private formError: ErrorBody | null = null;

  @property({ attribute: false }) api?: ApiClient;
  @property({ attribute: false }) socket?: AppSocket;
  @property({ attribute: false }) space?: Space;
  @property({ attribute: false }) user: User | null = null;
  @property({ attribute: false }) filters: CafeFilters = NO_CAFE_FILTERS;

  private get slug(): string {
    return this.space?.slug ?? '';
  }

  private get staff(): boolean {
    return hasRole(this.space?.viewerRole, 'staff');
  }

  private get filtered(): boolean {
    return Boolean(this.filters.topic || this.filters.tag);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.bindSocket(this.socket ?? null);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.socket && this.watchedSlug) unwatchFloor(this.socket, this.watchedSlug);
    this.bindSocket(null);
    this.watchedSlug = null;
    this.request++;
  }

  /** Listens on the socket this page is given (once, however often it renders). */
  private bindSocket(socket: AppSocket | null): void {
    if (socket === this.boundSocket) return;
    this.boundSocket?.off('connect', this.onConnect);
    this.boundSocket?.off('floor:delta', this.onDelta);
    this.boundSocket = socket;
    socket?.on('connect', this.onConnect);
    socket?.on('floor:delta', this.onDelta);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('socket') && this.isConnected) this.bindSocket(this.socket ?? null);
    const userChanged = changed.has('user') && changed.get('user')?.id !== this.user?.id;
    if (changed.has('space') || changed.has('filters') || userChanged) void this.refresh();
    if (this.space) document.title = msg('Cafe · {space}', { space: this.space.name });
  }

  // ---- loading

  /** Every (re)connect: deltas are not stored, so watch again and load the floor afresh. */
  private onConnect = (): void => {
    void this.refresh();
  };

  private async refresh(): Promise<void> {
    const { api, socket, space } = this;
    if (!api || !socket || !space) return;
    const request = ++this.request;
    if (!this.user) {
      this.load = { status: 'signed-out' };
      this.items = [];
      this.earlier = [];
      return;
    }
    this.load = { status: 'loading' };
    this.pendingDeltas = [];
    this.moreError = null;
    let page: FloorPage | null = null;
    if (socket.connected) {
      const watched = await watchFloor(socket, space.slug);
      if (request !== this.request) return;
      if (!watched.ok) return this.fail(watched.error);
      this.watchedSlug = space.slug;
      // The watch answers with the unfiltered first page; a filtered floor asks for its own.
      if (!this.filtered) page = watched.data.page;
    }
    if (!page) {
      const result = await listTables(api, space.slug, this.filters, null, PAGE_SIZE);
      if (request !== this.request) return;
      if (!result.ok) return this.fail(result.error);
      page = result.data;
    }
    const first = !this.shown;
    this.shown = true;
    this.items = page.items;
    this.nextCursor = page.nextCursor;
    this.load = { status: 'ready' };
    for (const delta of this.pendingDeltas.splice(0)) this.applyDelta(delta);
    void this.loadEarlier(request);
    if (first) void this.focusTitleIfLost();
  }

  /** The page is loaded on demand: after a client-side navigation the clicked link is gone, so start at the heading. */
  private async focusTitleIfLost(): Promise<void> {
    await this.updateComplete;
    const active = document.activeElement;
    if (active && active !== document.body && active !== document.documentElement) return;
    const heading = this.renderRoot.querySelector<HTMLElement>('h2');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }

  private fail(error: ErrorBody): void {
    this.load = error.code === ERROR_CODES.UNAUTHENTICATED ? { status: 'signed-out' } : { status: 'error', error };
  }

  private async loadEarlier(request: number): Promise<void> {
    if (!this.api) return;
    const result = await earlierTables(this.api, this.slug);
    if (request === this.request && result.ok) this.earlier = result.data;
  }

  private async loadMore(): Promise<void> {
    if (!this.api || !this.nextCursor || this.loadingMore) return;
    const request = this.request;
    this.loadingMore = true;
    this.moreError = null;
    const result = await listTables(this.api, this.slug, this.filters, this.nextCursor, PAGE_SIZE);
    this.loadingMore = false;
    if (request !== this.request) return;
    if (!result.ok) {
      this.moreError = result.error;
      return;
    }
    const { items, added } = appendPage(this.items, result.data.items);
    this.items = items;
    this.nextCursor = result.data.nextCursor;
    this.announcement = msg('{count, plural, one {# more table loaded.} other {# more tables loaded.}}', { count: added.length });
    await this.updateComplete;
    // Keep the keyboard in the list: the first new table's link.
    const first = added[0];
    if (first) this.renderRoot.querySelector<HTMLElement>(`cp-table-card[data-id="${first.id}"]`)?.shadowRoot?.querySelector('a')?.focus();
  }

  // ---- live

  private onDelta = (delta: FloorDelta): void => {
    if (!this.space || delta.spaceId !== this.space.id) return;
    if (this.load.status === 'loading') this.pendingDeltas.push(delta);
    else if (this.load.status === 'ready') this.applyDelta(delta);
  };

  private applyDelta(delta: FloorDelta): void {
    const change = applyFloorDelta(this.items, delta, this.filters);
    this.items = change.items;
    if (change.added.length === 1) this.announcement = msg('New table: {topic}', { topic: change.added[0]!.topic });
    else if (change.added.length > 1) this.announcement = msg('{count, plural, other {# new tables.}}', { count: change.added.length });
    if (this.full && change.removed.includes(this.full.tableId)) this.full = null;
  }

  // ---- sitting down

  private async sit(tableId: string, topic: string, tags: string[]): Promise<void> {
    if (!this.socket || this.seatPending) return;
    this.seatPending = tableId;
    this.problem = '';
    const result = await joinTable(this.socket, tableId);
    this.seatPending = null;
    if (result.ok) {
      navigate(href.table(this.slug, tableId));
      return;
    }
    if (result.error.code === ERROR_CODES.TABLE_FULL) {
      this.full = { tableId, topic, tags, alternative: result.error.alternative ?? { table: null, hint: result.error.message } };
      this.announcement = msg('That table is full. {hint}', { hint: this.full.alternative.hint });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.alternative button')?.focus();
      return;
    }
    this.problem = msg('You could not sit down. {problem}', { problem: result.error.message });
  }

  /** "Open a new table on this topic": the form, filled in, with the keyboard in it. */
  private async openOnTopic(topic: string, tags: string[]): Promise<void> {
    this.full = null;
    this.formOpen = true;
    this.topicText = topic;
    this.tagsText = tags.join(', ');
    this.formError = null;
    await this.updateComplete;
    this.topicInput?.scrollIntoView({ block: 'center' });
    this.topicInput?.focus();
  }

  // ---- opening a table

  private async toggleForm(): Promise<void> {
    this.formOpen = !this.formOpen;
    if (!this.formOpen) return;
    await this.updateComplete;
    this.topicInput?.focus();
  }

  private get invalidField(): Field | null {
    const first = this.formError?.field?.split('.')[0];
    return first && FIELDS.includes(first as Field) ? (first as Field) : null;
  }

  private edit(field: Field, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (field === 'topic') this.topicText = value;
    else if (field === 'tags') this.tagsText = value;
    else this.capacityText = value;
    if (this.invalidField === field) this.formError = null;
  }

  private async onOpen(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.opening || !this.api) return;
    const topic = this.topicText.trim();
    const { tags, problems } = parseTags(this.tagsText);
    const capacityRaw = this.capacityText.trim();
    const capacity = capacityRaw ? Number(capacityRaw) : undefined;
    if (topic.length < CAFE_UI_LIMITS.topicMin) {
      return this.showFormError({ code: ERROR_CODES.INVALID_INPUT, message: msg('at least {min} characters', { min: CAFE_UI_LIMITS.topicMin }), field: 'topic' });
    }
    if (problems.length > 0) return this.showFormError({ code: ERROR_CODES.INVALID_INPUT, message: problems.join('; '), field: 'tags' });
    if (capacity !== undefined && (!Number.isInteger(capacity) || capacity < CAFE_UI_LIMITS.capacityMin || capacity > CAFE_UI_LIMITS.capacityMax)) {
      return this.showFormError({
        code: ERROR_CODES.INVALID_INPUT,
        message: msg('a whole number from {min} to {max}, or empty for the usual size', { min: CAFE_UI_LIMITS.capacityMin, max: CAFE_UI_LIMITS.capacityMax }),
        field: 'capacity',
      });
    }
    this.opening = true;
    this.formError = null;
    const result = await openTable(this.api, this.slug, { topic, tags, ...(capacity !== undefined ? { capacity } : {}) });
    this.opening = false;
    if (!result.ok) return this.showFormError(result.error);
    this.topicText = '';
    this.tagsText = '';
    this.capacityText = '';
    this.formOpen = false;
    navigate(href.table(this.slug, result.data.id));
  }

  private async showFormError(error: ErrorBody): Promise<void> {
    this.formError = error;
    await this.updateComplete;
    this.formAlert?.focus();
  }

  private formErrorText(error: ErrorBody): string {
    const field = this.invalidField;
    if (!field) return error.message;
    const raw = error.field!;
    const message = error.message.startsWith(`${raw}: `) ? error.message.slice(raw.length + 2) : error.message;
    return msg('{field}: {problem}', { field: fieldLabel(field), problem: message });
  }

  private describedBy(field: Field): string {
    return [`${field}-hint`, this.invalidField === field ? 'form-error' : ''].filter(Boolean).join(' ');
  }

  // ---- filters

  private onFilter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const topic = String(data.get('topic') ?? '').trim();
    const tag = String(data.get('tag') ?? '')
      .trim()
      .toLowerCase();
    navigate(href.cafe(this.slug, { topic: topic || null, tag: tag || null }));
  }

  // ---- render

  private renderSignedOut() {
    return html`<div class="signed-out">
      <p>
        ${msg('The cafe is where the people of {space} sit down in small groups and talk. Sign in to see who is at which table and join them.', {
          space: this.space?.name ?? '',
        })}
      </p>
      <button class="button" type="button" @click=${() => this.emit('cp-sign-in-request', null)}>${msg('Sign in to join the cafe')}</button>
    </div>`;
  }

  private renderOpenForm() {
    const { tags, problems } = parseTags(this.tagsText);
    return html`<form class="open-form" id="open-form" novalidate @submit=${this.onOpen} aria-labelledby="open-title">
      <h3 id="open-title">${msg('Open a table')}</h3>
      ${this.formError ? html`<p class="alert form-alert" id="form-error" role="alert" tabindex="-1">${this.formErrorText(this.formError)}</p>` : nothing}
      <div class="fields">
        <div class="field field--topic">
          <label for="open-topic">${msg('Topic')}</label>
          <span class="hint" id="topic-hint">${msg('What you want to talk about, {min}–{max} characters.', { min: CAFE_UI_LIMITS.topicMin, max: CAFE_UI_LIMITS.topicMax })}</span>
          <input
            id="open-topic"
            name="topic"
            required
            maxlength=${CAFE_UI_LIMITS.topicMax}
            autocomplete="off"
            aria-describedby=${this.describedBy('topic')}
            aria-invalid=${this.invalidField === 'topic' ? 'true' : 'false'}
            .value=${this.topicText}
            @input=${(e: Event) => this.edit('topic', e)}
          />
        </div>
        <div class="field">
          <label for="open-tags">${msg('Tags')}</label>
          <span class="hint" id="tags-hint">${msg('Optional, separated by commas, up to {max}.', { max: CAFE_UI_LIMITS.tagsMax })}</span>
          <input
            id="open-tags"
            name="tags"
            autocomplete="off"
            aria-describedby=${this.describedBy('tags') + (tags.length ? ' open-tag-chips' : '')}
            aria-invalid=${this.invalidField === 'tags' ? 'true' : 'false'}
            .value=${this.tagsText}
            @input=${(e: Event) => this.edit('tags', e)}
          />
          ${tags.length
            ? html`<ul class="chips" id="open-tag-chips" aria-label=${msg('Tags to add')}>
                ${tags.map((t) => html`<li class="chip">#${t}</li>`)}
              </ul>`
            : nothing}
          ${problems.map((p) => html`<span class="problem">${p}</span>`)}
        </div>
        <div class="field field--seats">
          <label for="open-capacity">${msg('Seats')}</label>
          <span class="hint" id="capacity-hint">${msg('Optional; empty for the usual size.')}</span>
          <input
            id="open-capacity"
            name="capacity"
            type="number"
            inputmode="numeric"
            min=${CAFE_UI_LIMITS.capacityMin}
            max=${CAFE_UI_LIMITS.capacityMax}
            aria-describedby=${this.describedBy('capacity')}
            aria-invalid=${this.invalidField === 'capacity' ? 'true' : 'false'}
            .value=${this.capacityText}
            @input=${(e: Event) => this.edit('capacity', e)}
          />
        </div>
      </div>
      <div class="form-actions">
        <button class="button" type="submit" ?disabled=${this.opening}>${this.opening ? msg('Opening…') : msg('Open the table and sit down')}</button>
        <button class="button button--quiet" type="button" @click=${() => (this.formOpen = false)}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  private renderFilters() {
    const { topic, tag } = this.filters;
    return html`<div class="controls">
      <form class="filters" role="search" aria-label=${msg('Filter tables')} @submit=${this.onFilter}>
        <div class="filter">
          <label for="filter-topic">${msg('Topic contains')}</label>
          <input id="filter-topic" name="topic" type="search" maxlength=${CAFE_UI_LIMITS.topicMax} .value=${topic ?? ''} />
        </div>
        <div class="filter filter--tag">
          <label for="filter-tag">${msg('Tag')}</label>
          <input id="filter-tag" name="tag" type="search" maxlength=${CAFE_UI_LIMITS.tagMax} .value=${tag ?? ''} />
        </div>
        <button class="button button--quiet" type="submit">${msg('Filter')}</button>
      </form>
      ${this.filtered
        ? html`<div class="active-filters">
            ${topic
              ? html`<span class="chip"
                  >${msg('“{topic}”', { topic })}<a href=${href.cafe(this.slug, { tag })} aria-label=${msg('Remove the topic filter {topic}', { topic })}>✕</a></span
                >`
              : nothing}
            ${tag ? html`<span class="chip">#${tag}<a href=${href.cafe(this.slug, { topic })} aria-label=${msg('Remove the tag filter {tag}', { tag })}>✕</a></span>` : nothing}
          </div>`
        : nothing}
    </div>`;
  }

  private renderAlternative(notice: FullNotice) {
    const other = notice.alternative.table;
    return html`<div class="alternative" role="group" aria-label=${msg('This table is full')}>
      <p>${msgRich('{full} {hint}', { full: html`<strong>${msg('This table is full.')}</strong>`, hint: notice.alternative.hint })}</p>
      <div class="alternative__actions">
        ${other
          ? html`<button class="button" type="button" ?disabled=${this.seatPending !== null} @click=${() => this.sit(other.id, other.topic, notice.tags)}>
              ${msg('Sit at “{topic}” ({taken} of {capacity})', { topic: other.topic, taken: other.seatsTaken, capacity: other.capacity })}
            </button>`
          : nothing}
        <button class="button button--quiet" type="button" @click=${() => this.openOnTopic(notice.topic, notice.tags)}>${msg('Open a new table on this topic')}</button>
      </div>
    </div>`;
  }

  private renderActions(table: CafeTable) {
    const mine = this.user !== null && table.people.some((p) => p.id === this.user!.id);
    const pending = this.seatPending === table.id;
    let action;
    if (mine) {
      action = html`<a class="button" href=${href.table(this.slug, table.id)}>${msg('Go to your table')}</a>`;
    } else if (this.staff) {
      action = html`<button
        class="button"
        type="button"
        ?disabled=${pending}
        aria-label=${pending ? msg('Joining…') : msg('Join (staff seat) at {topic}', { topic: table.topic })}
        @click=${() => this.sit(table.id, table.topic, table.tags)}
      >
        <span>${pending ? msg('Joining…') : msg('Join (staff seat)')}</span>
      </button>`;
    } else if (table.locked) {
      action = html`<button class="button unavailable" type="button" disabled aria-label=${msg('Locked: {topic} takes no new seats', { topic: table.topic })}>
        <span><span aria-hidden="true">🔒</span> ${msg('Locked')}</span>
      </button>`;
    } else if (isFull(table)) {
      action = html`<button class="button unavailable" type="button" disabled aria-label=${msg('Full: {topic}', { topic: table.topic })}>
          <span>${msg('Full')}</span>
        </button>
        <button class="button button--quiet" type="button" ?disabled=${pending} @click=${() => this.sit(table.id, table.topic, table.tags)}>
          ${pending ? msg('Looking…') : msg('Find a seat on this topic')}
        </button>`;
    } else {
      action = html`<button
        class="button"
        type="button"
        ?disabled=${pending}
        aria-label=${pending ? msg('Sitting down…') : msg('Sit down at {topic}', { topic: table.topic })}
        @click=${() => this.sit(table.id, table.topic, table.tags)}
      >
        <span>${pending ? msg('Sitting down…') : msg('Sit down')}</span>
      </button>`;
    }
    return html`${action} ${this.full?.tableId === table.id ? this.renderAlternative(this.full) : nothing}`;
  }

  private renderTables() {
    const load = this.load;
    if (load.status === 'error') {
      const forbidden = load.error.code === ERROR_CODES.FORBIDDEN;
      return html`<div class="alert" role="alert">
        ${forbidden
          ? msg('The cafe is for the people of {space}. {problem}', { space: this.space?.name ?? '', problem: load.error.message })
          : msg("We couldn't load the cafe. {problem}", { problem: load.error.message })}
        ${forbidden ? nothing : html`<button class="link-button" type="button" @click=${this.refresh}>${msg('Try again')}</button>`}
      </div>`;
    }
    if (load.status === 'loading' && this.items.length === 0) return html`<p class="muted" role="status">${msg('Loading the tables…')}</p>`;
    if (this.items.length === 0) {
      return html`<div class="empty">
        <p>${this.filtered ? msg('No open tables match these filters.') : msg('No tables are open right now. Open one and others can join you.')}</p>
        ${this.filtered ? html`<a href=${href.cafe(this.slug)}>${msg('Show all tables')}</a>` : nothing}
      </div>`;
    }
    return html`<ul class="tables" aria-label=${msg('Open tables')} aria-busy=${load.status === 'loading' ? 'true' : 'false'}>
        ${repeat(
          this.items,
          (t) => t.id,
          (t) => html`<li>
            <cp-table-card data-id=${t.id} .table=${t} slug=${this.slug} brand=${this.space?.name ?? ''} .viewerId=${this.user?.id ?? null}
              >${this.renderActions(t)}</cp-table-card
            >
          </li>`,
        )}
      </ul>
      ${this.moreError ? html`<p class="alert" role="alert">${msg('Loading more failed. {problem}', { problem: this.moreError.message })}</p>` : nothing}
      ${this.nextCursor
        ? html`<div class="more">
            <button class="button button--quiet" type="button" ?disabled=${this.loadingMore} @click=${this.loadMore}>
              ${this.loadingMore ? msg('Loading…') : msg('Load more tables')}
            </button>
          </div>`
        : nothing}`;
  }

  private renderEarlier() {
    if (this.earlier.length === 0) return nothing;
    return html`<section class="earlier" aria-labelledby="earlier-title">
      <h3 id="earlier-title">${msg('Earlier tables')}</h3>
      <p class="muted">${msg('Tables you sat at that have closed. Read them again, or sit down to reopen one.')}</p>
      <ul>
        ${repeat(
          this.earlier,
          (t) => t.id,
          (t) => html`<li>
            <a href=${href.table(this.slug, t.id)}>${t.topic}</a>
            <span class="muted">${msgRich('closed {when}', { when: html`<cp-relative-time datetime=${t.closedAt ?? t.lastActivityAt}></cp-relative-time>` })}</span>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  override render() {
    const signedOut = this.load.status === 'signed-out';
    return html`<div class="page">
      <div class="head">
        <div class="head__text">
          <h2>${msg('Cafe')}</h2>
          <p class="lead">
            ${msg('Small tables, one topic each. Sit down, talk, and raise your hand when you want someone from {brand}.', { brand: this.space?.name ?? '' })}
          </p>
        </div>
        ${signedOut
          ? nothing
          : html`<button class="button" type="button" aria-expanded=${this.formOpen ? 'true' : 'false'} aria-controls="open-form" @click=${this.toggleForm}>
              ${msg('Open a table')}
            </button>`}
      </div>
      ${signedOut
        ? this.renderSignedOut()
        : html`${this.formOpen ? this.renderOpenForm() : nothing}
          ${this.problem
            ? html`<p class="alert" role="alert">
                ${this.problem} <button class="link-button" type="button" @click=${() => (this.problem = '')}>${msg('Dismiss')}</button>
              </p>`
            : nothing}
          ${this.renderFilters()} ${this.renderTables()} ${this.renderEarlier()}`}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-cafe-view': CpCafeView;
  }
}
