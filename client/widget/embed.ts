import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ErrorBody } from '../../shared/errors.js';
import type { Space } from '../../shared/schemas/spaces.js';
import { AppElement } from '../base-element.js';
import '../components/cp-connection-status/cp-connection-status.js';
import { ConnectionController } from '../controllers/connection-controller.js';
import { ApiClient } from '../services/api.js';
import { createSocket } from '../services/socket.js';
import { fetchSpace } from '../services/spaces.js';
import { shared } from '../styles/shared.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './embed.styles.js';

// The bundle's own URL names the Commonplace server; document.currentScript is null for module scripts.
const serverOrigin = new URL(import.meta.url).origin;

type SpaceLoad = { status: 'loading' } | { status: 'ready'; space: Space } | { status: 'error'; error: ErrorBody };

/**
 * @summary A Commonplace space embedded in another site: anonymous and read-only for now.
 * @fires cp-space-loaded - The space was found; `detail.space` describes it.
 * @fires cp-space-error - The space could not be loaded; `detail.error` says why.
 * @csspart frame - The widget's outer box.
 */
@customElement('commonplace-embed')
export class CommonplaceEmbed extends AppElement {
  static override styles = [tokens, shared, styles];

  private readonly api = new ApiClient({ baseUrl: serverOrigin, credentials: 'omit' });
  private readonly socket = createSocket({ url: serverOrigin, withCredentials: false });
  private readonly connection = new ConnectionController(this, this.socket);
  private request = 0;

  @state() private load: SpaceLoad = { status: 'loading' };

  /** Slug of the space to show, e.g. `demo`. */
  @property({ reflect: true }) space = '';

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.socket.active) this.socket.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.socket.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('space') || !this.hasUpdated) void this.fetch(this.space.trim());
  }

  private async fetch(slug: string): Promise<void> {
    const request = ++this.request;
    if (!slug) return this.fail({ code: 'INVALID_INPUT', message: 'Set the space attribute to a space slug.' });
    this.load = { status: 'loading' };
    const result = await fetchSpace(this.api, slug);
    if (request !== this.request) return;
    if (!result.ok) return this.fail(result.error);
    this.load = { status: 'ready', space: result.data };
    this.emit('cp-space-loaded', { space: result.data });
  }

  private fail(error: ErrorBody): void {
    this.load = { status: 'error', error };
    this.emit('cp-space-error', { error });
  }

  private renderName() {
    switch (this.load.status) {
      case 'loading':
        return html`<p class="embed__name">Loading…</p>`;
      case 'error':
        return html`<p class="alert" role="alert">This conversation isn't available. ${this.load.error.message}</p>`;
      case 'ready':
        return html`<h2 class="embed__name">${this.load.space.name}</h2>`;
    }
  }

  override render() {
    const ready = this.load.status === 'ready';
    return html`<section class="embed" part="frame" aria-label="Commonplace conversation">
      <div class="embed__top">
        ${this.renderName()}
        ${ready ? html`<cp-connection-status .state=${this.connection.state}></cp-connection-status>` : nothing}
      </div>
      <p class="embed__credit">
        Live on <a href=${`${serverOrigin}/?space=${encodeURIComponent(this.space)}`} target="_blank" rel="noopener">Commonplace</a>
      </p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'commonplace-embed': CommonplaceEmbed;
  }
}
