import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ErrorBody } from '../../../shared/errors.js';
import type { Space } from '../../../shared/schemas/spaces.js';
import { WAVE_LIMITS } from '../../../shared/waves.js';
import { AppElement } from '../../base-element.js';
import { msg } from '../../i18n/app.js';
import type { ApiClient } from '../../services/api.js';
import { newIdempotencyKey } from '../../services/idempotency.js';
import { createdWaveId, createWave } from '../../services/waves.js';
import { shared } from '../../styles/shared.js';
import { viewPage, viewTitle } from '../../styles/views.js';
import { parseTags } from '../../waves/tags.js';
import { navigate } from '../navigation.js';
import { href } from '../router.js';
import { styles } from './new-wave-view.styles.js';

type Field = 'title' | 'tags' | 'draft';
const FIELDS: Field[] = ['title', 'tags', 'draft'];
const fieldLabel = (field: Field): string => (field === 'title' ? msg('Title') : field === 'tags' ? msg('Tags') : msg('First draft'));

/**
 * @summary Start a wave: a title, up to five tags and a first draft of the idea document.
 */
@customElement('cp-new-wave-view')
export class CpNewWaveView extends AppElement {
  static override styles = [shared, viewPage, viewTitle, styles];

  // One key per submission attempt; pressing again without changes re-sends the same one.
  private submissionKey: string | null = null;

  @query('.alert') private alertElement?: HTMLElement;

  @state() private titleText = '';
  @state() private tagsText = '';
  @state() private draft = '';
  @state() private pending = false;
  @state() private error: ErrorBody | null = null;

  @property({ attribute: false }) api?: ApiClient;
  @property({ attribute: false }) space?: Space;
  @property({ type: Boolean, attribute: 'signed-in' }) signedIn = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.space) document.title = msg('Start a wave · {space}', { space: this.space.name });
  }

  private get invalidField(): Field | null {
    const first = this.error?.field?.split('.')[0];
    return first && FIELDS.includes(first as Field) ? (first as Field) : null;
  }

  private edit(field: Field, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    if (field === 'title') this.titleText = value;
    else if (field === 'tags') this.tagsText = value;
    else this.draft = value;
    this.submissionKey = null;
    if (this.invalidField === field) this.error = null;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.pending || !this.api || !this.space) return;
    const title = this.titleText.trim();
    const { tags, problems } = parseTags(this.tagsText);
    if (title.length < WAVE_LIMITS.titleMin) {
      return this.showError({ code: 'INVALID_INPUT', message: msg('at least {min} characters', { min: WAVE_LIMITS.titleMin }), field: 'title' });
    }
    if (problems.length > 0) return this.showError({ code: 'INVALID_INPUT', message: problems.join('; '), field: 'tags' });

    this.submissionKey ??= newIdempotencyKey();
    this.pending = true;
    this.error = null;
    const result = await createWave(this.api, this.space.slug, { title, tags, draft: this.draft }, this.submissionKey);
    this.pending = false;
    if (!result.ok) return this.showError(result.error);
    this.submissionKey = null;
    navigate(href.wave(this.space.slug, createdWaveId(result.data)));
  }

  private async showError(error: ErrorBody): Promise<void> {
    this.error = error;
    await this.updateComplete;
    this.alertElement?.focus();
  }

  private errorText(error: ErrorBody): string {
    const field = this.invalidField;
    if (!field) return error.message;
    const raw = error.field!;
    const message = error.message.startsWith(`${raw}: `) ? error.message.slice(raw.length + 2) : error.message;
    return msg('{field}: {problem}', { field: fieldLabel(field), problem: message });
  }

  private describedBy(field: Field, hint: boolean): string {
    return [hint ? `${field}-hint` : '', this.invalidField === field ? 'form-error' : ''].filter(Boolean).join(' ');
  }

  override render() {
    const slug = this.space?.slug ?? '';
    const { tags, problems } = parseTags(this.tagsText);
    return html`<div class="page">
      <div>
        <a class="back" href=${href.ideas(slug)}>← ${msg('All ideas')}</a>
        <h2>${msg('Start a wave')}</h2>
        <p class="lead">${msg('Describe an idea. Everyone can shape the document with you, live, and every contributor is credited.')}</p>
      </div>
      ${this.signedIn
        ? html`<form novalidate @submit=${this.onSubmit} aria-labelledby="form-title">
            <span class="visually-hidden" id="form-title">${msg('New wave')}</span>
            ${this.error ? html`<p class="alert" id="form-error" role="alert" tabindex="-1">${this.errorText(this.error)}</p>` : nothing}
            <div class="field">
              <label for="title">${msg('Title')}</label>
              <span class="hint" id="title-hint">${msg('A short name for the idea, {min}–{max} characters.', { min: WAVE_LIMITS.titleMin, max: WAVE_LIMITS.titleMax })}</span>
              <input
                id="title"
                name="title"
                required
                maxlength=${WAVE_LIMITS.titleMax}
                autocomplete="off"
                aria-describedby=${this.describedBy('title', true)}
                aria-invalid=${this.invalidField === 'title' ? 'true' : 'false'}
                .value=${this.titleText}
                @input=${(e: Event) => this.edit('title', e)}
              />
            </div>
            <div class="field">
              <label for="tags">${msg('Tags')}</label>
              <span class="hint" id="tags-hint">${msg('Separate with commas, up to {max}. For example: dark mode, mobile', { max: WAVE_LIMITS.tagsMax })}</span>
              <input
                id="tags"
                name="tags"
                autocomplete="off"
                aria-describedby=${this.describedBy('tags', true) + (tags.length ? ' tag-chips' : '')}
                aria-invalid=${this.invalidField === 'tags' ? 'true' : 'false'}
                .value=${this.tagsText}
                @input=${(e: Event) => this.edit('tags', e)}
              />
              ${tags.length
                ? html`<ul class="chips" id="tag-chips" aria-label=${msg('Tags to add')}>
                    ${tags.map((t) => html`<li class="chip">#${t}</li>`)}
                  </ul>`
                : nothing}
              ${problems.map((p) => html`<span class="problem">${p}</span>`)}
            </div>
            <div class="field">
              <label for="draft">${msg('First draft')}</label>
              <span class="hint" id="draft-hint">${msg('The start of the idea document. Leave a blank line between paragraphs.')}</span>
              <textarea
                id="draft"
                name="draft"
                maxlength=${WAVE_LIMITS.draftMax}
                aria-describedby=${this.describedBy('draft', true)}
                aria-invalid=${this.invalidField === 'draft' ? 'true' : 'false'}
                .value=${this.draft}
                @input=${(e: Event) => this.edit('draft', e)}
              ></textarea>
            </div>
            <div class="actions">
              <button class="button" type="submit" ?disabled=${this.pending}>${this.pending ? msg('Starting…') : msg('Start the wave')}</button>
              <a href=${href.ideas(slug)}>${msg('Cancel')}</a>
            </div>
          </form>`
        : html`<div class="signed-out">
            <p>${msg('Sign in to start a wave.')}</p>
            <button class="button" type="button" @click=${() => this.emit('cp-sign-in-request', null)}>${msg('Sign in')}</button>
          </div>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-new-wave-view': CpNewWaveView;
  }
}
