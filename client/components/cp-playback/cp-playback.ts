import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import type { ErrorBody } from '../../../shared/errors.js';
import type { Blip, History } from '../../../shared/schemas/waves.js';
import { AppElement } from '../../base-element.js';
import { msg } from '../../i18n/app.js';
import { CONTENT_FIELD, schema } from '../../editor/schema.js';
import type { ApiClient } from '../../services/api.js';
import { getHistory, getPlayback } from '../../services/waves.js';
import { shared } from '../../styles/shared.js';
import { absoluteTime } from '../../text/relative-time.js';
import '../cp-blip-thread/cp-blip-thread.js';
import { documentStyles, proseMirrorBase } from '../cp-idea-editor/cp-idea-editor.styles.js';
import { styles } from './cp-playback.styles.js';

const STEP_MS = 700;

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * @summary Plays a wave back: a slider over its history, showing the document (read-only)
 * and the conversation as they were at that moment. A modal dialog; Escape closes it and
 * the live page underneath is left as it was.
 */
@customElement('cp-playback')
export class CpPlayback extends AppElement {
  static override styles = [shared, proseMirrorBase, documentStyles, styles];

  private view: EditorView | null = null;
  private request = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private opener: HTMLElement | null = null;

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('.surface') private surface?: HTMLElement;

  @state() private history: History | null = null;
  @state() private index = 0;
  @state() private blips: Blip[] = [];
  @state() private at: string | null = null;
  @state() private error: ErrorBody | null = null;
  @state() private playing = false;
  @state() private loading = false;

  @property({ attribute: false }) api?: ApiClient;
  @property() waveId = '';

  /** Opens the dialog at the newest moment. */
  async show(): Promise<void> {
    this.opener = (document.activeElement as HTMLElement | null) ?? null;
    await this.updateComplete;
    this.dialog?.showModal();
    this.error = null;
    this.history = null;
    this.blips = [];
    if (!this.api) return;
    const result = await getHistory(this.api, this.waveId);
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.history = result.data;
    this.index = Math.max(0, result.data.marks.length - 1);
    await this.load();
  }

  close(): void {
    this.dialog?.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
    this.view?.destroy();
    this.view = null;
  }

  private onClose(): void {
    this.stop();
    this.opener?.focus();
  }

  private onSlide(event: Event): void {
    this.stop();
    this.index = Number((event.target as HTMLInputElement).value);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), 120);
  }

  private async load(): Promise<boolean> {
    const mark = this.history?.marks[this.index];
    if (!this.api || !mark) return false;
    const request = ++this.request;
    this.loading = true;
    const result = await getPlayback(this.api, this.waveId, mark.updateId, mark.at);
    if (request !== this.request) return false;
    this.loading = false;
    if (!result.ok) {
      this.error = result.error;
      return false;
    }
    this.error = null;
    this.at = result.data.at ?? mark.at;
    this.blips = result.data.blips;
    this.showDocument(result.data.state);
    return true;
  }

  private showDocument(base64: string): void {
    const surface = this.surface;
    if (!surface) return;
    const ydoc = new Y.Doc();
    try {
      Y.applyUpdate(ydoc, fromBase64(base64));
      const doc = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(CONTENT_FIELD), schema);
      const state = EditorState.create({ schema, doc });
      if (this.view) this.view.updateState(state);
      else {
        this.view = new EditorView(surface, {
          state,
          editable: () => false,
          attributes: { class: 'doc', role: 'document', 'aria-label': msg('The idea document at this moment') },
        });
      }
    } catch {
      this.error = { code: 'INTERNAL', message: msg('This moment of the document could not be shown.') };
    } finally {
      ydoc.destroy();
    }
  }

  private togglePlay(): void {
    if (this.playing) return this.stop();
    const marks = this.history?.marks ?? [];
    if (marks.length === 0) return;
    if (this.index >= marks.length - 1) this.index = 0;
    this.playing = true;
    void this.step();
  }

  private async step(): Promise<void> {
    if (!this.playing) return;
    await this.load();
    const last = (this.history?.marks.length ?? 1) - 1;
    if (!this.playing || this.index >= last) {
      this.playing = false;
      return;
    }
    this.timer = setTimeout(() => {
      this.index++;
      void this.step();
    }, STEP_MS);
  }

  private stop(): void {
    this.playing = false;
    clearTimeout(this.timer);
  }

  private describe(): string {
    const history = this.history;
    const mark = history?.marks[this.index];
    if (!history || !mark) return '';
    const params = { index: this.index + 1, count: history.marks.length, when: absoluteTime(this.at ?? mark.at) };
    return mark.author
      ? msg('Moment {index} of {count}: {when} by {name}', { ...params, name: mark.author.displayName })
      : msg('Moment {index} of {count}: {when}', params);
  }

  override render() {
    const history = this.history;
    const marks = history?.marks ?? [];
    return html`<dialog aria-labelledby="playback-title" @close=${this.onClose}>
      <div class="frame">
        <div class="top">
          <h2 id="playback-title">${msg('Play back this wave')}</h2>
          <button class="button button--quiet" type="button" aria-label=${msg('Close playback')} @click=${this.close}>${msg('Close')}</button>
        </div>
        ${this.error ? html`<p class="alert" role="alert">${this.error.message}</p>` : nothing}
        ${history === null && !this.error ? html`<p class="muted" role="status">${msg('Loading the history…')}</p>` : nothing}
        ${history && marks.length === 0 ? html`<p class="muted">${msg('Nothing has been written in the document yet.')}</p>` : nothing}
        ${marks.length > 0
          ? html`<div class="controls">
              <button class="button" type="button" aria-pressed=${this.playing ? 'true' : 'false'} @click=${this.togglePlay}>
                ${this.playing ? msg('Pause') : msg('Play')}
              </button>
              <input
                type="range"
                min="0"
                max=${marks.length - 1}
                step="1"
                .value=${String(this.index)}
                aria-label=${msg("Moment in the wave's history")}
                aria-valuetext=${this.describe()}
                @input=${this.onSlide}
              />
              <p class="where" aria-live="polite">${this.loading ? msg('{moment} · loading…', { moment: this.describe() }) : this.describe()}</p>
            </div>`
          : nothing}
        <div class="paper" ?hidden=${marks.length === 0}><div class="surface"></div></div>
        ${marks.length > 0
          ? html`<section aria-labelledby="playback-replies">
              <h3 id="playback-replies">${msg('Conversation at this moment ({count})', { count: this.blips.length })}</h3>
              ${this.blips.length === 0 ? html`<p class="muted">${msg('No replies yet at this moment.')}</p>` : nothing}
              <cp-blip-thread snapshot .blips=${this.blips} waveId=${this.waveId}></cp-blip-thread>
            </section>`
          : nothing}
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-playback': CpPlayback;
  }
}
