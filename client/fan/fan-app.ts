import { html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ERROR_CODES, type ErrorBody } from '../../shared/errors.js';
import type { Space } from '../../shared/schemas/spaces.js';
import type { StreamEvent } from '../../shared/schemas/streams.js';
import { streamName } from '../../shared/streams.js';
import { AppElement } from '../base-element.js';
import '../components/cp-announcement-list/cp-announcement-list.js';
import '../components/cp-connection-status/cp-connection-status.js';
import '../components/cp-sign-in/cp-sign-in.js';
import type { CpSignIn } from '../components/cp-sign-in/cp-sign-in.js';
import { ConnectionController } from '../controllers/connection-controller.js';
import { identityChanged, SessionController } from '../controllers/session-controller.js';
import { StreamController } from '../controllers/stream-controller.js';
import { ApiClient } from '../services/api.js';
import { SessionStore, type SessionState } from '../services/session.js';
import { createSocket, reconnectAs } from '../services/socket.js';
import { fetchAnnouncements, fetchSpace } from '../services/spaces.js';
import { shared } from '../styles/shared.js';
import { shell } from '../styles/shell.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './fan-app.styles.js';
import { interceptLinks, navigate, onRouteChange, type RouteChange } from './navigation.js';
import { href, matchRoute, routeSlug, type Route } from './router.js';
import { SpaceFeed } from './space-feed.js';
import { chooseSpaceSlug } from './space-slug.js';
import './views/ideas-view.js';
import './views/new-wave-view.js';
import './views/search-view.js';

/** The wave page brings the editor (ProseMirror, Yjs): loaded when first needed, so the ideas list starts light. */
let waveView: Promise<unknown> | null = null;
const loadWaveView = () => (waveView ??= import('./views/wave-view.js'));
/** The cafe is loaded when first visited (the ideas list stays light); a table brings the editor too, for its notepad. */
let cafeView: Promise<unknown> | null = null;
const loadCafeView = () => (cafeView ??= import('./views/cafe-view.js'));
let tableView: Promise<unknown> | null = null;
const loadTableView = () => (tableView ??= import('./views/table-view.js'));

type SpaceLoad =
  | { status: 'loading'; slug: string | null }
  | { status: 'ready'; slug: string; space: Space }
  | { status: 'error'; slug: string; error: ErrorBody };

/**
 * @summary The fan app: a space's ideas, waves, search and cafe, with sign-in; routes are
 * addresses (`/s/:slug`, `/s/:slug/new`, `/s/:slug/waves/:id`, `/s/:slug/search?q=`,
 * `/s/:slug/cafe`, `/s/:slug/tables/:id`).
 */
@customElement('cp-fan-app')
export class CpFanApp extends AppElement {
  static override styles = [tokens, shared, shell, styles];

  private readonly api = new ApiClient();
  private readonly socket = createSocket();
  private readonly session = new SessionController(this, new SessionStore(this.api), (next, previous) =>
    this.onSessionChange(next, previous),
  );
  private readonly connection = new ConnectionController(this, this.socket);
  private readonly spaceFeed = new SpaceFeed();
  /** The space stream: announcements for the banner, and live changes for the ideas list. */
  private readonly spaceStream = new StreamController(this, this.socket, {
    onEvents: (events, initial) => this.spaceFeed.publish(events, initial),
  });
  /** The person's own stream: staff decisions on what they wrote, told politely as they happen. */
  private readonly personalStream = new StreamController(this, this.socket, {
    from: 'now',
    keep: 0,
    onEvents: (events) => this.onPersonalEvents(events),
  });
  @state() private notice = '';
  private spaceRequest = 0;
  private cleanups: (() => void)[] = [];

  @query('main') private mainElement?: HTMLElement;
  @query('cp-sign-in') private signInElement?: CpSignIn;
  @query('.sign-in-dialog') private signInDialog?: HTMLDialogElement;

  @state() private route: Route = matchRoute(location);
  @state() private space: SpaceLoad = { status: 'loading', slug: null };
  @state() private problem: string | null = null;
  /** Announcements loaded with the space; newer ones arrive on the space stream. */
  @state() private announcements: StreamEvent[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.socket.active) this.socket.connect();
    this.cleanups.push(interceptLinks(), onRouteChange((change) => this.onRoute(change)));
    void this.session.store.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cleanups.splice(0).forEach((stop) => stop());
    this.socket.disconnect();
  }

  private onSessionChange(next: SessionState, previous: SessionState): void {
    if (identityChanged(next, previous)) reconnectAs(this.socket);
    this.personalStream.stream = next.user ? streamName.user(next.user.id) : null;
    this.problem = next.error ? `We couldn't check whether you are signed in. ${next.error.message}` : null;
    if (next.status === 'signed-in' && this.signInDialog?.open) this.onSignedIn();
    if (next.status !== 'loading') this.syncSpace(true);
  }

  private async onRoute(change: RouteChange): Promise<void> {
    this.route = matchRoute(location);
    this.syncSpace(false);
    if (!change.push) return;
    await this.updateComplete;
    if (!location.hash) window.scrollTo(0, 0);
    // A new page: move focus to its heading, so screen readers start there.
    const view = this.mainElement?.querySelector('[data-view]') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    await view?.updateComplete;
    const heading = view?.shadowRoot?.querySelector<HTMLElement>('h2');
    if (heading && !location.hash) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }

  /** Loads the route's space (and redirects `/` and `/?space=` to a space's ideas). */
  private syncSpace(force: boolean): void {
    if (this.session.state.status === 'loading') return;
    const route = this.route;
    if (route.name === 'home') {
      const slug = chooseSpaceSlug(route.space ? `?space=${encodeURIComponent(route.space)}` : '', this.session.state.memberships);
      navigate(href.ideas(slug), { replace: true });
      return;
    }
    const slug = routeSlug(route);
    if (!slug) return;
    if (force || slug !== this.space.slug) void this.loadSpace(slug);
  }

  private async loadSpace(slug: string): Promise<void> {
    const request = ++this.spaceRequest;
    if (this.space.slug !== slug) this.space = { status: 'loading', slug };
    const result = await fetchSpace(this.api, slug);
    if (request !== this.spaceRequest) return;
    if (!result.ok) {
      this.space = { status: 'error', slug, error: result.error };
      this.spaceStream.stream = null;
      document.title = 'Commonplace';
      return;
    }
    const news = await fetchAnnouncements(this.api, slug);
    if (request !== this.spaceRequest) return;
    this.announcements = news.ok ? news.data.items : [];
    this.space = { status: 'ready', slug, space: result.data };
    // Follow on from the head: a busy space stream is never replayed from its start.
    this.spaceStream.follow(streamName.space(result.data.id), news.ok ? news.data.head : undefined);
  }

  private retrySpace(): void {
    const slug = routeSlug(this.route);
    if (slug) void this.loadSpace(slug);
  }

  private skipToMain(event: Event): void {
    event.preventDefault();
    this.mainElement?.focus();
  }

  private async showSignIn(): Promise<void> {
    this.signInDialog?.showModal();
    await this.updateComplete;
    this.signInElement?.focus();
  }

  private onPersonalEvents(events: StreamEvent[]): void {
    for (const event of events) {
      if (event.type !== 'moderation:decided') continue;
      const what = event.data.kind === 'wave' ? 'Your idea' : 'Your reply';
      this.notice =
        event.data.decision === 'approved'
          ? `${what} was approved and everyone can see it now.`
          : `${what} was not published${event.data.reason ? `: ${event.data.reason}` : '.'}`;
    }
  }

  private onSignedIn(): void {
    this.signInDialog?.close();
    this.mainElement?.focus();
  }

  private async signOut(): Promise<void> {
    const result = await this.session.store.logout();
    this.problem = result.ok ? null : `Signing out failed. ${result.error.message}`;
  }

  private spaceTitle(): string {
    if (this.space.status === 'ready') return this.space.space.name;
    if (this.space.status === 'loading') return this.route.name === 'not-found' ? 'Commonplace' : 'Loading space…';
    return this.space.error.code === ERROR_CODES.NOT_FOUND || this.space.error.code === ERROR_CODES.INVALID_INPUT
      ? 'Space not found'
      : 'Space unavailable';
  }

  /** The space's sections; the current one is marked for screen readers and drawn as selected. */
  private renderSections(slug: string, name: string) {
    const route = this.route.name;
    const inCafe = route === 'cafe' || route === 'table';
    const inIdeas = route === 'ideas' || route === 'new-wave' || route === 'wave' || route === 'search';
    return html`<nav class="sections" aria-label="${name} sections">
      <a href=${href.ideas(slug)} aria-current=${route === 'ideas' ? 'page' : inIdeas ? 'true' : nothing}>Ideas</a>
      <a href=${href.cafe(slug)} aria-current=${route === 'cafe' ? 'page' : inCafe ? 'true' : nothing}>Cafe</a>
    </nav>`;
  }

  private renderAccount() {
    const { status, user } = this.session.state;
    if (status === 'loading') return nothing;
    if (status === 'signed-in' && user) {
      return html`<div class="account">
        <span>Signed in as <span class="account__name">${user.displayName}</span></span>
        <button class="button button--quiet" type="button" @click=${this.signOut}>Sign out</button>
      </div>`;
    }
    return html`<div class="account">
      <button class="button button--quiet" type="button" @click=${this.showSignIn}>Sign in</button>
    </div>`;
  }

  private renderSpaceError(slug: string, error: ErrorBody) {
    switch (error.code) {
      case ERROR_CODES.NOT_FOUND:
      case ERROR_CODES.INVALID_INPUT:
        return html`<p>There is no space called “${slug}”. Check the address, or ask the brand for its link.</p>`;
      case ERROR_CODES.UNAUTHENTICATED:
        return html`<p>“${slug}” is a private space. Sign in with an account that belongs to it.</p>`;
      case ERROR_CODES.FORBIDDEN:
        return html`<p>“${slug}” is a private space, and your account is not a member of it.</p>`;
      default:
        return html`<p>We couldn't load this space. ${error.message}</p>
          <div><button class="button" type="button" @click=${this.retrySpace}>Try again</button></div>`;
    }
  }

  private renderPage(space: Space) {
    const route = this.route;
    const user = this.session.state.user;
    switch (route.name) {
      case 'ideas':
        return html`<cp-ideas-view
          data-view
          .api=${this.api}
          .space=${space}
          .filters=${route.filters}
          .feed=${this.spaceFeed}
          .announcements=${[...this.announcements, ...this.spaceStream.events.filter((e) => e.type === 'announcement:posted')]}
          ?announcements-ready=${this.space.status === 'ready'}
          ?signed-in=${user !== null}
        ></cp-ideas-view>`;
      case 'new-wave':
        return html`<cp-new-wave-view data-view .api=${this.api} .space=${space} ?signed-in=${user !== null}></cp-new-wave-view>`;
      case 'wave':
        void loadWaveView();
        return keyed(
          route.waveId,
          html`<cp-wave-view data-view .api=${this.api} .socket=${this.socket} .space=${space} .user=${user} waveId=${route.waveId} .blipId=${route.blipId}></cp-wave-view>`,
        );
      case 'search':
        return html`<cp-search-view data-view .api=${this.api} .space=${space} .query=${route.q}></cp-search-view>`;
      case 'cafe':
        void loadCafeView();
        return html`<cp-cafe-view data-view .api=${this.api} .socket=${this.socket} .space=${space} .user=${user} .filters=${route.filters}></cp-cafe-view>`;
      case 'table':
        void loadTableView();
        return keyed(
          route.tableId,
          html`<cp-table-view data-view .api=${this.api} .socket=${this.socket} .space=${space} .user=${user} tableId=${route.tableId}></cp-table-view>`,
        );
      default:
        return nothing;
    }
  }

  private renderMain() {
    if (this.route.name === 'not-found') {
      return html`<section class="section space-error">
        <h2 class="section__title">Page not found</h2>
        <p>There is nothing at this address. <a href="/">Go to the ideas</a>.</p>
      </section>`;
    }
    const load = this.space;
    if (load.status === 'loading') return html`<p class="muted" role="status">Loading the space…</p>`;
    if (load.status === 'error') {
      return html`<section class="section space-error" role="alert">${this.renderSpaceError(load.slug, load.error)}</section>`;
    }
    return this.renderPage(load.space);
  }

  override render() {
    const slug = this.space.status === 'ready' ? this.space.slug : null;
    return html`<a class="skip-link" href="#main" @click=${this.skipToMain}>Skip to content</a>
      <header class="header">
        <div class="header__inner">
          <div class="header__titles">
            <a class="brand" href="/">Commonplace</a>
            <h1 class="header__title">${slug ? html`<a href=${href.ideas(slug)}>${this.spaceTitle()}</a>` : this.spaceTitle()}</h1>
            ${slug && this.space.status === 'ready' ? this.renderSections(slug, this.space.space.name) : nothing}
          </div>
          <div class="header__tools">
            <cp-connection-status .state=${this.connection.state}></cp-connection-status>
            ${this.renderAccount()}
          </div>
        </div>
      </header>
      <main class="main" id="main" tabindex="-1" @cp-sign-in-request=${this.showSignIn}>
        ${this.problem ? html`<p class="alert" role="alert">${this.problem}</p>` : nothing}
        <p class=${this.notice ? 'notice' : 'visually-hidden'} role="status">${this.notice}</p>
        ${this.renderMain()}
      </main>
      <dialog class="sign-in-dialog" aria-label="Sign in or create an account">
        <button class="button button--quiet sign-in-dialog__close" type="button" @click=${() => this.signInDialog?.close()}>
          Close<span class="visually-hidden"> sign-in</span>
        </button>
        <cp-sign-in .session=${this.session.store} @cp-signed-in=${this.onSignedIn}></cp-sign-in>
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-fan-app': CpFanApp;
  }
}
