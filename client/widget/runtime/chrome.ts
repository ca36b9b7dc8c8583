import { html, nothing } from 'lit';
import type { ConnectionState } from '../../controllers/connection-controller.js';
import type { WidgetSession } from './session.js';

const CONNECTION_TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** Live / reconnecting / offline, announced politely when it changes. */
export function connectionBadge(state: ConnectionState) {
  return html`<span class="muted" role="status" aria-live="polite">${CONNECTION_TEXT[state]}</span>`;
}

/**
 * Who the visitor is, at the bottom of every view: "Sign in to …" while anonymous (the brand
 * decides what signing in means), the name once signed in, and why a sign-in failed.
 */
export function signInBar(session: WidgetSession, action: string) {
  const problem = session.problem
    ? html`<p class="cp-alert" role="alert">We couldn't sign you in: ${session.problem.message}</p>`
    : nothing;
  switch (session.status) {
    case 'signing-in':
      return html`<div class="cp-signin" part="signin"><span class="muted" role="status">Signing you in…</span></div>`;
    case 'signed-in':
      return html`<div class="cp-signin" part="signin">
        <span class="muted">Signed in as <strong>${session.user!.displayName}</strong></span>
      </div>`;
    case 'anonymous':
      return html`${problem}
        <div class="cp-signin" part="signin">
          <span class="muted">You are reading along.</span>
          <button class="cp-button" part="button" type="button" @click=${() => void session.requestSignIn(action)}>Sign in to ${action}</button>
        </div>`;
  }
}

/** The link back to the space in Commonplace. */
export function credit(serverOrigin: string, path: string) {
  return html`<p class="muted">Live on <a href=${`${serverOrigin}${path}`} target="_blank" rel="noopener">Commonplace</a></p>`;
}
