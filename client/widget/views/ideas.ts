import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ErrorBody } from '../../../shared/errors.js';
import type { Space } from '../../../shared/schemas/spaces.js';
import type { StreamEvent } from '../../../shared/schemas/streams.js';
import type { WaveSummary } from '../../../shared/schemas/waves.js';
import { streamName } from '../../../shared/streams.js';
import { ConnectionController } from '../../controllers/connection-controller.js';
import { StreamController } from '../../controllers/stream-controller.js';
import { fetchSpace } from '../../services/spaces.js';
import { listWaves, setSupport } from '../../services/waves.js';
import { tokens } from '../../styles/tokens.js';
import { statusLabel } from '../../waves/status.js';
import type { EmbedHost, MountedView, MountView } from '../host.js';
import { connectionBadge, credit, signInBar } from '../runtime/chrome.js';
import { WidgetSession } from '../runtime/session.js';
import { ViewHost } from '../runtime/view-host.js';
import { widgetStyles, widgetTokens } from '../runtime/widget.styles.js';

const SHOWN = 10;

/** The `reason` of `commonplace-sign-in-requested` (docs/widget.md). */
const SIGN_IN_REASON = 'support ideas'; // not user-visible: an event's detail for the brand

type Load = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: ErrorBody };

/**
 * `view="ideas"`: the space's hottest ideas with their supporters and replies, live; signed-in
 * visitors support them from here.
 */
class IdeasView extends ViewHost {
  readonly session: WidgetSession;
  readonly #connection: ConnectionController;
  readonly #stream: StreamController;
  #space: Space | null = null;
  #items: WaveSummary[] = [];
  #load: Load = { status: 'loading' };
  #busy = new Set<string>();
  #notice = '';
  #ready = false;

  constructor(private readonly host: EmbedHost) {
    super(host.container, host.shadowRoot, [tokens, widgetTokens, widgetStyles]);
    this.session = new WidgetSession(host, () => this.#onSession(), this.l);
    this.#connection = new ConnectionController(this, this.session.socket);
    this.#stream = new StreamController(this, this.session.socket, { from: 'now', keep: 0, onEvents: (events) => this.#apply(events) });
  }

  start(): void {
    const language = this.useLanguage(this.host.settings().lang).then(() => this.connect());
    void Promise.all([language, this.session.start()]).then(() => this.#reload());
  }

  #onSession(): void {
    this.requestUpdate();
    // Signed in or out: who supports what changed.
    if (this.#load.status !== 'loading' && this.session.status !== 'signing-in') void this.#reload();
  }

  async #reload(): Promise<void> {
    const { space: slug } = this.host.settings();
    const [space, page] = await Promise.all([
      this.#space ? null : fetchSpace(this.session.api, slug),
      listWaves(this.session.api, slug, { sort: 'hot', status: null, tag: null, supported: false }, null, SHOWN),
    ]);
    if (space) {
      if (!space.ok) return this.#fail(space.error);
      this.#space = space.data;
      // Counts move on the space stream; follow it from now (events meanwhile only nudge counts).
      this.#stream.follow(streamName.space(space.data.id));
    }
    if (!page.ok) return this.#fail(page.error);
    this.#items = page.data.items;
    this.#load = { status: 'ready' };
    this.requestUpdate();
    if (!this.#ready) {
      this.#ready = true;
      await this.updateComplete;
      this.host.emit('commonplace-ready', { view: 'ideas', space: slug });
    }
  }

  #fail(error: ErrorBody): void {
    this.#load = { status: 'error', error };
    this.requestUpdate();
    this.host.emit('commonplace-error', { code: error.code, message: error.message });
  }

  #apply(events: StreamEvent[]): void {
    for (const event of events) {
      if (event.type === 'wave:counts') {
        const { waveId, supporters, replies, contributors } = event.data;
        this.#items = this.#items.map((w) => (w.id === waveId ? { ...w, supporters, replies, contributors } : w));
      } else if (event.type === 'wave:status-changed') {
        const { waveId, status } = event.data;
        this.#items = this.#items.map((w) => (w.id === waveId ? { ...w, status } : w));
      } else if (event.type === 'wave:created' && !this.#items.some((w) => w.id === event.data.wave.id)) {
        this.#notice = this.l.msg('New idea: {title}', { title: event.data.wave.title });
        this.#items = [event.data.wave, ...this.#items].slice(0, SHOWN);
      }
    }
    this.requestUpdate();
  }

  async #toggleSupport(wave: WaveSummary): Promise<void> {
    if (!this.session.signedIn) return this.session.requestSignIn(SIGN_IN_REASON);
    this.#busy.add(wave.id);
    this.requestUpdate();
    let result = await setSupport(this.session.api, wave.id, !wave.viewerSupports);
    if (!result.ok && result.error.code === 'UNAUTHENTICATED' && (await this.session.renew())) {
      result = await setSupport(this.session.api, wave.id, !wave.viewerSupports);
    }
    this.#busy.delete(wave.id);
    if (result.ok) {
      const { supporters, supported } = result.data as { supporters: number; supported: boolean };
      this.#items = this.#items.map((w) => (w.id === wave.id ? { ...w, supporters, viewerSupports: supported } : w));
      this.#notice = supported
        ? this.l.msg('You support “{title}”.', { title: wave.title })
        : this.l.msg('You no longer support “{title}”.', { title: wave.title });
    } else {
      this.#notice = result.error.message;
      this.host.emit('commonplace-error', { code: result.error.code, message: result.error.message });
    }
    this.requestUpdate();
  }

  #idea(wave: WaveSummary) {
    const slug = this.host.settings().space;
    const href = `${this.host.serverOrigin}/s/${encodeURIComponent(slug)}/waves/${encodeURIComponent(wave.id)}`;
    const busy = this.#busy.has(wave.id);
    return html`<li class="cp-item" part="item" data-id=${wave.id}>
      <div>
        <a class="cp-item__title" href=${href} target="_blank" rel="noopener">${wave.title}</a>
        <div class="cp-meta">
          <span class="cp-status">${statusLabel(wave.status, this.l)}</span>
          <span data-count="replies">${this.l.msg('{count, plural, one {# reply} other {# replies}}', { count: wave.replies })}</span>
        </div>
      </div>
      <button
        class="cp-button cp-button--quiet"
        part="button"
        type="button"
        aria-pressed=${wave.viewerSupports ? 'true' : 'false'}
        aria-label=${this.l.msg('Support “{title}”, {count, plural, one {# supporter} other {# supporters}}', { title: wave.title, count: wave.supporters })}
        ?disabled=${busy}
        @click=${() => void this.#toggleSupport(wave)}
      >
        ▲ <span data-count="supporters">${this.l.number(wave.supporters)}</span>
      </button>
    </li>`;
  }

  protected template() {
    const slug = this.host.settings().space;
    const body =
      this.#load.status === 'loading'
        ? html`<p class="muted" aria-busy="true">${this.l.msg('Loading ideas…')}</p>`
        : this.#load.status === 'error'
          ? html`<p class="cp-alert" role="alert">${this.l.msg("These ideas aren't available. {problem}", { problem: this.#load.error.message })}</p>`
          : this.#items.length === 0
            ? html`<p class="muted">${this.l.msg('No ideas yet. Be the first to bring one.')}</p>`
            : html`<ol class="cp-list" aria-label=${this.l.msg('Ideas')}>${repeat(this.#items, (w) => w.id, (w) => this.#idea(w))}</ol>`;
    return html`<section
      class="cp-frame"
      aria-label=${this.#space ? this.l.msg('Ideas from {space}', { space: this.#space.name }) : this.l.msg('Ideas from the community')}
    >
      <div class="cp-top">
        <h2>${this.#space ? this.l.msg('Ideas for {space}', { space: this.#space.name }) : this.l.msg('Ideas')}</h2>
        ${connectionBadge(this.#connection.state, this.l)}
      </div>
      ${body}
      <p class="visually-hidden" role="status" aria-live="polite">${this.#notice}</p>
      ${this.#load.status === 'ready' ? signInBar(this.session, this.l, SIGN_IN_REASON, this.l.msg('Sign in to support ideas')) : nothing}
      ${credit(this.host.serverOrigin, `/s/${encodeURIComponent(slug)}`, this.l)}
    </section>`;
  }

  destroy(): void {
    this.disconnect();
    this.session.destroy();
  }
}

export const mount: MountView = (host): MountedView => {
  const view = new IdeasView(host);
  view.start();
  return { signIn: () => view.session.signIn(), signOut: () => view.session.signOut(), destroy: () => view.destroy() };
};
