import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ERROR_CODES, type ErrorBody } from '../../../shared/errors.js';
import type { SpaceSettings } from '../../../shared/schemas/spaces.js';
import { AppElement } from '../../base-element.js';
import { SpaceAdminApi } from '../../console/api/space-admin-api.js';
import '../../console/console-events.js';
import type { ApiClient } from '../../services/api.js';
import { compactFields } from '../../styles/forms.js';
import { shared } from '../../styles/shared.js';
import { styles } from './cp-settings-form.styles.js';
import {
  draftFieldOf,
  fieldMessage,
  fromDraft,
  settingsPatch,
  toDraft,
  type DraftField,
  type FieldErrors,
  type ModerationMode,
  type SettingsDraft,
} from './settings-form.js';

/** Field names as the form says them, for server messages that mention another field. */
const LABELS: Partial<Record<keyof SpaceSettings, string>> = {
  maxTableCapacity: 'the most seats at a table',
  tableCapacity: 'seats at a new table',
};

const FIELD_ORDER: DraftField[] = [
  'moderationMode',
  'newMemberPosts',
  'flagThreshold',
  'ratePosts',
  'rateWindowSeconds',
  'bannedWords',
  'watchedWords',
  'blockedLinkSites',
  'tableCapacity',
  'maxTableCapacity',
  'emptyTableCloseMinutes',
  'widgetOrigins',
  'public',
];

/**
 * @summary An admin's form for a space's moderation, cafe and widget settings. Saves only
 * what changed (PATCH); the server's field errors show next to their fields.
 * @fires cp-settings-saved - After the server stored the settings; `detail.settings` as stored.
 */
@customElement('cp-settings-form')
export class CpSettingsForm extends AppElement {
  static override styles = [shared, compactFields, styles];

  #admin: SpaceAdminApi | null = null;

  @state() private saved: SpaceSettings | null = null;
  @state() private draft: SettingsDraft | null = null;
  @state() private errors: FieldErrors = {};
  @state() private problem: ErrorBody | null = null;
  @state() private status = '';
  @state() private pending = false;

  @property({ attribute: false }) api: ApiClient | null = null;
  @property() slug = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('slug')) {
      this.#admin = this.api && this.slug ? new SpaceAdminApi(this.api, this.slug) : null;
      this.saved = null;
      this.draft = null;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const admin = this.#admin;
    if (!admin) return;
    this.problem = null;
    const result = await admin.settings();
    if (admin !== this.#admin) return;
    if (!result.ok) {
      this.problem = result.error;
      return;
    }
    this.saved = result.data;
    this.draft = toDraft(result.data);
  }

  private set<K extends DraftField>(field: K, value: SettingsDraft[K]): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, [field]: value };
    this.status = '';
    if (this.errors[field]) {
      const { [field]: _fixed, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const admin = this.#admin;
    if (!admin || !this.draft || !this.saved || this.pending) return;
    this.status = '';
    this.problem = null;
    const parsed = fromDraft(this.draft);
    if (!parsed.ok) return this.showErrors(parsed.errors);
    const patch = settingsPatch(this.saved, parsed.settings);
    if (Object.keys(patch).length === 0) {
      this.errors = {};
      this.status = 'Nothing changed.';
      return;
    }
    this.pending = true;
    const result = await admin.updateSettings(patch);
    this.pending = false;
    if (!result.ok) return this.serverError(result.error);
    this.errors = {};
    this.saved = result.data;
    this.draft = toDraft(result.data);
    this.status = 'Settings saved.';
    this.emit('cp-settings-saved', { settings: result.data });
  }

  private serverError(error: ErrorBody): Promise<void> | void {
    const target = error.code === ERROR_CODES.INVALID_INPUT ? draftFieldOf(error.field) : null;
    if (!target) {
      this.problem = error;
      return;
    }
    let message = fieldMessage(error.message, error.field, target.line);
    for (const [key, label] of Object.entries(LABELS)) message = message.replaceAll(key, label);
    return this.showErrors({ [target.field]: message });
  }

  private async showErrors(errors: FieldErrors): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    const first = FIELD_ORDER.find((f) => errors[f]);
    if (first) this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  /** aria-describedby for a field: its hint and, when wrong, its error. */
  private describedBy(field: DraftField, hint = true): string {
    return [hint ? `${field}-hint` : '', this.errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
  }

  private error(field: DraftField) {
    const message = this.errors[field];
    return message ? html`<p class="error" id="${field}-error">${message}</p>` : nothing;
  }

  private number(field: DraftField & `${string}`, label: string, hint: string | null) {
    const draft = this.draft!;
    const describedBy = this.describedBy(field, hint !== null);
    return html`<div class="field">
      <label for=${field}>${label}</label>
      ${hint ? html`<span class="hint" id="${field}-hint">${hint}</span>` : nothing}
      <input
        id=${field}
        name=${field}
        type="number"
        inputmode="numeric"
        step="1"
        aria-invalid=${this.errors[field] ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        .value=${draft[field] as string}
        @input=${(e: InputEvent) => this.set(field, (e.target as HTMLInputElement).value)}
      />
      ${this.error(field)}
    </div>`;
  }

  private list(field: 'bannedWords' | 'watchedWords' | 'blockedLinkSites' | 'widgetOrigins', label: string, hint: string) {
    return html`<div class="field">
      <label for=${field}>${label}</label>
      <span class="hint" id="${field}-hint">${hint}</span>
      <textarea
        id=${field}
        name=${field}
        rows="5"
        spellcheck="false"
        autocapitalize="off"
        aria-invalid=${this.errors[field] ? 'true' : 'false'}
        aria-describedby=${this.describedBy(field)}
        .value=${this.draft![field]}
        @input=${(e: InputEvent) => this.set(field, (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${this.error(field)}
    </div>`;
  }

  private mode(value: ModerationMode, label: string) {
    return html`<label class="choice">
      <input
        type="radio"
        name="moderationMode"
        value=${value}
        .checked=${this.draft!.moderationMode === value}
        @change=${() => this.set('moderationMode', value)}
      />
      <span>${label}</span>
    </label>`;
  }

  private renderModeration() {
    const draft = this.draft!;
    return html`<fieldset class="group">
      <legend>Moderation</legend>
      <fieldset class="subgroup" aria-describedby="moderationMode-hint">
        <legend>Posts that wait for review before anyone sees them</legend>
        <span class="hint" id="moderationMode-hint">Posts caught by the rules below wait for review in every mode.</span>
        ${this.mode('off', 'Off: posts appear at once')}
        ${this.mode('new-members', 'New members’ first posts')}
        <div class="inline-number">
          <label for="newMemberPosts">How many first posts</label>
          <input
            id="newMemberPosts"
            name="newMemberPosts"
            type="number"
            inputmode="numeric"
            step="1"
            aria-invalid=${this.errors.newMemberPosts ? 'true' : 'false'}
            aria-describedby=${this.describedBy('newMemberPosts', false) || nothing}
            .value=${draft.newMemberPosts}
            @input=${(e: InputEvent) => this.set('newMemberPosts', (e.target as HTMLInputElement).value)}
          />
          ${this.error('newMemberPosts')}
        </div>
        ${this.mode('all', 'Everything: every post waits')} ${this.error('moderationMode')}
      </fieldset>
      ${this.number('flagThreshold', 'Flags that hold a post', 'When this many different people flag a post, it waits for review.')}
      <fieldset class="subgroup">
        <legend>Rate limit</legend>
        <span class="hint">At most this many posts per person in this many seconds.</span>
        <div class="row">
          ${this.number('ratePosts', 'Posts', null)} ${this.number('rateWindowSeconds', 'Seconds', null)}
        </div>
      </fieldset>
      ${this.list('bannedWords', 'Banned words', 'One per line. A post with one of them waits for review (l33t, accents and s p a c i n g are undone).')}
      ${this.list('watchedWords', 'Watched words', 'One per line. A post with one of them appears, and is flagged for staff.')}
      ${this.list('blockedLinkSites', 'Blocked link sites', 'One host per line, e.g. spam-shop.example. Links to it or its subdomains wait for review.')}
    </fieldset>`;
  }

  private renderCafeAndWidget() {
    return html`<fieldset class="group">
        <legend>Cafe tables</legend>
        <div class="row">
          ${this.number('tableCapacity', 'Seats at a new table', 'Unless its opener picks fewer.')}
          ${this.number('maxTableCapacity', 'Most seats at any table', 'Staff seats do not count.')}
          ${this.number('emptyTableCloseMinutes', 'Close empty tables after (minutes)', 'Closed tables keep their conversation and notepad.')}
        </div>
      </fieldset>
      <fieldset class="group">
        <legend>Widget and access</legend>
        ${this.list('widgetOrigins', 'Widget origins', 'One per line, like https://shop.example.com: the sites that may embed the widget.')}
        <label class="choice">
          <input
            type="checkbox"
            name="public"
            .checked=${this.draft!.public}
            @change=${(e: Event) => this.set('public', (e.target as HTMLInputElement).checked)}
          />
          <span>Anyone may read this space without signing in</span>
        </label>
      </fieldset>`;
  }

  override render() {
    if (!this.draft) {
      if (!this.problem) return html`<p class="muted" role="status">Loading the settings…</p>`;
      const message =
        this.problem.code === ERROR_CODES.FORBIDDEN
          ? 'Only admins of this space can see and change its settings.'
          : `The settings could not be loaded. ${this.problem.message}`;
      return html`<p class="alert" role="alert">${message}</p>`;
    }
    const invalid = Object.keys(this.errors).length;
    return html`<form class="settings" novalidate @submit=${this.onSubmit}>
      ${this.renderModeration()} ${this.renderCafeAndWidget()}
      <div class="footer">
        <button class="button" type="submit" ?disabled=${this.pending}>${this.pending ? 'Saving…' : 'Save settings'}</button>
        ${invalid
          ? html`<p class="alert" role="alert">Check the ${invalid === 1 ? 'marked field' : 'marked fields'}: nothing was saved.</p>`
          : nothing}
        ${this.problem ? html`<p class="alert" role="alert">Nothing was saved. ${this.problem.message}</p>` : nothing}
        <p class=${this.status ? 'notice' : 'visually-hidden'} role="status">${this.status}</p>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-settings-form': CpSettingsForm;
  }
}
