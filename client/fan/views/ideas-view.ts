import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ErrorBody } from '../../../shared/errors.js';
import type { Space } from '../../../shared/schemas/spaces.js';
import type { StreamEvent } from '../../../shared/schemas/streams.js';
import { WAVE_STATUSES } from '../../../shared/waves.js';
import type { WaveStatus, WaveSummary } from '../../../shared/schemas/waves.js';
import { AppElement } from '../../base-element.js';
import '../../components/cp-announcement-list/cp-announcement-list.js';
import '../../components/cp-switch/cp-switch.js';
import '../../components/cp-wave-card/cp-wave-card.js';
import type { ApiClient } from '../../services/api.js';
import { listWaves } from '../../services/waves.js';
import { shared } from '../../styles/shared.js';
import { msg } from '../../i18n/app.js';
import { statusLabel } from '../../waves/status.js';
import { navigate } from '../navigation.js';
import { DEFAULT_FILTERS, href, type IdeasFilters, type WaveSort } from '../router.js';
import type { SpaceFeed, SpaceFeedDetail } from '../space-feed.js';
import { styles } from './ideas-view.styles.js';

const PAGE_SIZE = 20;
const SORTS: WaveSort[] = ['hot', 'new', 'top'];
const sortLabel = (sort: WaveSort): string => (sort === 'hot' ? msg('Hot') : sort === 'new' ? msg('New') : msg('Top'));

type Load = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: ErrorBody };

/**
 * @summary The ideas of a space: sort tabs, status/tag/"I support" filters (all in the
 * address), paged with "Load more", kept live from the space stream.
 */
@customElement('cp-ideas-view')
export class CpIdeasView extends AppElement {
  static override styles = [shared, styles];

  private request = 0;
  private unsubscribe: (() => void) | null = null;
  /** Events that arrive while a page is loading are applied after it. */
  private pendingEvents: StreamEvent[] = [];

  @state() private items: WaveSummary[] = [];
  @state() private nextCursor: string | null = null;
  @state() private load: Load = { status: 'loading' };
  @state() private loadingMore = false;
  @state() private moreError: ErrorBody | null = null;
  @state() private freshCount = 0;
  @state() private announcement = '';

  @property({ attribute: false }) api?: ApiClient;
  @property({ attribute: false }) space?: Space;
  @property({ attribute: false }) filters: IdeasFilters = DEFAULT_FILTERS;
  @property({ attribute: false }) feed?: SpaceFeed;
  @property({ attribute: false }) announcements: StreamEvent[] = [];
  @property({ type: Boolean, attribute: 'announcements-ready' }) announcementsReady = false;
  @property({ type: Boolean, attribute: 'signed-in' }) signedIn = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('feed')) {
      this.unsubscribe?.();
      this.unsubscribe = this.feed?.subscribe((detail) => this.onFeed(detail)) ?? null;
    }
    if (changed.has('filters') || changed.has('space') || changed.has('signedIn')) void this.reload();
    if (this.space) document.title = msg('Ideas · {space}', { space: this.space.name });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.feed && !this.unsubscribe) this.unsubscribe = this.feed.subscribe((detail) => this.onFeed(detail));
  }

  private get slug(): string {
    return this.space?.slug ?? '';
  }

  private async reload(): Promise<void> {
    if (!this.api || !this.space) return;
    const request = ++this.request;
    this.load = { status: 'loading' };
    this.freshCount = 0;
    this.moreError = null;
    const result = await listWaves(this.api, this.slug, this.filters, null, PAGE_SIZE);
    if (request !== this.request) return;
    if (!result.ok) {
      this.load = { status: 'error', error: result.error };
      return;
    }
    this.items = result.data.items;
    this.nextCursor = result.data.nextCursor;
    this.load = { status: 'ready' };
    this.applyEvents(this.pendingEvents.splice(0));
  }

  private async loadMore(): Promise<void> {
    if (!this.api || !this.nextCursor || this.loadingMore) return;
    const request = this.request;
    this.loadingMore = true;
    this.moreError = null;
    const result = await listWaves(this.api, this.slug, this.filters, this.nextCursor, PAGE_SIZE);
    this.loadingMore = false;
    if (request !== this.request) return;
    if (!result.ok) {
      this.moreError = result.error;
      return;
    }
    const known = new Set(this.items.map((w) => w.id));
    const added = result.data.items.filter((w) => !known.has(w.id));
    this.items = [...this.items, ...added];
    this.nextCursor = result.data.nextCursor;
    this.announcement = msg('{count, plural, one {# more idea loaded.} other {# more ideas loaded.}}', { count: added.length });
    await this.updateComplete;
    // Keep the keyboard in the list: the first new card's link.
    const first = added[0];
    if (first) this.renderRoot.querySelector<HTMLElement>(`cp-wave-card[data-id="${first.id}"]`)?.shadowRoot?.querySelector('a')?.focus();
  }

  // ---- live updates

  private onFeed({ events, initial }: SpaceFeedDetail): void {
    // The first replay is history the list (read over REST) already shows.
    if (initial) return;
    if (this.load.status === 'loading') this.pendingEvents.push(...events);
    else this.applyEvents(events);
  }

  private matchesFilters(wave: WaveSummary): boolean {
    const { status, tag, supported } = this.filters;
    return (!status || wave.status === status) && (!tag || wave.tags.includes(tag)) && (!supported || wave.viewerSupports);
  }

  private applyEvents(events: StreamEvent[]): void {
    let items = this.items;
    for (const event of events) {
      switch (event.type) {
        case 'wave:created': {
          const wave = event.data.wave;
          if (items.some((w) => w.id === wave.id) || !this.matchesFilters(wave)) break;
          if (this.filters.sort === 'new') {
            items = [wave, ...items];
            this.announcement = msg('New idea: {title}', { title: wave.title });
          } else this.freshCount++;
          break;
        }
        case 'wave:counts': {
          const { waveId, supporters, replies, contributors, lastActivityAt } = event.data;
          items = items.map((w) => (w.id === waveId ? { ...w, supporters, replies, contributors, lastActivityAt } : w));
          break;
        }
        case 'wave:status-changed': {
          const { waveId, status } = event.data;
          items = items.map((w) => (w.id === waveId ? { ...w, status } : w));
          break;
        }
        default:
          break;
      }
    }
    this.items = items;
  }

  // ---- controls

  private go(filters: Partial<IdeasFilters>): void {
    navigate(href.ideas(this.slug, { ...this.filters, ...filters }));
  }

  private onStatus(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.go({ status: value ? (value as WaveStatus) : null });
  }

  private onSearch(event: SubmitEvent): void {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '').trim();
    if (q) navigate(href.search(this.slug, q));
  }

  private showFresh(): void {
    void this.reload();
  }

  // ---- render

  private renderAnnouncements() {
    const count = this.announcements.filter((e) => e.type === 'announcement:posted').length;
    return html`<section class="announcements" aria-labelledby="announcements-title" ?data-empty=${count === 0}>
      <h3 id="announcements-title">${msg('Announcements')}</h3>
      <cp-announcement-list
        compact
        label=${this.space ? msg('Announcements from {space}', { space: this.space.name }) : msg('Announcements from the space')}
        .events=${this.announcements}
        ?loading=${!this.announcementsReady}
      ></cp-announcement-list>
    </section>`;
  }

  private renderControls() {
    const { sort, status, tag, supported } = this.filters;
    return html`<div class="controls">
      <nav aria-label=${msg('Sort ideas')}>
        <ul class="tabs">
          ${SORTS.map(
            (s) => html`<li>
              <a class="tab" href=${href.ideas(this.slug, { ...this.filters, sort: s })} aria-current=${s === sort ? 'page' : nothing}>${sortLabel(s)}</a>
            </li>`,
          )}
        </ul>
      </nav>
      <div class="filters">
        <label>
          ${msg('Status')}
          <select @change=${this.onStatus}>
            <option value="" ?selected=${!status}>${msg('Any')}</option>
            ${WAVE_STATUSES.filter((s) => s !== 'merged').map((s) => html`<option value=${s} ?selected=${s === status}>${statusLabel(s)}</option>`)}
          </select>
        </label>
        ${tag
          ? html`<span class="chip">#${tag}<a href=${href.ideas(this.slug, { ...this.filters, tag: null })} aria-label=${msg('Remove the tag filter {tag}', { tag })}>✕</a></span>`
          : nothing}
        ${this.signedIn
          ? html`<cp-switch label=${msg('Ideas I support')} ?checked=${supported} @cp-switch-change=${(e: CustomEvent<{ checked: boolean }>) => this.go({ supported: e.detail.checked })}></cp-switch>`
          : nothing}
      </div>
    </div>`;
  }

  private renderList() {
    const load = this.load;
    if (load.status === 'error') {
      return html`<div class="alert" role="alert">
        ${msg("We couldn't load the ideas. {problem}", { problem: load.error.message })}
        <button class="link-button" type="button" @click=${this.reload}>${msg('Try again')}</button>
      </div>`;
    }
    if (load.status === 'loading' && this.items.length === 0) return html`<p class="muted" role="status">${msg('Loading ideas…')}</p>`;
    if (this.items.length === 0) {
      const filtered = this.filters.status || this.filters.tag || this.filters.supported;
      return html`<div class="empty">
        <p>${filtered ? msg('No ideas match these filters.') : msg('No ideas yet. Be the first to start a wave.')}</p>
        ${filtered ? html`<a href=${href.ideas(this.slug, { sort: this.filters.sort })}>${msg('Show all ideas')}</a>` : nothing}
      </div>`;
    }
    return html`${this.freshCount > 0
        ? html`<button class="button button--quiet fresh" type="button" @click=${this.showFresh}>
            ${msg('{count, plural, one {# new idea · Show} other {# new ideas · Show}}', { count: this.freshCount })}
          </button>`
        : nothing}
      <ol class="cards" aria-label=${msg('Ideas')} aria-busy=${load.status === 'loading' ? 'true' : 'false'}>
        ${repeat(this.items, (w) => w.id, (w) => html`<li><cp-wave-card data-id=${w.id} .wave=${w} slug=${this.slug}></cp-wave-card></li>`)}
      </ol>
      ${this.moreError ? html`<p class="alert" role="alert">${msg('Loading more failed. {problem}', { problem: this.moreError.message })}</p>` : nothing}
      ${this.nextCursor
        ? html`<div class="more">
            <button class="button button--quiet" type="button" ?disabled=${this.loadingMore} @click=${this.loadMore}>
              ${this.loadingMore ? msg('Loading…') : msg('Load more ideas')}
            </button>
          </div>`
        : nothing}`;
  }

  override render() {
    return html`<div class="page">
      ${this.renderAnnouncements()}
      <div class="head">
        <h2>${msg('Ideas')}</h2>
        <form class="search" role="search" @submit=${this.onSearch}>
          <label class="visually-hidden" for="search-input">${msg('Search ideas and replies')}</label>
          <input id="search-input" name="q" type="search" placeholder=${msg('Search ideas and replies')} maxlength="200" />
          <button class="button button--quiet" type="submit">${msg('Search')}</button>
        </form>
        <a class="button start" href=${href.newWave(this.slug)}>${msg('Start a wave')}</a>
      </div>
      ${this.renderControls()} ${this.renderList()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-ideas-view': CpIdeasView;
  }
}
