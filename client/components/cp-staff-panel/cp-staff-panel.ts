import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { SETTABLE_STATUSES, WAVE_LIMITS } from '../../../shared/waves.js';
import type { WaveDetail } from '../../../shared/schemas/waves.js';
import { AppElement } from '../../base-element.js';
import { msg } from '../../i18n/app.js';
import type { ApiClient } from '../../services/api.js';
import { changeStatus, mergeWave, search, setLocked } from '../../services/waves.js';
import { shared } from '../../styles/shared.js';
import { statusLabel } from '../../waves/status.js';
import '../cp-status-badge/cp-status-badge.js';
import { styles } from './cp-staff-panel.styles.js';

type Settable = (typeof SETTABLE_STATUSES)[number];
type Action = 'status' | 'lock' | 'merge' | 'unpin';

interface Candidate {
  id: string;
  title: string;
  status: WaveDetail['status'];
}

const fieldLabel = (field: string): string | undefined =>
  field === 'status'
    ? msg('Status')
    : field === 'reason'
      ? msg('Public reason')
      : field === 'into'
        ? msg('Wave to merge into')
        : field === 'locked'
          ? msg('Lock')
          : undefined;

/**
 * @summary Staff tools for one wave: move its status (with a public reason), lock the
 * document, unpin the official response, merge it into another wave. Pinning is on each blip.
 * @fires cp-wave-changed - Something was changed; the page reloads the wave. `detail.message` says what.
 */
@customElement('cp-staff-panel')
export class CpStaffPanel extends AppElement {
  static override styles = [shared, styles];

  private searchRequest = 0;

  @query('.alert') private alertElement?: HTMLElement;

  @state() private status: Settable = 'under-review';
  @state() private reason = '';
  @state() private mergeQuery = '';
  @state() private candidates: Candidate[] = [];
  @state() private mergeInto: Candidate | null = null;
  @state() private mergeReason = '';
  @state() private pending: Action | null = null;
  @state() private error: { action: Action; body: ErrorBody } | null = null;

  @property({ attribute: false }) api?: ApiClient;
  @property({ attribute: false }) wave?: WaveDetail;
  @property() slug = '';

  private async run(action: Action, call: () => Promise<{ ok: boolean; error?: ErrorBody }>, message: string): Promise<boolean> {
    this.pending = action;
    this.error = null;
    const result = await call();
    this.pending = null;
    if (!result.ok) {
      this.error = { action, body: result.error! };
      await this.updateComplete;
      this.alertElement?.focus();
      return false;
    }
    this.emit('cp-wave-changed', { message });
    return true;
  }

  private async onStatus(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const wave = this.wave;
    if (!wave || !this.api) return;
    const reason = this.reason.trim();
    if (!reason) {
      this.error = { action: 'status', body: { code: 'INVALID_INPUT', message: msg('a public reason is required'), field: 'reason' } };
      await this.updateComplete;
      this.alertElement?.focus();
      return;
    }
    const ok = await this.run('status', () => changeStatus(this.api!, wave.id, this.status, reason), msg('Status changed to {status}.', { status: statusLabel(this.status) }));
    if (ok) this.reason = '';
  }

  private async onLock(): Promise<void> {
    const wave = this.wave;
    if (!wave || !this.api) return;
    const locked = !wave.locked;
    await this.run('lock', () => setLocked(this.api!, wave.id, locked), locked ? msg('The document is locked.') : msg('The document is unlocked.'));
  }

  private async onSearch(event: Event): Promise<void> {
    this.mergeQuery = (event.target as HTMLInputElement).value;
    const q = this.mergeQuery.trim();
    const request = ++this.searchRequest;
    if (q.length < 2 || !this.api) {
      this.candidates = [];
      return;
    }
    const result = await search(this.api, this.slug, q);
    if (request !== this.searchRequest || !result.ok) return;
    const seen = new Map<string, Candidate>();
    for (const hit of result.data) {
      if (hit.wave.id !== this.wave?.id && hit.wave.status !== 'merged') seen.set(hit.wave.id, hit.wave);
    }
    this.candidates = [...seen.values()].slice(0, 8);
  }

  private async onMerge(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const wave = this.wave;
    const into = this.mergeInto;
    if (!wave || !this.api) return;
    if (!into) {
      this.error = { action: 'merge', body: { code: 'INVALID_INPUT', message: msg('choose the wave to merge into'), field: 'into' } };
      return;
    }
    const reason = this.mergeReason.trim();
    if (!reason) {
      this.error = { action: 'merge', body: { code: 'INVALID_INPUT', message: msg('a public reason is required'), field: 'reason' } };
      await this.updateComplete;
      this.alertElement?.focus();
      return;
    }
    await this.run('merge', () => mergeWave(this.api!, wave.id, into.id, reason), msg('Merged into “{title}”.', { title: into.title }));
  }

  private renderError(action: Action, id: string) {
    const error = this.error;
    if (error?.action !== action) return nothing;
    const field = error.body.field?.split('.').pop();
    const label = field ? fieldLabel(field) : undefined;
    const message = field && error.body.message.startsWith(`${error.body.field}: `) ? error.body.message.slice(error.body.field!.length + 2) : error.body.message;
    return html`<p class="alert" id=${id} role="alert" tabindex="-1">${label ? msg('{field}: {problem}', { field: label, problem: message }) : message}</p>`;
  }

  private invalid(action: Action, field: string): 'true' | 'false' {
    return this.error?.action === action && this.error.body.field?.split('.').pop() === field ? 'true' : 'false';
  }

  override render() {
    const wave = this.wave;
    if (!wave) return nothing;
    const merged = wave.status === 'merged';
    return html`<div class="panel">
      ${merged
        ? html`<p class="hint">${msg('This wave is merged; its status can no longer change.')}</p>`
        : html`<form @submit=${this.onStatus} novalidate>
            <label for="status-select">${msg('Move to status')}</label>
            <select id="status-select" .value=${this.status} @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as Settable)}>
              ${SETTABLE_STATUSES.map((s) => html`<option value=${s} ?selected=${s === this.status}>${s === wave.status ? msg('{status} (current)', { status: statusLabel(s) }) : statusLabel(s)}</option>`)}
            </select>
            <label for="status-reason">${msg('Public reason')}</label>
            <textarea
              id="status-reason"
              required
              maxlength=${WAVE_LIMITS.reasonMax}
              aria-describedby="status-hint ${this.error?.action === 'status' ? 'status-error' : ''}"
              aria-invalid=${this.invalid('status', 'reason')}
              .value=${this.reason}
              @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}
            ></textarea>
            <p class="hint" id="status-hint">${msg("Everyone sees this reason in the wave's status history.")}</p>
            ${this.renderError('status', 'status-error')}
            <div><button class="button" type="submit" ?disabled=${this.pending === 'status'}>${this.pending === 'status' ? msg('Changing…') : msg('Change status')}</button></div>
          </form>`}
      <div class="row">
        <span class="label">${msg('Document')}</span>
        <div>
          <button class="button button--quiet" type="button" aria-pressed=${wave.locked ? 'true' : 'false'} ?disabled=${this.pending === 'lock'} @click=${this.onLock}>
            ${wave.locked ? msg('Unlock the document') : msg('Lock the document')}
          </button>
        </div>
        ${this.renderError('lock', 'lock-error')}
      </div>
      <div class="row">
        <span class="label">${msg('Official response')}</span>
        ${wave.pinnedBlipId
          ? html`<div>
              <button class="button button--quiet" type="button" ?disabled=${this.pending === 'unpin'} @click=${() => this.emit('cp-pin-request', { blipId: null })}>
                ${msg('Unpin the official response')}
              </button>
            </div>`
          : html`<p class="hint">${msg('Use “Pin” on a reply to show it at the top as the official response.')}</p>`}
      </div>
      ${merged
        ? nothing
        : html`<details>
            <summary>${msg('Merge into another wave')}</summary>
            <form @submit=${this.onMerge} novalidate>
              <label for="merge-search">${msg('Find the wave to merge into')}</label>
              <input id="merge-search" type="search" autocomplete="off" .value=${this.mergeQuery} @input=${this.onSearch} />
              ${this.candidates.length
                ? html`<ul class="candidates" aria-label=${msg('Matching waves')}>
                    ${this.candidates.map(
                      (c) => html`<li>
                        <button class="candidate" type="button" aria-pressed=${this.mergeInto?.id === c.id ? 'true' : 'false'} @click=${() => (this.mergeInto = c)}>
                          <span>${c.title}</span><cp-status-badge status=${c.status}></cp-status-badge>
                        </button>
                      </li>`,
                    )}
                  </ul>`
                : this.mergeQuery.trim().length >= 2
                  ? html`<p class="hint" role="status">${msg('No other waves match.')}</p>`
                  : nothing}
              ${this.mergeInto ? html`<p class="hint" role="status">${msg('Merging into “{title}”.', { title: this.mergeInto.title })}</p>` : nothing}
              <label for="merge-reason">${msg('Public reason')}</label>
              <textarea
                id="merge-reason"
                maxlength=${WAVE_LIMITS.reasonMax}
                aria-invalid=${this.invalid('merge', 'reason')}
                .value=${this.mergeReason}
                @input=${(e: Event) => (this.mergeReason = (e.target as HTMLTextAreaElement).value)}
              ></textarea>
              ${this.renderError('merge', 'merge-error')}
              <div><button class="button" type="submit" ?disabled=${this.pending === 'merge'}>${this.pending === 'merge' ? msg('Merging…') : msg('Merge')}</button></div>
            </form>
          </details>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-staff-panel': CpStaffPanel;
  }
}
