import { html, nothing } from 'lit';
import type { Localizer } from '../../i18n/localizer.js';
import type { ConnectionState } from '../../controllers/connection-controller.js';
import type { WidgetSession } from './session.js';

function connectionText(state: ConnectionState, l: Localizer): string {
  switch (state) {
    case 'connecting':
      return l.msg('Connecting…');
    case 'connected':
      return l.msg('Live');
    case 'reconnecting':
      return l.msg('Reconnecting…');
    case 'offline':
      return l.msg('Offline');
  }
}

/** Live / reconnecting / offline, announced politely when it changes. */
export function connectionBadge(state: ConnectionState, l: Localizer) {
  return html`<span class="muted" role="status" aria-live="polite">${connectionText(state, l)}</span>`;
}

/**
 * Who the visitor is, at the bottom of every view: "Sign in to …" while anonymous (the brand
 * decides what signing in means), the name once signed in, and why a sign-in failed.
 */
export function signInBar(session: WidgetSession, l: Localizer, reason: string, label: string) {
  const problem = session.problem
    ? html`<p class="cp-alert" role="alert">${l.msg("We couldn't sign you in: {problem}", { problem: session.problem.message })}</p>`
    : nothing;
  switch (session.status) {
    case 'signing-in':
      return html`<div class="cp-signin" part="signin"><span class="muted" role="status">${l.msg('Signing you in…')}</span></div>`;
    case 'signed-in':
      return html`<div class="cp-signin" part="signin">
        <span class="muted">${l.msgRich('Signed in as {name}', { name: html`<strong>${session.user!.displayName}</strong>` })}</span>
      </div>`;
    case 'anonymous':
      return html`${problem}
        <div class="cp-signin" part="signin">
          <span class="muted">${l.msg('You are reading along.')}</span>
          <button class="cp-button" part="button" type="button" @click=${() => void session.requestSignIn(reason)}>${label}</button>
        </div>`;
  }
}

/** The link back to the space in Commonplace. */
export function credit(serverOrigin: string, path: string, l: Localizer) {
  return html`<p class="muted">${l.msgRich('Live on {commonplace}', {
    commonplace: html`<a href=${`${serverOrigin}${path}`} target="_blank" rel="noopener">Commonplace</a>`,
  })}</p>`;
}
