import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ErrorBody } from '../../../shared/errors.js';
import type { MergeCandidate, Pipeline, PipelineWave } from '../../../shared/schemas/pipeline.js';
import { WAVE_LIMITS } from '../../../shared/waves.js';
import { AppElement } from '../../base-element.js';
import { getPipeline } from '../../console/api/pipeline-api.js';
import { breadthLine, countsLine, findCard, moveChoices, reasonPrompt, type Settable } from '../../console/pipeline-board.js';
import type { ApiClient } from '../../services/api.js';
import { changeStatus, mergeWave } from '../../services/waves.js';
import { shared } from '../../styles/shared.js';
import { STATUS_LABELS } from '../../waves/status.js';
import '../cp-relative-time/cp-relative-time.js';
import '../cp-status-badge/cp-status-badge.js';
import { styles } from './cp-ideas-board.styles.js';

type Load = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: ErrorBody };
type Action = { kind: 'move'; card: PipelineWave; to: Settable } | { kind: 'merge'; card: PipelineWave; into: MergeCandidate };

/**
 * @summary The ideas pipeline of a space: a column per status; each card shows supporters,
 * contributors and breadth (tables, first-time contributors), the last public reason, and merge
 * candidates. Moving a wave ("Move to…") and merging ask for the public reason in a dialog
 * (keyboard first: no dragging needed); shipping asks for the note everyone who made it gets.
 */
@customElement('cp-ideas-board')
export class CpIdeasBoard extends AppElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) api?: ApiClient;
  @property() slug = '';

  @query('dialog') private dialog?: HTMLDialogElement;

  @state() private load: Load = { status: 'loading' };
  @state() private pipeline: Pipeline | null = null;
  @state() private action: Action | null = null;
  @state() private reason = '';
  @state() private pending = false;
  @state() private error = '';
  @state() private status = '';

  private request = 0;
  /** Where focus goes back when the dialog closes without a change. */
  private returnFocus: HTMLElement | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('slug') || changed.has('api')) void this.reload();
  }

  private async reload(): Promise<void> {
    if (!this.api || !this.slug) return;
    const request = ++this.request;
    const result = await getPipeline(this.api, this.slug);
    if (request !== this.request) return;
    if (!result.ok) {
      this.load = { status: 'error', error: result.error };
      return;
    }
    this.pipeline = result.data;
    this.load = { status: 'ready' };
  }

  private async open(action: Action, from: HTMLElement): Promise<void> {
    this.action = action;
    this.reason = '';
    this.error = '';
    this.returnFocus = from;
    await this.updateComplete;
    this.dialog?.showModal();
    this.renderRoot.querySelector<HTMLTextAreaElement>('#reason')?.focus();
  }

  private close(): void {
    this.dialog?.close();
  }

  private onClosed(): void {
    this.action = null;
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back?.isConnected) back.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const action = this.action;
    if (!action || !this.api || this.pending) return;
    const reason = this.reason.trim();
    if (!reason) {
      this.error = action.kind === 'move' && action.to === 'shipped' ? 'Write the shipping note first.' : 'A public reason is required.';
      this.renderRoot.querySelector<HTMLTextAreaElement>('#reason')?.focus();
      return;
    }
    this.pending = true;
    this.error = '';
    const wave = action.card.wave;
    const result =
      action.kind === 'move' ? await changeStatus(this.api, wave.id, action.to, reason) : await mergeWave(this.api, wave.id, action.into.id, reason);
    this.pending = false;
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.status =
      action.kind === 'move'
        ? `“${wave.title}” moved to ${STATUS_LABELS[action.to]}.${action.to === 'shipped' ? ' Everyone who made it was notified.' : ''}`
        : `“${wave.title}” merged into “${action.into.title}”.`;
    const focusId = action.kind === 'move' ? wave.id : action.into.id;
    this.returnFocus = null;
    this.close();
    await this.reload();
    await this.updateComplete;
    const found = this.pipeline ? findCard(this.pipeline, focusId) : null;
    const target = found ? this.renderRoot.querySelector<HTMLElement>(`#card-${focusId} .card__title a`) : this.renderRoot.querySelector<HTMLElement>('.column h3');
    target?.focus();
  }

  private renderCard(card: PipelineWave) {
    const wave = card.wave;
    const change = card.lastChange;
    return html`<li class="card" id="card-${wave.id}">
      <h4 class="card__title"><a href="/s/${encodeURIComponent(this.slug)}/waves/${wave.id}">${wave.title}</a></h4>
      <p class="card__counts">
        <span class="votes" title="Supporters (the raw vote count)">${countsLine(card)}</span>
      </p>
      <p class="card__breadth" title="Distinct cafe tables that raised or linked it; people whose first contribution here was to it">
        <span class="label">Breadth:</span> ${breadthLine(card.breadth)}
      </p>
      ${change && change.reason !== 'Started'
        ? html`<p class="card__reason"><span class="label">${STATUS_LABELS[change.to]}:</span> ${change.reason}
            <cp-relative-time datetime=${change.at}></cp-relative-time></p>`
        : nothing}
      ${card.mergeCandidates.length
        ? html`<div class="card__candidates">
            <p class="label">Looks like</p>
            <ul>
              ${card.mergeCandidates.map(
                (c) => html`<li>
                  <span class="candidate"><a href="/s/${encodeURIComponent(this.slug)}/waves/${c.id}">${c.title}</a>
                    <cp-status-badge status=${c.status}></cp-status-badge></span>
                  <button class="link-button" type="button" @click=${(e: Event) => this.open({ kind: 'merge', card, into: c }, e.currentTarget as HTMLElement)}>
                    Merge into this<span class="visually-hidden">: “${wave.title}” into “${c.title}”</span>
                  </button>
                </li>`,
              )}
            </ul>
          </div>`
        : nothing}
      <div class="card__actions">
        <label class="visually-hidden" for="move-${wave.id}">Move “${wave.title}” to</label>
        <select id="move-${wave.id}" class="move">
          ${moveChoices(wave.status).map((c) => html`<option value=${c.value}>${c.label}</option>`)}
        </select>
        <button
          class="button button--quiet"
          type="button"
          @click=${(e: Event) => {
            const select = this.renderRoot.querySelector<HTMLSelectElement>(`#move-${wave.id}`);
            void this.open({ kind: 'move', card, to: (select?.value ?? 'under-review') as Settable }, e.currentTarget as HTMLElement);
          }}
        >
          Move…<span class="visually-hidden"> “${wave.title}”</span>
        </button>
      </div>
    </li>`;
  }

  private renderDialog() {
    const action = this.action;
    const prompt = action?.kind === 'move' ? reasonPrompt(action.to) : { label: 'Public reason', hint: 'Supports and replies move to the other wave; everyone sees the reason.' };
    const title = !action
      ? ''
      : action.kind === 'move'
        ? `Move “${action.card.wave.title}” to ${STATUS_LABELS[action.to]}`
        : `Merge “${action.card.wave.title}” into “${action.into.title}”`;
    return html`<dialog aria-labelledby="dialog-title" @close=${this.onClosed}>
      <form @submit=${this.submit} novalidate>
        <h3 id="dialog-title">${title}</h3>
        <label for="reason">${prompt.label}</label>
        <textarea
          id="reason"
          rows="4"
          required
          maxlength=${WAVE_LIMITS.reasonMax}
          aria-describedby="reason-hint ${this.error ? 'reason-error' : ''}"
          aria-invalid=${this.error ? 'true' : 'false'}
          .value=${this.reason}
          @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <p class="hint" id="reason-hint">${prompt.hint}</p>
        ${this.error ? html`<p class="field-error" id="reason-error" role="alert">${this.error}</p>` : nothing}
        <div class="dialog__actions">
          <button class="button" type="submit" ?disabled=${this.pending}>
            ${this.pending ? 'Saving…' : action?.kind === 'merge' ? 'Merge' : action?.to === 'shipped' ? 'Ship it' : 'Move'}
          </button>
          <button class="button button--quiet" type="button" @click=${this.close}>Cancel</button>
        </div>
      </form>
    </dialog>`;
  }

  override render() {
    const load = this.load;
    if (load.status === 'loading') return html`<p class="muted" role="status">Loading the pipeline…</p>`;
    if (load.status === 'error') {
      return html`<p class="alert" role="alert">The pipeline is unavailable. ${load.error.message}
        <button class="link-button" type="button" @click=${() => this.reload()}>Try again</button></p>`;
    }
    const pipeline = this.pipeline!;
    return html`<p class="visually-hidden" role="status">${this.status}</p>
      ${this.status ? html`<p class="notice">${this.status}</p>` : nothing}
      <div class="board">
        ${pipeline.columns.map(
          (column) => html`<section class="column" aria-labelledby="col-${column.status}" data-status=${column.status}>
            <h3 id="col-${column.status}" tabindex="-1">${STATUS_LABELS[column.status]} <span class="count">${column.total}</span></h3>
            ${column.waves.length === 0 ? html`<p class="muted">No ideas here.</p>` : nothing}
            <ul class="cards">
              ${repeat(column.waves, (w) => w.wave.id, (w) => this.renderCard(w))}
            </ul>
            ${column.total > column.waves.length ? html`<p class="muted">Showing the ${column.waves.length} most supported of ${column.total}.</p>` : nothing}
          </section>`,
        )}
      </div>
      ${this.renderDialog()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-ideas-board': CpIdeasBoard;
  }
}
