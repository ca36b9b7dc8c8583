import { css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { User } from '../../../shared/schemas/auth.js';
import { AppElement } from '../../base-element.js';
import { msg, msgRich } from '../../i18n/app.js';
import '../../components/cp-sign-in/cp-sign-in.js';
import type { CpSignIn } from '../../components/cp-sign-in/cp-sign-in.js';
import type { SessionStore } from '../../services/session.js';
import { shared } from '../../styles/shared.js';
import { viewPage } from '../../styles/views.js';
import { href } from '../router.js';

/**
 * @summary The `/signin` and `/signup` pages: the form (field errors from the server's answer,
 * named by field), a link to the other one that keeps `next`, and, once signed in, back to `next`
 * (the app does the going back; this page only shows the form).
 */
@customElement('cp-sign-in-view')
export class CpSignInView extends AppElement {
  static override styles = [
    shared,
    viewPage,
    css`
      .page {
        display: grid;
        gap: var(--cp-space-4);
        max-width: 28rem;
      }
      .card {
        padding: var(--cp-space-6);
        border: 1px solid var(--cp-color-border-subtle);
        border-radius: 0.75rem;
        background: var(--cp-color-bg);
      }
      .why {
        margin: 0;
        color: var(--cp-color-text-muted);
      }
      @media (max-width: 30rem) {
        .card {
          padding: var(--cp-space-4);
        }
      }
    `,
  ];

  @property() mode: 'sign-in' | 'sign-up' = 'sign-in';
  /** The app address to return to. */
  @property({ attribute: false }) next: string | null = null;
  @property({ attribute: false }) session?: SessionStore;
  @property({ attribute: false }) user: User | null = null;

  @query('cp-sign-in') private form?: CpSignIn;

  /** Moves focus into the first field (the app calls this after navigating here). */
  override focus(): void {
    void this.updateComplete.then(async () => {
      await this.form?.updateComplete;
      this.form?.focus();
    });
  }

  override render() {
    const signUp = this.mode === 'sign-up';
    document.title = signUp ? msg('Create account · Commonplace') : msg('Sign in · Commonplace');
    if (this.user) {
      return html`<div class="page">
        <h2>${msg('You are signed in')}</h2>
        <p>
          ${msgRich('You are signed in as {name}. Sign out first to use another account.', { name: html`<strong>${this.user.displayName}</strong>` })}
        </p>
        <p><a href=${this.next ?? '/'}>${msg('Continue')}</a></p>
      </div>`;
    }
    return html`<div class="page">
      <p class="why">
        ${signUp
          ? msg('An account lets you support ideas, write them with others, reply and sit at cafe tables.')
          : msg('Welcome back. Sign in to support ideas, reply and sit at cafe tables.')}
      </p>
      <div class="card">
        <cp-sign-in
          .session=${this.session}
          .mode=${this.mode}
          .switchHref=${signUp ? href.signIn(this.next) : href.signUp(this.next)}
        ></cp-sign-in>
      </div>
      ${this.next ? html`<p class="why">${msg('You will go back to where you were afterwards.')}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-sign-in-view': CpSignInView;
  }
}
