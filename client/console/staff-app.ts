import { html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { hasRole } from '../../shared/roles.js';
import type { Membership } from '../../shared/schemas/auth.js';
import type { StreamEvent } from '../../shared/schemas/streams.js';
import { streamName } from '../../shared/streams.js';
import { AppElement } from '../base-element.js';
import '../components/cp-announcement-composer/cp-announcement-composer.js';
import '../components/cp-analytics/cp-analytics.js';
import '../components/cp-announcement-list/cp-announcement-list.js';
import '../components/cp-audit-log/cp-audit-log.js';
import '../components/cp-catalysts/cp-catalysts.js';
import '../components/cp-connection-status/cp-connection-status.js';
import '../components/cp-console-floor/cp-console-floor.js';
import '../components/cp-ideas-board/cp-ideas-board.js';
import '../components/cp-moderation-queue/cp-moderation-queue.js';
import '../components/cp-fan-card/cp-fan-card.js';
import '../components/cp-fan-card/cp-fan-panel.js';
import type { FanCardOpenDetail } from '../components/cp-fan-card/fan-card-events.js';
import '../components/cp-people-directory/cp-people-directory.js';
import '../components/cp-promise-list/cp-promise-list.js';
import '../components/cp-settings-form/cp-settings-form.js';
import '../components/cp-sign-in/cp-sign-in.js';
import { ConnectionController } from '../controllers/connection-controller.js';
import { identityChanged, SessionController } from '../controllers/session-controller.js';
import { StreamController } from '../controllers/stream-controller.js';
import { ApiClient } from '../services/api.js';
import { SessionStore, type SessionState } from '../services/session.js';
import { createSocket, reconnectAs } from '../services/socket.js';
import { fetchAnnouncements } from '../services/spaces.js';
import { shared } from '../styles/shared.js';
import { shell } from '../styles/shell.js';
import { tokens } from '../styles/tokens.js';
import type { ConsoleNavigateDetail } from './console-events.js';
import { ConsoleNavigation } from './console-navigation.js';
import { consoleHref, consoleLinks, matchConsoleRoute, routeSpace, type ConsoleRoute, type ConsoleSection } from './console-router.js';
import { styles } from './staff-app.styles.js';
import { pickStaffSpace, staffMemberships } from './staff-spaces.js';

const SECTION_TITLES: Record<ConsoleSection, string> = {
  announcements: 'Announcements',
  queue: 'Moderation queue',
  audit: 'Audit log',
  settings: 'Settings',
  people: 'People',
  person: 'Fan card',
  promises: 'Promises',
  floor: 'Floor',
  ideas: 'Ideas',
  catalysts: 'Catalysts',
  analytics: 'Analytics',
};

/**
 * @summary The staff console: pick a space you are staff of, then its announcements,
 * moderation queue, audit log and (admins) settings, each at its own /console address.
 */
@customElement('cp-staff-app')
export class CpStaffApp extends AppElement {
  static override styles = [tokens, shared, shell, styles];

  private readonly api = new ApiClient();
  private readonly socket = createSocket();
  private readonly session = new SessionController(this, new SessionStore(this.api), (next, previous) =>
    this.onSessionChange(next, previous),
  );
  private readonly connection = new ConnectionController(this, this.socket);
  private readonly announcements = new StreamController(this, this.socket);
  private readonly navigation = new ConsoleNavigation(({ push }) => this.onRouteChange(push));

  @query('main') private mainElement?: HTMLElement;

  @state() private route: ConsoleRoute = matchConsoleRoute(location);
  @state() private problem: string | null = null;
  @state() private loadedAnnouncements: StreamEvent[] = [];
  /** The fan card open in the side panel, beside whatever page is shown. */
  @state() private fanPanel: { slug: string; userId: string } | null = null;
  #fanPanelOpener: HTMLElement | null = null;
  private announcementsRequest = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.socket.active) this.socket.connect();
    this.navigation.start();
    void this.session.store.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.navigation.stop();
    this.socket.disconnect();
  }

  private get staff(): Membership[] {
    return staffMemberships(this.session.state.memberships);
  }

  /** The space the address names, when the person is staff there. */
  private get selected(): Membership | null {
    const slug = routeSpace(this.route);
    return slug ? (this.staff.find((m) => m.space.slug === slug) ?? null) : null;
  }

  private onSessionChange(next: SessionState, previous: SessionState): void {
    if (identityChanged(next, previous)) reconnectAs(this.socket);
    this.problem = next.error ? `We couldn't check whether you are signed in. ${next.error.message}` : null;
    this.applyRoute();
  }

  private async onRouteChange(push: boolean): Promise<void> {
    this.route = matchConsoleRoute(location);
    this.applyRoute();
    if (!push) return;
    await this.updateComplete;
    this.mainElement?.focus();
  }

  /** Sends `/console` (and old `?space=` links) to a space when the choice is clear, and follows the route's stream. */
  private applyRoute(): void {
    const route = this.route;
    if (route.name === 'home' && this.session.state.status === 'signed-in') {
      const pick = pickStaffSpace(route.space, this.staff);
      if (pick) {
        this.navigation.navigate(consoleLinks.announcements(pick.space.slug), { replace: true });
        return;
      }
    }
    const selected = this.selected;
    const wanted = selected && route.name === 'announcements' ? selected.space : null;
    if (!wanted) this.announcements.follow(null);
    else if (this.announcements.stream !== streamName.space(wanted.id)) void this.followAnnouncements(wanted);
    const section = route.name in SECTION_TITLES ? SECTION_TITLES[route.name as ConsoleSection] : null;
    document.title = [section, selected?.space.name, 'Commonplace staff console'].filter(Boolean).join(' · ');
  }

  /** Any console page can open a person's fan card beside itself (`cp-fan-card-open`). */
  private onFanCardOpen(event: CustomEvent<FanCardOpenDetail>): void {
    const slug = event.detail.slug ?? routeSpace(this.route);
    if (!slug) return;
    const opener = event.composedPath()[0];
    this.#fanPanelOpener = opener instanceof HTMLElement ? opener : null;
    this.fanPanel = { slug, userId: event.detail.userId };
  }

  private closeFanPanel(): void {
    this.fanPanel = null;
    this.#fanPanelOpener?.focus();
    this.#fanPanelOpener = null;
  }

  private onNavigate(event: CustomEvent<ConsoleNavigateDetail>): void {
    this.navigation.navigate(event.detail.href, { replace: event.detail.replace });
  }

  private skipToMain(event: Event): void {
    event.preventDefault();
    this.mainElement?.focus();
  }

  // The form that had focus is gone once signed in; put focus somewhere meaningful.
  private async onSignedIn(): Promise<void> {
    await this.updateComplete;
    this.mainElement?.focus();
  }

  private async signOut(): Promise<void> {
    const result = await this.session.store.logout();
    this.problem = result.ok ? null : `Signing out failed. ${result.error.message}`;
  }

  private renderAccount() {
    const { status, user } = this.session.state;
    if (status !== 'signed-in' || !user) return nothing;
    return html`<div class="account">
      <span>Signed in as <span class="account__name">${user.displayName}</span></span>
      <button class="button button--quiet" type="button" @click=${this.signOut}>Sign out</button>
    </div>`;
  }

  private renderSignedOut() {
    return html`<div class="intro">
      <p>Sign in with the account a space admin gave a staff role.</p>
      <div class="panel"><cp-sign-in .session=${this.session.store} @cp-signed-in=${this.onSignedIn}></cp-sign-in></div>
    </div>`;
  }

  private renderNoStaffRole() {
    return html`<div class="intro" role="status">
      <h2 class="section__title">No staff role yet</h2>
      <p>
        This console is for a space's staff. Your account has no staff or admin role in any space. Ask an admin of
        your brand's space to add you, or <a href="/">go to the fan app</a>.
      </p>
    </div>`;
  }

  private renderSpaceList(staff: Membership[]) {
    return html`<nav class="sidebar" aria-label="Your spaces">
      <h2 class="sidebar__title">Your spaces</h2>
      <ul class="spaces">
        ${staff.map(
          (m) => html`<li>
            <a
              class="spaces__link"
              href=${consoleLinks.announcements(m.space.slug)}
              aria-current=${this.selected?.space.id === m.space.id ? 'true' : nothing}
            >
              <span>${m.space.name}</span><span class="spaces__role">${m.role}</span>
            </a>
          </li>`,
        )}
      </ul>
    </nav>`;
  }

  private renderSections(membership: Membership) {
    const slug = membership.space.slug;
    const current = this.route.name;
    const links: [ConsoleSection, string][] = [
      ['announcements', consoleLinks.announcements(slug)],
      ['queue', consoleLinks.queue(slug)],
      ['audit', consoleLinks.audit(slug)],
      ['people', consoleLinks.people(slug)],
      ['promises', consoleLinks.promises(slug)],
      ['floor', consoleLinks.floor(slug)],
      ['ideas', consoleLinks.ideas(slug)],
      ['catalysts', consoleLinks.catalysts(slug)],
      ['analytics', consoleLinks.analytics(slug)],
    ];
    if (hasRole(membership.role, 'admin')) links.push(['settings', consoleLinks.settings(slug)]);
    return html`<nav class="sections" aria-label="${membership.space.name} sections">
      <ul class="sections__list">
        ${links.map(
          ([section, href]) => html`<li>
            <a class="sections__link" href=${href} aria-current=${current === section ? 'page' : nothing}>${SECTION_TITLES[section]}</a>
          </li>`,
        )}
      </ul>
    </nav>`;
  }

  /** The newest announcements over REST, then the space stream from its head: never a replay from the start. */
  private async followAnnouncements(space: { id: string; slug: string }): Promise<void> {
    const request = ++this.announcementsRequest;
    const news = await fetchAnnouncements(this.api, space.slug, 20);
    if (request !== this.announcementsRequest) return;
    this.loadedAnnouncements = news.ok ? news.data.items : [];
    this.announcements.follow(streamName.space(space.id), news.ok ? news.data.head : undefined);
  }

  private renderAnnouncements(membership: Membership) {
    const streamError = this.announcements.error;
    return html`<div class="section">
      <section class="section" aria-labelledby="compose-title">
        <h2 class="section__title" id="compose-title">Post an announcement</h2>
        <cp-announcement-composer .socket=${this.socket} space-id=${membership.space.id}></cp-announcement-composer>
      </section>
      <section class="section" aria-labelledby="recent-title">
        <h2 class="section__title" id="recent-title">Announcements</h2>
        ${streamError
          ? html`<p class="alert" role="alert">Live announcements are unavailable. ${streamError.message}</p>`
          : html`<cp-announcement-list
              label="Announcements in ${membership.space.name}"
              .events=${[...this.loadedAnnouncements, ...this.announcements.events.filter((e) => e.type === 'announcement:posted')]}
              ?loading=${this.announcements.stream === null}
            ></cp-announcement-list>`}
      </section>
    </div>`;
  }

  private renderSection(membership: Membership) {
    const route = this.route;
    const { slug, id } = membership.space;
    switch (route.name) {
      case 'announcements':
        return this.renderAnnouncements(membership);
      case 'queue':
        return html`<section class="section" aria-labelledby="section-title">
          <h2 class="section__title" id="section-title">Moderation queue</h2>
          <cp-moderation-queue
            .api=${this.api}
            .socket=${this.socket}
            .viewer=${this.session.state.user}
            slug=${slug}
            space-id=${id}
            tab=${route.tab}
          ></cp-moderation-queue>
        </section>`;
      case 'audit':
        return html`<section class="section" aria-labelledby="section-title">
          <h2 class="section__title" id="section-title">Audit log</h2>
          <cp-audit-log .api=${this.api} slug=${slug} space-name=${membership.space.name} .filters=${route.filters}></cp-audit-log>
        </section>`;
      case 'floor':
        return html`<section class="section" aria-labelledby="section-title">
          <h2 class="section__title" id="section-title">The floor</h2>
          <cp-console-floor
            .api=${this.api}
            .socket=${this.socket}
            .viewer=${this.session.state.user}
            slug=${slug}
            space-id=${id}
            .tableId=${route.tableId}
            .person=${route.person}
          ></cp-console-floor>
        </section>`;
      case 'ideas':
        return html`<section class="section" aria-labelledby="section-title">
          <h2 class="section__title" id="section-title">Ideas pipeline</h2>
          <cp-ideas-board .api=${this.api} slug=${slug}></cp-ideas-board>
        </section>`;
      case 'people':
        return html`<section class="section" aria-labelledby="section-title">
          <h2 class="section__title" id="section-title">People</h2>
          <cp-people-directory .api=${this.api} slug=${slug}></cp-people-directory>
        </section>`;
      case 'person':
        return html`<section class="section" aria-label="Fan card">
          <p><a href=${consoleLinks.people(slug)}>← All people</a></p>
          <cp-fan-card .api=${this.api} slug=${slug} user-id=${route.userId} heading-level="2"></cp-fan-card>
        </section>`;
      case 'promises':
        return html`<section class="section" aria-labelledby="section-title">
          <h2 class="section__title" id="section-title">Promises</h2>
          <cp-promise-list .api=${this.api} slug=${slug}></cp-promise-list>
        </section>`;
      case 'catalysts':
        return html`<section class="section" aria-labelledby="section-title">
          <h2 class="section__title" id="section-title">Catalysts</h2>
          <p class="muted">Who makes others contribute: quiet people first. Raise them up.</p>
          <cp-catalysts .api=${this.api} slug=${slug} .days=${route.days}></cp-catalysts>
        </section>`;
      case 'analytics':
        return html`<section class="section" aria-labelledby="section-title">
          <h2 class="section__title" id="section-title">Analytics</h2>
          <cp-analytics .api=${this.api} slug=${slug} .days=${route.days}></cp-analytics>
        </section>`;
      case 'settings':
        return html`<section class="section" aria-labelledby="section-title">
          <h2 class="section__title" id="section-title">Settings</h2>
          ${hasRole(membership.role, 'admin')
            ? html`<cp-settings-form .api=${this.api} slug=${slug}></cp-settings-form>`
            : html`<p class="muted" role="status">Only admins of this space can change its settings. Ask one of them.</p>`}
        </section>`;
      default:
        return nothing;
    }
  }

  private renderWork() {
    const route = this.route;
    const membership = this.selected;
    if (route.name === 'not-found') {
      return html`<div class="intro" role="status">
        <h2 class="section__title">Page not found</h2>
        <p>There is no console page at this address. <a href=${consoleHref({ name: 'home', space: null })}>Go to the console’s start</a>.</p>
      </div>`;
    }
    if (route.name === 'home') return html`<p class="muted">Pick a space to work in.</p>`;
    if (!membership) {
      return html`<div class="intro" role="status">
        <h2 class="section__title">Not staff here</h2>
        <p>You have no staff role in the space “${routeSpace(route)}”. Pick one of your spaces.</p>
      </div>`;
    }
    return html`<div class="work">${this.renderSections(membership)} ${this.renderSection(membership)}</div>`;
  }

  private renderBody() {
    const { status } = this.session.state;
    if (status === 'loading') return html`<p class="muted" role="status">Checking your sign-in…</p>`;
    if (status === 'signed-out') return this.renderSignedOut();
    const staff = this.staff;
    if (staff.length === 0) return this.renderNoStaffRole();
    return html`<div class="workspace">${this.renderSpaceList(staff)} ${this.renderWork()}</div>`;
  }

  override render() {
    return html`<a class="skip-link" href="#main" @click=${this.skipToMain}>Skip to content</a>
      <header class="header">
        <div class="header__inner">
          <div class="header__titles">
            <a class="brand" href="/console">Commonplace</a>
            <span class="badge">Staff console</span>
            <h1 class="header__title">${this.selected?.space.name ?? 'Staff console'}</h1>
          </div>
          <div class="header__tools">
            <cp-connection-status .state=${this.connection.state}></cp-connection-status>
            ${this.renderAccount()}
          </div>
        </div>
      </header>
      <main class="main" id="main" tabindex="-1" @cp-console-navigate=${this.onNavigate} @cp-fan-card-open=${this.onFanCardOpen}>
        ${this.problem ? html`<p class="alert" role="alert">${this.problem}</p>` : nothing} ${this.renderBody()}
      </main>
      ${this.fanPanel && this.session.state.status === 'signed-in'
        ? html`<cp-fan-panel
            .api=${this.api}
            slug=${this.fanPanel.slug}
            user-id=${this.fanPanel.userId}
            @cp-fan-panel-close=${this.closeFanPanel}
            @cp-fan-card-open=${this.onFanCardOpen}
          ></cp-fan-panel>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-staff-app': CpStaffApp;
  }
}
