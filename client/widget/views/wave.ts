import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { ErrorBody } from '../../../shared/errors.js';
import type { StreamEvent } from '../../../shared/schemas/streams.js';
import type { Blip, WaveDetail } from '../../../shared/schemas/waves.js';
import { streamName } from '../../../shared/streams.js';
import { ConnectionController } from '../../controllers/connection-controller.js';
import { StreamController } from '../../controllers/stream-controller.js';
import { listBlips, postBlip } from '../../services/blips.js';
import { createProvider } from '../../services/collab.js';
import { newIdempotencyKey } from '../../services/idempotency.js';
import { getWave, setSupport } from '../../services/waves.js';
import { tokens } from '../../styles/tokens.js';
import { bodyStyles, renderBody } from '../../text/render-markdown.js';
import { relativeTime } from '../../text/relative-time.js';
import { statusLabel } from '../../waves/status.js';
import type { EmbedHost, MountedView, MountView } from '../host.js';
import { connectionBadge, credit, signInBar } from '../runtime/chrome.js';
import { renderDocument } from '../runtime/doc-render.js';
import { WidgetSession } from '../runtime/session.js';
import { ViewHost } from '../runtime/view-host.js';
import { waveStyles, widgetStyles, widgetTokens } from '../runtime/widget.styles.js';

type Load = { status: 'loading' } | { status: 'ready'; wave: WaveDetail } | { status: 'error'; error: ErrorBody };

/**
 * `view="wave" wave="<id>"`: one wave: its idea document (live), its replies (live), support,
 * and for signed-in visitors a reply box and co-editing the document (the editor loads when
 * they choose to edit).
 */
class WaveView extends ViewHost {
  readonly session: WidgetSession;
  readonly #connection: ConnectionController;
  readonly #stream: StreamController;
  readonly #doc = new Y.Doc();
  #provider: WebsocketProvider | null = null;
  #load: Load = { status: 'loading' };
  #blips = new Map<string, Blip>();
  #order: string[] = [];
  #draft = '';
  #sending = false;
  #replyError = '';
  #notice = '';
  #editing: 'no' | 'loading' | 'yes' = 'no';
  #ready = false;

  constructor(private readonly host: EmbedHost) {
    super(host.container, host.shadowRoot, [tokens, widgetTokens, widgetStyles, waveStyles, bodyStyles]);
    this.session = new WidgetSession(host, () => this.#onSession(), this.l);
    this.#connection = new ConnectionController(this, this.session.socket);
    this.#stream = new StreamController(this, this.session.socket, { from: 'now', keep: 0, onEvents: (events) => this.#apply(events) });
    this.#doc.on('update', () => this.requestUpdate());
  }

  get #waveId(): string {
    return this.host.settings().wave ?? '';
  }

  start(): void {
    const language = this.useLanguage(this.host.settings().lang).then(() => this.connect());
    void Promise.all([language, this.session.start()]).then(() => this.#reload());
  }

  #onSession(): void {
    this.requestUpdate();
    if (this.session.status === 'signing-in' || this.#load.status === 'loading') return;
    // The document socket carries the sign-in too: reopen it as the new person.
    this.#openDocument();
    this.#editing = 'no';
    void this.#reload();
  }

  async #reload(): Promise<void> {
    const id = this.#waveId;
    if (!id) return this.#fail({ code: 'INVALID_INPUT', message: this.l.msg('Set the wave attribute to the id of a wave.') });
    // Follow the wave from now, then read it: nothing that happens in between is missed.
    this.#stream.follow(streamName.wave(id));
    const [wave, blips] = await Promise.all([getWave(this.session.api, id), listBlips(this.session.api, id, null)]);
    if (!wave.ok) return this.#fail(wave.error);
    if (blips.ok) {
      this.#blips = new Map(blips.data.items.map((b) => [b.id, b]));
      this.#order = blips.data.items.map((b) => b.id);
    }
    this.#load = { status: 'ready', wave: wave.data };
    if (!this.#provider) this.#openDocument();
    this.requestUpdate();
    if (!this.#ready) {
      this.#ready = true;
      await this.updateComplete;
      this.host.emit('commonplace-ready', { view: 'wave', space: this.host.settings().space });
    }
  }

  #openDocument(): void {
    this.#provider?.destroy();
    this.#provider = createProvider(`wave:${this.#waveId}`, this.#doc, { origin: this.host.serverOrigin, token: this.session.api.bearerToken });
  }

  #fail(error: ErrorBody): void {
    this.#load = { status: 'error', error };
    this.requestUpdate();
    this.host.emit('commonplace-error', { code: error.code, message: error.message });
  }

  #apply(events: StreamEvent[]): void {
    if (this.#load.status !== 'ready') return;
    let wave = this.#load.wave;
    for (const event of events) {
      switch (event.type) {
        case 'blip:created':
        case 'blip:edited': {
          const blip = event.data.blip;
          if (!this.#blips.has(blip.id)) {
            this.#order = this.#insertInOrder(blip);
            if (event.type === 'blip:created') this.#notice = this.l.msg('{name} replied.', { name: blip.author.displayName });
          }
          this.#blips.set(blip.id, blip);
          break;
        }
        case 'blip:deleted': {
          const blip = this.#blips.get(event.data.blipId);
          if (blip) this.#blips.set(blip.id, { ...blip, deleted: true, body: '' });
          break;
        }
        case 'wave:counts':
          wave = { ...wave, supporters: event.data.supporters, replies: event.data.replies, contributors: event.data.contributors };
          break;
        case 'wave:status-changed':
          wave = { ...wave, status: event.data.status };
          this.#notice = this.l.msg('Status: {status}. {reason}', { status: statusLabel(event.data.status, this.l), reason: event.data.change.reason });
          break;
        default:
          break;
      }
    }
    this.#load = { status: 'ready', wave };
    this.requestUpdate();
  }

  /** Replies go after their parent's last descendant; top-level ones at the end. */
  #insertInOrder(blip: Blip): string[] {
    if (!blip.parentId || !this.#order.includes(blip.parentId)) return [...this.#order, blip.id];
    const isUnder = (id: string): boolean => {
      for (let p = this.#blips.get(id)?.parentId ?? null; p; p = this.#blips.get(p)?.parentId ?? null) if (p === blip.parentId) return true;
      return false;
    };
    let at = this.#order.indexOf(blip.parentId) + 1;
    while (at < this.#order.length && isUnder(this.#order[at]!)) at++;
    return [...this.#order.slice(0, at), blip.id, ...this.#order.slice(at)];
  }

  #depth(blip: Blip): number {
    let depth = 0;
    for (let p = blip.parentId; p && depth < 6; p = this.#blips.get(p)?.parentId ?? null) depth++;
    return depth;
  }

  async #support(): Promise<void> {
    if (this.#load.status !== 'ready') return;
    if (!this.session.signedIn) return this.session.requestSignIn('support this idea'); // not user-visible: the event's reason for the brand
    const wave = this.#load.wave;
    const result = await setSupport(this.session.api, wave.id, !wave.viewerSupports);
    if (result.ok && this.#load.status === 'ready') {
      this.#load = { status: 'ready', wave: { ...this.#load.wave, supporters: result.data.supporters, viewerSupports: result.data.supported } };
      this.#notice = result.data.supported ? this.l.msg('You support this idea.') : this.l.msg('You no longer support this idea.');
    } else if (!result.ok) this.#notice = result.error.message;
    this.requestUpdate();
  }

  async #reply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const body = this.#draft.trim();
    if (!body || this.#sending) return;
    this.#sending = true;
    this.#replyError = '';
    this.requestUpdate();
    const result = await postBlip(this.session.socket, { waveId: this.#waveId, body, idempotencyKey: newIdempotencyKey() });
    this.#sending = false;
    if (result.ok) {
      // Stored: the reply box empties only now.
      this.#draft = '';
      const blip = result.data.blip;
      if (!this.#blips.has(blip.id)) this.#order = this.#insertInOrder(blip);
      this.#blips.set(blip.id, blip);
      this.#notice = blip.visibility === 'held' ? this.l.msg('Your reply waits for a moderator.') : this.l.msg('Your reply is posted.');
    } else {
      this.#replyError = result.error.message;
    }
    this.requestUpdate();
  }

  async #edit(): Promise<void> {
    this.#editing = 'loading';
    this.requestUpdate();
    // The editor (ProseMirror) is only fetched by people who edit.
    await import('../../components/cp-idea-editor/cp-idea-editor.js');
    this.#editing = 'yes';
    this.requestUpdate();
  }

  #blip(blip: Blip) {
    const depth = this.#depth(blip);
    return html`<li class="blip" part="reply" style=${`--depth:${depth}`} data-id=${blip.id}>
      <p class="cp-meta"><strong>${blip.author.displayName}</strong> <span>${relativeTime(blip.createdAt, undefined, this.l)}</span>
        ${blip.visibility === 'held' ? html`<span>· ${this.l.msg('waiting for review')}</span>` : nothing}</p>
      ${blip.deleted ? html`<p class="muted">${this.l.msg('Deleted')}</p>` : html`<div class="body">${renderBody(blip.body, blip.mentions)}</div>`}
    </li>`;
  }

  #document(wave: WaveDetail) {
    if (this.#editing === 'yes' && this.session.signedIn && wave.viewerCanEdit) {
      return html`<cp-idea-editor .doc=${this.#doc} .awareness=${this.#provider?.awareness ?? null} editable label=${this.l.msg('The idea: {title}', { title: wave.title })} .l=${this.l}></cp-idea-editor>`;
    }
    const editButton =
      this.session.signedIn && wave.viewerCanEdit
        ? html`<button class="cp-button cp-button--quiet" type="button" ?disabled=${this.#editing === 'loading'} @click=${() => void this.#edit()}>
            ${this.#editing === 'loading' ? this.l.msg('Opening the editor…') : this.l.msg('Edit the idea')}
          </button>`
        : nothing;
    return html`<article class="doc" aria-label=${this.l.msg('The idea')}>${renderDocument(this.#doc)}</article>${editButton}`;
  }

  protected template() {
    const slug = this.host.settings().space;
    if (this.#load.status !== 'ready') {
      return html`<section class="cp-frame" aria-label=${this.l.msg('An idea')}>
        ${this.#load.status === 'loading'
          ? html`<p class="muted" aria-busy="true">${this.l.msg('Loading the idea…')}</p>`
          : html`<p class="cp-alert" role="alert">${this.l.msg("This idea isn't available. {problem}", { problem: this.#load.error.message })}</p>`}
      </section>`;
    }
    const wave = this.#load.wave;
    const blips = this.#order.map((id) => this.#blips.get(id)!).filter((b) => b.visibility !== 'rejected');
    return html`<section class="cp-frame" aria-label=${wave.title}>
      <div class="cp-top">
        <h2>${wave.title}</h2>
        ${connectionBadge(this.#connection.state, this.l)}
      </div>
      <div class="cp-row">
        <span class="cp-status">${statusLabel(wave.status, this.l)}</span>
        <button class="cp-button cp-button--quiet" part="button" type="button" aria-pressed=${wave.viewerSupports ? 'true' : 'false'} @click=${() => void this.#support()}>
          ▲ ${this.l.msg('Support')} · <span data-count="supporters">${this.l.number(wave.supporters)}</span>
        </button>
      </div>
      ${this.#document(wave)}
      <h3>${this.l.msg('{count, plural, one {# reply} other {# replies}}', { count: wave.replies })}</h3>
      <ol class="cp-list blips" role="log" aria-live="polite" aria-label=${this.l.msg('Replies')}>${repeat(blips, (b) => b.id, (b) => this.#blip(b))}</ol>
      ${this.session.signedIn
        ? html`<form class="cp-form" @submit=${(e: SubmitEvent) => void this.#reply(e)}>
            <label for="reply">${this.l.msg('Your reply')}</label>
            <textarea id="reply" rows="3" .value=${this.#draft} @input=${(e: InputEvent) => (this.#draft = (e.target as HTMLTextAreaElement).value)}></textarea>
            ${this.#replyError ? html`<p class="cp-alert" role="alert">${this.#replyError}</p>` : nothing}
            <div class="cp-row"><button class="cp-button" part="button" type="submit" ?disabled=${this.#sending}>${this.#sending ? this.l.msg('Posting…') : this.l.msg('Reply')}</button></div>
          </form>`
        : nothing}
      <p class="visually-hidden" role="status" aria-live="polite">${this.#notice}</p>
      ${signInBar(this.session, this.l, 'reply', this.l.msg('Sign in to reply'))}
      ${credit(this.host.serverOrigin, `/s/${encodeURIComponent(slug)}/waves/${encodeURIComponent(wave.id)}`, this.l)}
    </section>`;
  }

  destroy(): void {
    this.disconnect();
    this.#provider?.destroy();
    this.#doc.destroy();
    this.session.destroy();
  }
}

export const mount: MountView = (host): MountedView => {
  const view = new WaveView(host);
  view.start();
  return { signIn: () => view.session.signIn(), signOut: () => view.session.signOut(), destroy: () => view.destroy() };
};
