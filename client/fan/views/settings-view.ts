import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { ErrorBody } from '../../../shared/errors.js';
import type { Membership, User } from '../../../shared/schemas/auth.js';
import type { NotificationSettings } from '../../../shared/schemas/notifications.js';
import type { UserSettings } from '../../../shared/schemas/waves.js';
import { AppElement } from '../../base-element.js';
import '../../components/cp-switch/cp-switch.js';
import type { SwitchChangeDetail } from '../../events.js';
import { i18n, languageSetting, msg, setLanguageSetting } from '../../i18n/app.js';
import { LANGUAGES } from '../../i18n/locales.js';
import type { ApiClient } from '../../services/api.js';
import { getSettings, updateSettings } from '../../services/waves.js';
import { shared } from '../../styles/shared.js';
import { viewPage, viewTitle } from '../../styles/views.js';

type Load = { status: 'loading' } | { status: 'ready'; settings: UserSettings } | { status: 'error'; error: ErrorBody };

/** Each kind's switch, in the order a person thinks of them; the labels are whole sentences, in the app's language. */
const kinds = (): { key: keyof NotificationSettings; label: string; hint: string }[] => [
  { key: 'reply', label: msg('Replies to what I wrote'), hint: msg('Someone answers one of your replies in a wave.') },
  { key: 'mention', label: msg('Mentions of me'), hint: msg('Someone writes @ and your name.') },
  { key: 'status', label: msg('Status changes of ideas I support or helped write'), hint: msg('With the reason the brand gives.') },
  { key: 'shipped', label: msg('Ideas I helped shape ship'), hint: msg('When an idea you supported or wrote is released.') },
  { key: 'handAnswered', label: msg('Staff answer my raised hand'), hint: msg('At a cafe table.') },
  { key: 'staffJoined', label: msg('Staff sit down at my table'), hint: msg('At a cafe table where you are seated.') },
  { key: 'moderation', label: msg('Decisions on my posts held for review'), hint: msg('Approved, or not published, with the moderators’ note.') },
  { key: 'spotlight', label: msg('Spotlights on my contributions'), hint: msg('When staff put something of yours in the spotlight.') },
  { key: 'hostInvite', label: msg('Invitations to host cafe tables'), hint: msg('When staff ask you to host tables for newcomers.') },
];

/** What the person types to confirm "Forget me" (in their language); the server is sent its own fixed phrase. */
const FORGET_PHRASE = 'forget me'; // not user-visible: the API's fixed confirmation

/**
 * @summary `/settings`: what the person is notified of (one switch per kind, `PATCH /me/settings`
 * with only that kind) and whether others see their drafts. Each change is saved at once and said.
 */
@customElement('cp-settings-view')
export class CpSettingsView extends AppElement {
  static override styles = [
    shared,
    viewPage,
    viewTitle,
    css`
      .page {
        display: grid;
        gap: var(--cp-space-6);
        max-width: 44rem;
      }
      .lead {
        margin: var(--cp-space-2) 0 0;
        color: var(--cp-color-text-muted);
      }
      fieldset {
        display: grid;
        gap: var(--cp-space-2);
        margin: 0;
        padding: var(--cp-space-4) var(--cp-space-6) var(--cp-space-6);
        border: 1px solid var(--cp-color-border-subtle);
        border-radius: 0.75rem;
      }
      legend {
        padding: 0 var(--cp-space-2);
        font-weight: 700;
        font-size: var(--cp-font-size-lg);
      }
      .setting {
        display: grid;
        gap: 0;
        padding: var(--cp-space-2) 0;
        border-bottom: 1px solid var(--cp-color-border-subtle);
      }
      .setting:last-child {
        border-bottom: 0;
      }
      cp-switch {
        font-size: var(--cp-font-size-md);
      }
      .hint {
        margin: 0 0 0 2.75rem;
        color: var(--cp-color-text-muted);
        font-size: var(--cp-font-size-sm);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cp-space-3);
      }
      select {
        justify-self: start;
        min-height: 2.5rem;
        padding: var(--cp-space-1) var(--cp-space-3);
        border: 1px solid var(--cp-color-border);
        border-radius: var(--cp-radius);
        background: var(--cp-color-bg);
        color: var(--cp-color-text);
        font: inherit;
      }
      .downloads {
        display: grid;
        gap: var(--cp-space-2);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      dialog {
        max-width: min(34rem, calc(100vw - 2rem));
        padding: var(--cp-space-6);
        border: 1px solid var(--cp-color-border-subtle);
        border-radius: 0.75rem;
        background: var(--cp-color-bg);
        color: var(--cp-color-text);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      dialog form {
        display: grid;
        gap: var(--cp-space-3);
      }
      dialog h3 {
        margin: 0;
        font-size: var(--cp-font-size-lg);
      }
      dialog p {
        margin: 0;
      }
      dialog input {
        min-height: 2.5rem;
        padding: var(--cp-space-1) var(--cp-space-3);
        border: 1px solid var(--cp-color-border);
        border-radius: var(--cp-radius);
        font: inherit;
      }
      .button--danger {
        border-color: var(--cp-color-danger);
        background: var(--cp-color-danger);
        color: var(--cp-color-on-accent, #ffffff);
      }
      @media (max-width: 30rem) {
        fieldset {
          padding: var(--cp-space-3) var(--cp-space-3) var(--cp-space-4);
        }
        .hint {
          margin-left: 0;
        }
      }
    `,
  ];

  @property({ attribute: false }) api?: ApiClient;
  @property({ attribute: false }) user: User | null = null;
  /** The person's spaces: "Download my data" for each. */
  @property({ attribute: false }) memberships: Membership[] = [];
  /** A space to link back to (the profile lives in a space). */
  @property() slug = '';

  @state() private load: Load = { status: 'loading' };
  @state() private saving: string | null = null;
  @state() private announcement = '';
  @state() private problem = '';
  @state() private language = languageSetting();
  @state() private forgetTyped = '';
  @state() private forgetting = false;
  @state() private forgetProblem = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('user') && changed.get('user')?.id !== this.user?.id) void this.reload();
    document.title = msg('Settings · Commonplace');
  }

  private async reload(): Promise<void> {
    if (!this.api || !this.user) return;
    this.load = { status: 'loading' };
    const result = await getSettings(this.api);
    this.load = result.ok ? { status: 'ready', settings: result.data } : { status: 'error', error: result.error };
  }

  private async change(patch: Partial<UserSettings> | { notifications: Partial<NotificationSettings> }, what: string, on: boolean): Promise<void> {
    if (!this.api || this.load.status !== 'ready') return;
    const before = this.load.settings;
    this.saving = what;
    this.problem = '';
    const result = await updateSettings(this.api, patch as Partial<UserSettings>);
    this.saving = null;
    if (!result.ok) {
      this.load = { status: 'ready', settings: { ...before } };
      this.problem = msg('That setting was not saved. {problem}', { problem: result.error.message });
      return;
    }
    this.load = { status: 'ready', settings: result.data };
    this.announcement = on ? msg('Saved: {setting} is on.', { setting: what }) : msg('Saved: {setting} is off.', { setting: what });
  }

  private onKind(key: keyof NotificationSettings, label: string, event: CustomEvent<SwitchChangeDetail>): void {
    void this.change({ notifications: { [key]: event.detail.checked } }, label, event.detail.checked);
  }

  private onDrafts(event: CustomEvent<SwitchChangeDetail>): void {
    void this.change({ shareDrafts: event.detail.checked }, msg('Show my drafts to others'), event.detail.checked);
  }

  private renderSettings(settings: UserSettings) {
    return html`<fieldset>
        <legend>${msg('Tell me when')}</legend>
        ${kinds().map(
          ({ key, label, hint }) => html`<div class="setting">
            <cp-switch
              label=${label}
              .checked=${live(settings.notifications[key])}
              ?disabled=${this.saving === label}
              @cp-switch-change=${(e: CustomEvent<SwitchChangeDetail>) => this.onKind(key, label, e)}
            ></cp-switch>
            <p class="hint">${hint}</p>
          </div>`,
        )}
      </fieldset>
      <fieldset>
        <legend>${msg('Writing')}</legend>
        <div class="setting">
          <cp-switch
            label=${msg('Show my drafts to others')}
            .checked=${live(settings.shareDrafts)}
            ?disabled=${this.saving !== null}
            @cp-switch-change=${this.onDrafts}
          ></cp-switch>
          <p class="hint">${msg('Others in a wave see your reply as you write it. When off, they only see that you are writing.')}</p>
        </div>
      </fieldset>`;
  }

  private async onLanguage(event: Event): Promise<void> {
    this.language = (event.target as HTMLSelectElement).value;
    await setLanguageSetting(this.language);
    this.announcement = msg('Language: {language}', { language: LANGUAGES[i18n.locale] ?? i18n.locale });
  }

  /** The language of the app on this device: automatic (the browser's) or one of ours, each named in itself. */
  private renderLanguage() {
    return html`<fieldset>
      <legend>${msg('Language')}</legend>
      <label for="language">${msg('Language of Commonplace on this device')}</label>
      <select id="language" @change=${this.onLanguage}>
        <option value="" ?selected=${this.language === ''}>${msg('Automatic (the language of your browser)')}</option>
        ${Object.entries(LANGUAGES).map(
          ([tag, name]) => html`<option value=${tag} lang=${tag} ?selected=${this.language === tag}>${name}</option>`,
        )}
      </select>
    </fieldset>`;
  }

  /** "Your data": download what each space stores about you; "Forget me" behind a typed confirmation. */
  private renderYourData() {
    return html`<div class="your-data">
      <fieldset>
        <legend id="your-data">${msg('Your data')}</legend>
        <p>${msg('Download everything a space stores about you: your account, what you wrote and supported, your notifications and settings. Staff notes are not included: they are the staff’s own memory of conversations.')}</p>
        <ul class="downloads">
          ${this.memberships.map(
            (m) => html`<li>
              <a class="button button--quiet" href=${`/api/v1/me/export?space=${encodeURIComponent(m.space.slug)}`} download data-export=${m.space.slug}
                >${msg('Download my data from {space}', { space: m.space.name })}</a
              >
            </li>`,
          )}
        </ul>
        <p>${msg('Forgetting you deletes your account, your memberships, your sessions and everything about you. What you wrote stays, shown as written by “Former member”.')}</p>
        <div><button class="button button--danger" type="button" @click=${this.openForget}>${msg('Forget me…')}</button></div>
      </fieldset>
      ${this.renderForgetDialog()}
    </div>`;
  }

  private get forgetDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog#forget');
  }

  private openForget(): void {
    this.forgetTyped = '';
    this.forgetProblem = '';
    // A modal dialog: the page behind is inert (focus stays inside), Escape cancels.
    this.forgetDialog?.showModal();
  }

  private closeForget(): void {
    this.forgetDialog?.close();
  }

  /** Tab and Shift+Tab go round the dialog's controls (the browser would move on to its own toolbar). */
  private trapFocus(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const controls = [...(this.forgetDialog?.querySelectorAll<HTMLElement>('input, button:not([disabled])') ?? [])];
    const first = controls[0];
    const last = controls.at(-1);
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : document.activeElement;
    if (!first || !last) return;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  private async forget(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || this.forgetting || this.forgetTyped.trim().toLowerCase() !== msg('forget me').toLowerCase()) return;
    this.forgetting = true;
    this.forgetProblem = '';
    const result = await this.api.post<unknown>('/api/v1/me/forget', { confirm: FORGET_PHRASE });
    this.forgetting = false;
    if (!result.ok) {
      this.forgetProblem = msg('You were not forgotten. {problem}', { problem: result.error.message });
      return;
    }
    this.closeForget();
    this.emit('cp-account-forgotten', null);
  }

  private renderForgetDialog() {
    const phrase = msg('forget me');
    const ready = this.forgetTyped.trim().toLowerCase() === phrase.toLowerCase();
    return html`<dialog id="forget" aria-labelledby="forget-title" aria-describedby="forget-what" @keydown=${this.trapFocus} @close=${() => (this.forgetTyped = '')}>
      <form @submit=${this.forget}>
        <h3 id="forget-title">${msg('Forget me?')}</h3>
        <p id="forget-what">
          ${msg('Your account, memberships, sessions, seats and everything about you are deleted, in every space. What you wrote stays, as “Former member”. This cannot be undone.')}
        </p>
        <label for="forget-confirm">${msg('Type “{phrase}” to confirm', { phrase })}</label>
        <input
          id="forget-confirm"
          autocomplete="off"
          spellcheck="false"
          .value=${live(this.forgetTyped)}
          @input=${(e: InputEvent) => (this.forgetTyped = (e.target as HTMLInputElement).value)}
        />
        ${this.forgetProblem ? html`<p class="alert" role="alert">${this.forgetProblem}</p>` : nothing}
        <div class="actions">
          <button class="button button--danger" type="submit" ?disabled=${!ready || this.forgetting}>
            ${this.forgetting ? msg('Forgetting you…') : msg('Forget me')}
          </button>
          <button class="button button--quiet" type="button" @click=${this.closeForget}>${msg('Cancel')}</button>
        </div>
      </form>
    </dialog>`;
  }

  override render() {
    if (!this.user) {
      return html`<div class="page">
        <h2>${msg('Settings')}</h2>
        <p>${msg('Sign in to choose what you are told about.')}</p>
        <div><button class="button" type="button" @click=${() => this.emit('cp-sign-in-request', null)}>${msg('Sign in')}</button></div>
        ${this.renderLanguage()}
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </div>`;
    }
    const load = this.load;
    return html`<div class="page">
      <div>
        <h2>${msg('Settings')}</h2>
        <p class="lead">${msg('Changes are saved as you make them. Turning something off stops new notifications of that kind.')}</p>
      </div>
      ${this.problem ? html`<p class="alert" role="alert">${this.problem}</p>` : nothing}
      ${load.status === 'loading' ? html`<p class="muted" role="status">${msg('Loading your settings…')}</p>` : nothing}
      ${load.status === 'error'
        ? html`<p class="alert" role="alert">${msg("We couldn't load your settings. {problem}", { problem: load.error.message })}</p>
            <div><button class="button" type="button" @click=${this.reload}>${msg('Try again')}</button></div>`
        : nothing}
      ${load.status === 'ready' ? this.renderSettings(load.settings) : nothing}
      ${this.renderLanguage()} ${this.renderYourData()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-settings-view': CpSettingsView;
  }
}
