import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ERROR_CODES, type ErrorBody } from '../../../shared/errors.js';
import { LIMITS } from '../../../shared/limits.js';
import { AppElement } from '../../base-element.js';
import { msg } from '../../i18n/app.js';
import type { SessionStore } from '../../services/session.js';
import { shared } from '../../styles/shared.js';
import { styles } from './cp-sign-in.styles.js';

type Mode = 'sign-in' | 'sign-up';
type Field = 'email' | 'password' | 'displayName';

const FIELDS: Field[] = ['email', 'password', 'displayName'];
const fieldLabel = (field: Field): string => (field === 'email' ? msg('Email') : field === 'password' ? msg('Password') : msg('Display name'));

/**
 * @summary Sign in, or create an account, against the session store.
 * @fires cp-signed-in - After a successful sign-in or sign-up; `detail.user` is the person.
 */
@customElement('cp-sign-in')
export class CpSignIn extends AppElement {
  static override styles = [shared, styles];

  @query('.alert') private alertElement?: HTMLElement;
  @query('input') private firstInput?: HTMLInputElement;

  @state() private pending = false;
  @state() private error: ErrorBody | null = null;

  /** The store that talks to the auth API. */
  @property({ attribute: false }) session?: SessionStore;

  /** Which form to show first. */
  @property({ reflect: true }) mode: Mode = 'sign-in';

  /** Where the other form lives (the fan app's `/signin` and `/signup` pages); unset, the form switches in place. */
  @property({ attribute: false }) switchHref: string | null = null;

  private get invalidField(): Field | null {
    const last = this.error?.field?.split('.').pop();
    return last && FIELDS.includes(last as Field) ? (last as Field) : null;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.pending || !this.session) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const value = (name: Field) => String(data.get(name) ?? '');
    const mode = this.mode;

    const missing = this.firstMissing(mode, value);
    if (missing) {
      return this.showError({ code: ERROR_CODES.INVALID_INPUT, message: msg('this is required'), field: missing });
    }

    this.pending = true;
    const result =
      mode === 'sign-in'
        ? await this.session.login(value('email'), value('password'))
        : await this.session.signup(value('email'), value('password'), value('displayName'));
    this.pending = false;

    if (!result.ok) return this.showError(result.error);
    this.error = null;
    form.reset();
    this.emit('cp-signed-in', { user: result.data.user, mode });
  }

  private firstMissing(mode: Mode, value: (name: Field) => string): Field | null {
    const fields: Field[] = mode === 'sign-up' ? ['displayName', 'email', 'password'] : ['email', 'password'];
    return fields.find((field) => value(field).trim() === '') ?? null;
  }

  private async showError(error: ErrorBody): Promise<void> {
    this.error = error;
    await this.updateComplete;
    this.alertElement?.focus();
  }

  private toggleMode(): void {
    this.mode = this.mode === 'sign-in' ? 'sign-up' : 'sign-in';
    this.error = null;
  }

  private errorText(error: ErrorBody): string {
    const field = this.invalidField;
    if (!field) return error.message;
    const raw = error.field ?? field;
    const message = error.message.startsWith(`${raw}: `) ? error.message.slice(raw.length + 2) : error.message;
    return msg('{field}: {problem}', { field: fieldLabel(field), problem: message });
  }

  private renderField(field: Field, type: string, autocomplete: string, extra: { hint?: string; min?: number; max: number }) {
    const id = `field-${field}`;
    const invalid = this.invalidField === field;
    const describedBy = [extra.hint ? `${id}-hint` : '', invalid ? 'sign-in-error' : ''].filter(Boolean).join(' ');
    return html`<div class="sign-in__field">
      <label class="sign-in__label" for=${id}>${fieldLabel(field)}</label>
      ${extra.hint ? html`<span class="sign-in__hint" id="${id}-hint">${extra.hint}</span>` : nothing}
      <input
        class="sign-in__input"
        id=${id}
        name=${field}
        type=${type}
        autocomplete=${autocomplete}
        required
        minlength=${extra.min ?? nothing}
        maxlength=${extra.max}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
      />
    </div>`;
  }

  /** Moves focus to the first field, e.g. after a "Sign in" button elsewhere was pressed. */
  override focus(options?: FocusOptions): void {
    this.firstInput?.focus(options);
  }

  override render() {
    const signUp = this.mode === 'sign-up';
    const title = signUp ? msg('Create account') : msg('Sign in');
    return html`<form class="sign-in" part="form" novalidate aria-labelledby="sign-in-title" @submit=${this.onSubmit}>
      <h2 class="sign-in__title" id="sign-in-title">${title}</h2>
      ${this.error
        ? html`<p class="alert" id="sign-in-error" role="alert" tabindex="-1">${this.errorText(this.error)}</p>`
        : nothing}
      ${signUp
        ? this.renderField('displayName', 'text', 'nickname', {
            hint: msg('Shown next to what you post.'),
            max: LIMITS.displayNameMax,
          })
        : nothing}
      ${this.renderField('email', 'email', 'username', { max: LIMITS.emailMax })}
      ${this.renderField('password', 'password', signUp ? 'new-password' : 'current-password', {
        hint: signUp ? msg('At least {min} characters.', { min: LIMITS.passwordMin }) : undefined,
        min: signUp ? LIMITS.passwordMin : undefined,
        max: LIMITS.passwordMax,
      })}
      <div>
        <button class="button" type="submit" ?disabled=${this.pending}>
          ${this.pending ? (signUp ? msg('Creating account…') : msg('Signing in…')) : title}
        </button>
      </div>
      <p class="sign-in__switch">
        ${signUp ? msg('Already have an account?') : msg('New here?')}
        ${this.switchHref
          ? html`<a href=${this.switchHref}>${signUp ? msg('Sign in') : msg('Create account')}</a>`
          : html`<button class="link-button" type="button" @click=${this.toggleMode}>${signUp ? msg('Sign in') : msg('Create account')}</button>`}
      </p>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-sign-in': CpSignIn;
  }
}
