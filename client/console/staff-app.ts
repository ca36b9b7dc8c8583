import { html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { Membership } from '../../shared/schemas/auth.js';
import { streamName } from '../../shared/streams.js';
import { AppElement } from '../base-element.js';
import '../components/cp-announcement-composer/cp-announcement-composer.js';
import '../components/cp-announcement-list/cp-announcement-list.js';
import '../components/cp-connection-status/cp-connection-status.js';
import '../components/cp-sign-in/cp-sign-in.js';
import { ConnectionController } from '../controllers/connection-controller.js';
import { identityChanged, SessionController } from '../controllers/session-controller.js';
import { StreamController } from '../controllers/stream-controller.js';
import { ApiClient } from '../services/api.js';
import { SessionStore, type SessionState } from '../services/session.js';
import { createSocket, reconnectAs } from '../services/socket.js';
import { shared } from '../styles/shared.js';
import { shell } from '../styles/shell.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './staff-app.styles.js';
import { pickStaffSpace, staffMemberships } from './staff-spaces.js';

/**
 * @summary The staff console: pick a space you are staff of, watch its connection, post announcements.
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

  @query('main') private mainElement?: HTMLElement;

  @state() private selected: Membership | null = null;
  @state() private problem: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.socket.active) this.socket.connect();
    window.addEventListener('popstate', this.syncSelection);
    void this.session.store.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.syncSelection);
    this.socket.disconnect();
  }

  private get staff(): Membership[] {
    return staffMemberships(this.session.state.memberships);
  }

  private onSessionChange(next: SessionState, previous: SessionState): void {
    if (identityChanged(next, previous)) reconnectAs(this.socket);
    this.problem = next.error ? `We couldn't check whether you are signed in. ${next.error.message}` : null;
    this.syncSelection();
  }

  private syncSelection = (): void => {
    this.select(pickStaffSpace(location.search, this.staff));
  };

  private select(membership: Membership | null): void {
    this.selected = membership;
    this.announcements.stream = membership ? streamName.space(membership.space.id) : null;
    document.title = membership ? `${membership.space.name} · Commonplace staff console` : 'Commonplace staff console';
  }

  private onPick(event: MouseEvent, membership: Membership): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    history.pushState(null, '', `?space=${encodeURIComponent(membership.space.slug)}`);
    this.select(membership);
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
    return html`<nav aria-label="Your spaces">
      <h2 class="section__title">Your spaces</h2>
      <ul class="spaces">
        ${staff.map(
          (m) => html`<li>
            <a
              class="spaces__link"
              href="?space=${encodeURIComponent(m.space.slug)}"
              aria-current=${this.selected?.space.id === m.space.id ? 'page' : nothing}
              @click=${(e: MouseEvent) => this.onPick(e, m)}
            >
              <span>${m.space.name}</span><span class="spaces__role">${m.role}</span>
            </a>
          </li>`,
        )}
      </ul>
    </nav>`;
  }

  private renderSelected() {
    const membership = this.selected;
    if (!membership) return html`<p class="muted">Pick a space to work in.</p>`;
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
              .events=${this.announcements.events}
              ?loading=${!this.announcements.ready}
            ></cp-announcement-list>`}
      </section>
    </div>`;
  }

  private renderBody() {
    const { status } = this.session.state;
    if (status === 'loading') return html`<p class="muted" role="status">Checking your sign-in…</p>`;
    if (status === 'signed-out') return this.renderSignedOut();
    const staff = this.staff;
    if (staff.length === 0) return this.renderNoStaffRole();
    return html`<div class="workspace">${this.renderSpaceList(staff)} ${this.renderSelected()}</div>`;
  }

  override render() {
    return html`<a class="skip-link" href="#main" @click=${this.skipToMain}>Skip to content</a>
      <header class="header">
        <div class="header__inner">
          <div class="header__titles">
            <a class="brand" href="/console/">Commonplace</a>
            <span class="badge">Staff console</span>
            <h1 class="header__title">${this.selected?.space.name ?? 'Staff console'}</h1>
          </div>
          <div class="header__tools">
            <cp-connection-status .state=${this.connection.state}></cp-connection-status>
            ${this.renderAccount()}
          </div>
        </div>
      </header>
      <main class="main" id="main" tabindex="-1">
        ${this.problem ? html`<p class="alert" role="alert">${this.problem}</p>` : nothing} ${this.renderBody()}
      </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-staff-app': CpStaffApp;
  }
}
