import { html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ERROR_CODES, type ErrorBody } from '../../shared/errors.js';
import type { Space } from '../../shared/schemas/spaces.js';
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
import { fetchSpace } from '../services/spaces.js';
import { shared } from '../styles/shared.js';
import { shell } from '../styles/shell.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './fan-app.styles.js';
import { chooseSpaceSlug } from './space-slug.js';

type SpaceLoad =
  | { status: 'loading'; slug: string | null }
  | { status: 'ready'; slug: string; space: Space }
  | { status: 'error'; slug: string; error: ErrorBody };

/**
 * @summary The fan app: one space's live announcements, with sign-in.
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
  private readonly announcements = new StreamController(this, this.socket);
  private spaceRequest = 0;

  @query('main') private mainElement?: HTMLElement;
  @query('cp-sign-in') private signInElement?: CpSignIn;

  @state() private space: SpaceLoad = { status: 'loading', slug: null };
  @state() private problem: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.socket.active) this.socket.connect();
    void this.session.store.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.socket.disconnect();
  }

  private onSessionChange(next: SessionState, previous: SessionState): void {
    if (identityChanged(next, previous)) reconnectAs(this.socket);
    this.problem = next.error ? `We couldn't check whether you are signed in. ${next.error.message}` : null;
    if (next.status !== 'loading') void this.loadSpace();
  }

  private async loadSpace(): Promise<void> {
    const slug = chooseSpaceSlug(location.search, this.session.state.memberships);
    const request = ++this.spaceRequest;
    if (this.space.slug !== slug) this.space = { status: 'loading', slug };
    const result = await fetchSpace(this.api, slug);
    if (request !== this.spaceRequest) return;
    if (!result.ok) {
      this.space = { status: 'error', slug, error: result.error };
      this.announcements.stream = null;
      document.title = 'Commonplace';
      return;
    }
    this.space = { status: 'ready', slug, space: result.data };
    this.announcements.stream = streamName.space(result.data.id);
    document.title = `${result.data.name} · Commonplace`;
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

  private showSignIn(): void {
    this.signInElement?.focus();
  }

  private async signOut(): Promise<void> {
    const result = await this.session.store.logout();
    this.problem = result.ok ? null : `Signing out failed. ${result.error.message}`;
  }

  private spaceTitle(): string {
    if (this.space.status === 'ready') return this.space.space.name;
    if (this.space.status === 'loading') return 'Loading space…';
    return this.space.error.code === ERROR_CODES.NOT_FOUND || this.space.error.code === ERROR_CODES.INVALID_INPUT
      ? 'Space not found'
      : 'Space unavailable';
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
          <div><button class="button" type="button" @click=${this.loadSpace}>Try again</button></div>`;
    }
  }

  private renderSpace() {
    const load = this.space;
    if (load.status === 'loading') return html`<p class="muted" role="status">Loading the space…</p>`;
    if (load.status === 'error') {
      return html`<section class="section space-error" role="alert">${this.renderSpaceError(load.slug, load.error)}</section>`;
    }
    const streamError = this.announcements.error;
    return html`<section class="section" aria-labelledby="announcements-title">
      <h2 class="section__title" id="announcements-title">Announcements</h2>
      ${streamError
        ? html`<p class="alert" role="alert">Live announcements are unavailable. ${streamError.message}</p>`
        : html`<cp-announcement-list
            label="Announcements from ${load.space.name}"
            .events=${this.announcements.events}
            ?loading=${!this.announcements.ready}
          ></cp-announcement-list>`}
    </section>`;
  }

  override render() {
    const signedOut = this.session.state.status === 'signed-out';
    return html`<a class="skip-link" href="#main" @click=${this.skipToMain}>Skip to content</a>
      <header class="header">
        <div class="header__inner">
          <div class="header__titles">
            <a class="brand" href="/">Commonplace</a>
            <h1 class="header__title">${this.spaceTitle()}</h1>
          </div>
          <div class="header__tools">
            <cp-connection-status .state=${this.connection.state}></cp-connection-status>
            ${this.renderAccount()}
          </div>
        </div>
      </header>
      <main class="main ${signedOut ? 'main--with-aside' : ''}" id="main" tabindex="-1">
        <div class="section">
          ${this.problem ? html`<p class="alert" role="alert">${this.problem}</p>` : nothing} ${this.renderSpace()}
        </div>
        ${signedOut
          ? html`<aside class="panel" aria-label="Your account">
              <cp-sign-in .session=${this.session.store} @cp-signed-in=${this.onSignedIn}></cp-sign-in>
            </aside>`
          : nothing}
      </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-fan-app': CpFanApp;
  }
}
