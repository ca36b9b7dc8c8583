import { html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ERROR_CODES, type ErrorBody } from '../../shared/errors.js';
import type { Space } from '../../shared/schemas/spaces.js';
import type { StreamEvent } from '../../shared/schemas/streams.js';
import { streamName } from '../../shared/streams.js';
import { AppElement } from '../base-element.js';
import { i18n, msg, msgRich, startAppLanguage } from '../i18n/app.js';
import '../components/cp-announcement-list/cp-announcement-list.js';
import '../components/cp-avatar/cp-avatar.js';
import '../components/cp-connection-status/cp-connection-status.js';
import { notificationHeadline } from '../components/cp-notification-item/notification-text.js';
import '../components/cp-space-switcher/cp-space-switcher.js';
import { ConnectionController } from '../controllers/connection-controller.js';
import { identityChanged, SessionController } from '../controllers/session-controller.js';
import { StreamController } from '../controllers/stream-controller.js';
import type { Notification } from '../../shared/schemas/notifications.js';
import { ApiClient } from '../services/api.js';
import { draftStorage, tableDraftStorage } from '../services/draft-storage.js';
import { NotificationCenter } from '../services/notifications.js';
import { SessionStore, type SessionState } from '../services/session.js';
import { createSocket, reconnectAs } from '../services/socket.js';
import { fetchAnnouncements, fetchSpace } from '../services/spaces.js';
import { shared } from '../styles/shared.js';
import { shell } from '../styles/shell.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './fan-app.styles.js';
import { interceptLinks, navigate, onRouteChange, type RouteChange } from './navigation.js';
import { href, matchRoute, routeHref, routeSlug, type Route } from './router.js';
import { SpaceFeed } from './space-feed.js';
import { chooseSpaceSlug } from './space-slug.js';
import './views/ideas-view.js';
import './views/new-wave-view.js';
import './views/notifications-view.js';
import './views/search-view.js';
import './views/settings-view.js';
import './views/sign-in-view.js';
import type { CpSignInView } from './views/sign-in-view.js';

/** The wave page brings the editor (ProseMirror, Yjs): loaded when first needed, so the ideas list starts light. */
let waveView: Promise<unknown> | null = null;
const loadWaveView = () => (waveView ??= import('./views/wave-view.js'));
/** The cafe is loaded when first visited (the ideas list stays light); a table brings the editor too, for its notepad. */
let cafeView: Promise<unknown> | null = null;
const loadCafeView = () => (cafeView ??= import('./views/cafe-view.js'));
let tableView: Promise<unknown> | null = null;
const loadTableView = () => (tableView ??= import('./views/table-view.js'));
let profileView: Promise<unknown> | null = null;
const loadProfileView = () => (profileView ??= import('./views/profile-view.js'));

/** Pages of the person, not of a space: the header keeps the last space (or the person's first) for its links. */
const ACCOUNT_ROUTES = new Set<Route['name']>(['signin', 'signup', 'settings', 'notifications']);

type SpaceLoad =
  | { status: 'loading'; slug: string | null }
  | { status: 'ready'; slug: string; space: Space }
  | { status: 'error'; slug: string; error: ErrorBody };

/**
 * @summary The fan app: a space's ideas, waves, search and cafe, people's profiles, your
 * notifications and settings, sign-in and sign-up pages; routes are addresses (see router.ts
 * and client/fan/README.md). The header carries the space switcher, the sections with the
 * unread count (live), the connection state and the account.
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
  /** The header's unread count, live; the notifications page listens to it too. */
  private readonly center = new NotificationCenter(this.api, this.socket);
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
  /** Said politely when a notification arrives. */
  @state() private liveNote = '';
  private spaceRequest = 0;
  private cleanups: (() => void)[] = [];
  /** The page waits for its language (English at once; another is a chunk to load) before it first renders. */
  private languageReady = false;

  @query('main') private mainElement?: HTMLElement;

  @state() private route: Route = matchRoute(location);
  @state() private space: SpaceLoad = { status: 'loading', slug: null };
  @state() private problem: string | null = null;
  /** Announcements loaded with the space; newer ones arrive on the space stream. */
  @state() private announcements: StreamEvent[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.socket.active) this.socket.connect();
    this.center.start();
    this.cleanups.push(
      interceptLinks(),
      onRouteChange((change) => this.onRoute(change)),
      this.center.on('change', () => this.requestUpdate()),
      this.center.on('arrived', (n) => this.onNotification(n as Notification)),
      () => this.center.stop(),
    );
    // Back online: try at once instead of waiting out Socket.IO's growing retry delay.
    const onOnline = () => {
      if (!this.socket.connected) reconnectAs(this.socket);
    };
    window.addEventListener('online', onOnline);
    this.cleanups.push(() => window.removeEventListener('online', onOnline));
    void this.session.store.load();
    void startAppLanguage().then(() => {
      this.languageReady = true;
      this.requestUpdate();
    });
  }

  protected override shouldUpdate(): boolean {
    return this.languageReady;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cleanups.splice(0).forEach((stop) => stop());
    this.socket.disconnect();
  }

  private onSessionChange(next: SessionState, previous: SessionState): void {
    if (identityChanged(next, previous)) reconnectAs(this.socket);
    this.center.enabled = next.status === 'signed-in';
    this.personalStream.stream = next.user ? streamName.user(next.user.id) : null;
    this.problem = next.error ? msg("We couldn't check whether you are signed in. {problem}", { problem: next.error.message }) : null;
    const route = this.route;
    // Signed in on the sign-in (or sign-up) page: back to where the person was.
    if (next.status === 'signed-in' && previous.status === 'signed-out' && (route.name === 'signin' || route.name === 'signup')) {
      navigate(route.next ?? '/', { replace: true });
      // The space may have been loaded signed out: read it again as the person (their role).
      this.syncSpace(true);
      return;
    }
    if (next.status !== 'loading') this.syncSpace(true);
  }

  private onNotification(n: Notification): void {
    // A decision on a held post is already said by the notice line (personal stream).
    if (n.kind === 'moderation') return;
    this.liveNote = msg('New notification: {headline}', { headline: notificationHeadline(n) });
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
    if (view?.localName === 'cp-sign-in-view') return (view as CpSignInView).focus();
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
    const slug = routeSlug(route) ?? (ACCOUNT_ROUTES.has(route.name) ? this.headerSlug() : null);
    if (!slug) return;
    if (force || slug !== this.space.slug) void this.loadSpace(slug);
  }

  /** On the person's own pages, the header shows the space they came from, or their first. */
  private headerSlug(): string | null {
    return this.space.slug ?? this.session.state.memberships[0]?.space.slug ?? null;
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

  /** A page asked for sign-in: the sign-in page, coming back here afterwards. */
  private showSignIn(): void {
    const here = location.pathname + location.search + location.hash;
    navigate(href.signIn(this.route.name === 'signin' || this.route.name === 'signup' ? null : here));
  }

  private onPersonalEvents(events: StreamEvent[]): void {
    for (const event of events) {
      if (event.type !== 'moderation:decided') continue;
      const kind = event.data.kind === 'wave' ? 'wave' : 'reply';
      this.notice =
        event.data.decision === 'approved'
          ? msg('{kind, select, wave {Your idea} other {Your reply}} was approved and everyone can see it now.', { kind })
          : event.data.reason
            ? msg('{kind, select, wave {Your idea} other {Your reply}} was not published: {reason}', { kind, reason: event.data.reason })
            : msg('{kind, select, wave {Your idea} other {Your reply}} was not published.', { kind });
    }
  }

  private async signOut(): Promise<void> {
    const result = await this.session.store.logout();
    this.problem = result.ok ? null : msg('Signing out failed. {problem}', { problem: result.error.message });
    // Unsent drafts stay on this device only for the person who wrote them.
    if (result.ok) {
      draftStorage.clearAll();
      tableDraftStorage.clearAll();
    }
  }

  private spaceTitle(): string {
    if (this.space.status === 'ready') return this.space.space.name;
    if (this.space.status === 'loading') return this.route.name === 'not-found' ? 'Commonplace' : msg('Loading space…');
    return this.space.error.code === ERROR_CODES.NOT_FOUND || this.space.error.code === ERROR_CODES.INVALID_INPUT
      ? msg('Space not found')
      : msg('Space unavailable');
  }

  /** The space's sections and the person's own pages; the current one is marked for screen readers and drawn as selected. */
  private renderSections(slug: string, name: string) {
    const route = this.route;
    const user = this.session.state.user;
    const inCafe = route.name === 'cafe' || route.name === 'table';
    const inIdeas = route.name === 'ideas' || route.name === 'new-wave' || route.name === 'wave' || route.name === 'search';
    const current = (page: boolean, inside = false) => (page ? 'page' : inside ? 'true' : nothing);
    const unread = this.center.unread;
    // Several spaces: the count is of all of them, and so is the list it leads to.
    const notificationsHref = this.session.state.memberships.length > 1 ? href.notifications(null) : href.notifications(slug);
    const mine = user !== null && route.name === 'profile' && route.userId === user.id;
    return html`<nav class="sections" aria-label=${msg('{space} sections', { space: name })}>
      <a href=${href.ideas(slug)} aria-current=${current(route.name === 'ideas', inIdeas)}>${msg('Ideas')}</a>
      <a href=${href.cafe(slug)} aria-current=${current(route.name === 'cafe', inCafe)}>${msg('Cafe')}</a>
      ${user
        ? html`<a href=${notificationsHref} aria-current=${current(route.name === 'notifications')}
              >${msg('Notifications')}${unread > 0
                ? html`<span class="badge" aria-hidden="true">${unread > 99 ? msg('{count}+', { count: 99 }) : i18n.number(unread)}</span
                    ><span class="visually-hidden">${msg(', {count} unread', { count: unread })}</span>`
                : nothing}</a
            >
            <a href=${href.profile(slug, user.id)} aria-current=${current(mine)}>${msg('Profile')}</a>`
        : nothing}
    </nav>`;
  }

  private renderAccount() {
    const { status, user } = this.session.state;
    if (status === 'loading') return nothing;
    if (status === 'signed-in' && user) {
      return html`<div class="account">
        <span class="account__who"
          ><cp-avatar size="sm" user-id=${user.id} name=${user.displayName}></cp-avatar><span class="visually-hidden">${msg('Signed in as')} </span><span class="account__name">${user.displayName}</span></span
        >
        <a class="account__link" href=${href.settings()} aria-current=${this.route.name === 'settings' ? 'page' : nothing}>${msg('Settings')}</a>
        <button class="button button--quiet" type="button" @click=${this.signOut}>${msg('Sign out')}</button>
      </div>`;
    }
    const route = this.route;
    const onAuthPage = route.name === 'signin' || route.name === 'signup';
    const next = onAuthPage ? route.next : routeHref(route);
    return html`<div class="account">
      <a class="button button--quiet" href=${href.signIn(next)} aria-current=${route.name === 'signin' ? 'page' : nothing}>${msg('Sign in')}</a>
      <a class="button" href=${href.signUp(next)} aria-current=${route.name === 'signup' ? 'page' : nothing}>${msg('Create account')}</a>
    </div>`;
  }

  private renderSpaceError(slug: string, error: ErrorBody) {
    switch (error.code) {
      case ERROR_CODES.NOT_FOUND:
      case ERROR_CODES.INVALID_INPUT:
        return html`<p>${msg('There is no space called “{slug}”. Check the address, or ask the brand for its link.', { slug })}</p>`;
      case ERROR_CODES.UNAUTHENTICATED:
        return html`<p>${msg('“{slug}” is a private space. Sign in with an account that belongs to it.', { slug })}</p>`;
      case ERROR_CODES.FORBIDDEN:
        return html`<p>${msg('“{slug}” is a private space, and your account is not a member of it.', { slug })}</p>`;
      default:
        return html`<p>${msg("We couldn't load this space. {problem}", { problem: error.message })}</p>
          <div><button class="button" type="button" @click=${this.retrySpace}>${msg('Try again')}</button></div>`;
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
      case 'profile':
        void loadProfileView();
        return keyed(
          route.userId,
          html`<cp-profile-view data-view .api=${this.api} .space=${space} .user=${user} userId=${route.userId} @cp-profile-saved=${this.onProfileSaved}></cp-profile-view>`,
        );
      case 'notifications':
        return this.renderNotifications(route.slug, route.unread, space.name);
      default:
        return nothing;
    }
  }

  private renderNotifications(slug: string | null, unread: boolean, spaceName = '') {
    return html`<cp-notifications-view
      data-view
      .api=${this.api}
      .center=${this.center}
      .user=${this.session.state.user}
      .slug=${slug}
      spaceName=${spaceName}
      ?unread=${unread}
      ?several-spaces=${this.session.state.memberships.length > 1}
    ></cp-notifications-view>`;
  }

  /** The person's own pages: they need a session, not a space. */
  private renderAccountPage() {
    const route = this.route;
    const { status, user } = this.session.state;
    if (status === 'loading') return html`<p class="muted" role="status">${msg('Loading…')}</p>`;
    switch (route.name) {
      case 'signin':
      case 'signup':
        return html`<cp-sign-in-view
          data-view
          mode=${route.name === 'signin' ? 'sign-in' : 'sign-up'}
          .next=${route.next}
          .session=${this.session.store}
          .user=${user}
        ></cp-sign-in-view>`;
      case 'settings':
        return html`<cp-settings-view
          data-view
          .api=${this.api}
          .user=${user}
          .memberships=${this.session.state.memberships}
          @cp-account-forgotten=${this.onForgotten}
        ></cp-settings-view>`;
      case 'notifications':
        return this.renderNotifications(null, route.unread);
      default:
        return nothing;
    }
  }

  /** "Forget me" went through: the server deleted the account and its cookie; sign out here too and say so. */
  private async onForgotten(): Promise<void> {
    draftStorage.clearAll();
    tableDraftStorage.clearAll();
    await this.session.store.load();
    this.notice = msg('Your account is deleted and you are signed out. What you wrote stays, as “Former member”.');
  }

  /** A new display name shows in the header at once (the session is read again). */
  private onProfileSaved(): void {
    void this.session.store.load();
  }

  private renderMain() {
    if (this.route.name === 'not-found') {
      return html`<section class="section space-error">
        <h2 class="section__title">${msg('Page not found')}</h2>
        <p>${msgRich('There is nothing at this address. {link}.', { link: html`<a href="/">${msg('Go to the ideas')}</a>` })}</p>
      </section>`;
    }
    if (ACCOUNT_ROUTES.has(this.route.name) && routeSlug(this.route) === null) return this.renderAccountPage();
    const load = this.space;
    if (load.status === 'loading') return html`<p class="muted" role="status">${msg('Loading the space…')}</p>`;
    if (load.status === 'error') {
      return html`<section class="section space-error" role="alert">${this.renderSpaceError(load.slug, load.error)}</section>`;
    }
    return this.renderPage(load.space);
  }

  private renderConnectionNote() {
    const state = this.connection.state;
    if (state === 'connected' || state === 'connecting') return nothing;
    return html`<p class="connection-note">
      ${state === 'offline'
        ? msg('You are offline. What you write is kept on this device, and you can send it when you are back.')
        : msg('The live connection dropped; reconnecting. What you write is kept, and nothing you missed is lost.')}
    </p>`;
  }

  override render() {
    const ready = this.space.status === 'ready' ? this.space : null;
    const accountPage = ACCOUNT_ROUTES.has(this.route.name) && routeSlug(this.route) === null;
    // On the person's own pages an unavailable space is no news: the header just leaves it out.
    const showSpace = ready !== null || !accountPage;
    const user = this.session.state.user;
    return html`<a class="skip-link" href="#main" @click=${this.skipToMain}>${msg('Skip to content')}</a>
      <header class="header">
        <div class="header__inner">
          <div class="header__titles">
            ${showSpace
              ? html`<a class="brand" href="/">Commonplace</a>
                  <h1 class="header__title">${ready ? html`<a href=${href.ideas(ready.slug)}>${this.spaceTitle()}</a>` : this.spaceTitle()}</h1>`
              : html`<h1 class="header__title"><a href="/">Commonplace</a></h1>`}
            ${user
              ? html`<cp-space-switcher
                  .memberships=${this.session.state.memberships}
                  current=${ready?.slug ?? ''}
                  .unread=${this.center.bySpace}
                  .hrefOf=${(slug: string) => href.ideas(slug)}
                ></cp-space-switcher>`
              : nothing}
          </div>
          <div class="header__tools">
            <cp-connection-status .state=${this.connection.state}></cp-connection-status>
            ${this.renderAccount()}
          </div>
          ${ready ? this.renderSections(ready.slug, ready.space.name) : nothing}
        </div>
        ${this.renderConnectionNote()}
        <p class="visually-hidden" role="status">${this.liveNote}</p>
      </header>
      <main class="main" id="main" tabindex="-1" @cp-sign-in-request=${this.showSignIn}>
        ${this.problem ? html`<p class="alert" role="alert">${this.problem}</p>` : nothing}
        <p class=${this.notice ? 'notice' : 'visually-hidden'} role="status">${this.notice}</p>
        ${this.renderMain()}
      </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-fan-app': CpFanApp;
  }
}
