import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { ErrorBody } from '../../../shared/errors.js';
import type { User } from '../../../shared/schemas/auth.js';
import type { NotificationSettings } from '../../../shared/schemas/notifications.js';
import type { UserSettings } from '../../../shared/schemas/waves.js';
import { AppElement } from '../../base-element.js';
import '../../components/cp-switch/cp-switch.js';
import type { SwitchChangeDetail } from '../../events.js';
import type { ApiClient } from '../../services/api.js';
import { getSettings, updateSettings } from '../../services/waves.js';
import { shared } from '../../styles/shared.js';
import { viewPage, viewTitle } from '../../styles/views.js';

type Load = { status: 'loading' } | { status: 'ready'; settings: UserSettings } | { status: 'error'; error: ErrorBody };

/** Each kind's switch, in the order a person thinks of them; the labels are whole sentences for a catalog. */
const KINDS: { key: keyof NotificationSettings; label: string; hint: string }[] = [
  { key: 'reply', label: 'Replies to what I wrote', hint: 'Someone answers one of your replies in a wave.' },
  { key: 'mention', label: 'Mentions of me', hint: 'Someone writes @ and your name.' },
  { key: 'status', label: 'Status changes of ideas I support or helped write', hint: 'With the reason the brand gives.' },
  { key: 'shipped', label: 'Ideas I helped shape ship', hint: 'When an idea you supported or wrote is released.' },
  { key: 'handAnswered', label: 'Staff answer my raised hand', hint: 'At a cafe table.' },
  { key: 'staffJoined', label: 'Staff sit down at my table', hint: 'At a cafe table where you are seated.' },
  { key: 'moderation', label: 'Decisions on my posts held for review', hint: 'Approved, or not published, with the moderators’ note.' },
  { key: 'spotlight', label: 'Spotlights on my contributions', hint: 'When staff put something of yours in the spotlight.' },
  { key: 'hostInvite', label: 'Invitations to host cafe tables', hint: 'When staff ask you to host tables for newcomers.' },
];

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
  /** A space to link back to (the profile lives in a space). */
  @property() slug = '';

  @state() private load: Load = { status: 'loading' };
  @state() private saving: string | null = null;
  @state() private announcement = '';
  @state() private problem = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('user') && changed.get('user')?.id !== this.user?.id) void this.reload();
    document.title = 'Settings · Commonplace';
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
      this.problem = `That setting was not saved. ${result.error.message}`;
      return;
    }
    this.load = { status: 'ready', settings: result.data };
    this.announcement = on ? `Saved: ${what} is on.` : `Saved: ${what} is off.`;
  }

  private onKind(key: keyof NotificationSettings, label: string, event: CustomEvent<SwitchChangeDetail>): void {
    void this.change({ notifications: { [key]: event.detail.checked } }, label, event.detail.checked);
  }

  private onDrafts(event: CustomEvent<SwitchChangeDetail>): void {
    void this.change({ shareDrafts: event.detail.checked }, 'Show my drafts to others', event.detail.checked);
  }

  private renderSettings(settings: UserSettings) {
    return html`<fieldset>
        <legend>Tell me when</legend>
        ${KINDS.map(
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
        <legend>Writing</legend>
        <div class="setting">
          <cp-switch label="Show my drafts to others" .checked=${live(settings.shareDrafts)} ?disabled=${this.saving !== null} @cp-switch-change=${this.onDrafts}></cp-switch>
          <p class="hint">Others in a wave see your reply as you write it. When off, they only see that you are writing.</p>
        </div>
      </fieldset>`;
  }

  override render() {
    if (!this.user) {
      return html`<div class="page">
        <h2>Settings</h2>
        <p>Sign in to choose what you are told about.</p>
        <div><button class="button" type="button" @click=${() => this.emit('cp-sign-in-request', null)}>Sign in</button></div>
      </div>`;
    }
    const load = this.load;
    return html`<div class="page">
      <div>
        <h2>Settings</h2>
        <p class="lead">Changes are saved as you make them. Turning something off stops new notifications of that kind.</p>
      </div>
      ${this.problem ? html`<p class="alert" role="alert">${this.problem}</p>` : nothing}
      ${load.status === 'loading' ? html`<p class="muted" role="status">Loading your settings…</p>` : nothing}
      ${load.status === 'error'
        ? html`<p class="alert" role="alert">We couldn't load your settings. ${load.error.message}</p>
            <div><button class="button" type="button" @click=${this.reload}>Try again</button></div>`
        : nothing}
      ${load.status === 'ready' ? this.renderSettings(load.settings) : nothing}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-settings-view': CpSettingsView;
  }
}
