import type { ErrorBody } from '../../../shared/errors.js';
import type { AuthResponse, User } from '../../../shared/schemas/auth.js';
import type { Localizer } from '../../i18n/localizer.js';
import { ApiClient } from '../../services/api.js';
import { createSocket, reconnectAs, type AppSocket } from '../../services/socket.js';
import type { EmbedHost } from '../host.js';

export type SessionStatus = 'anonymous' | 'signing-in' | 'signed-in';

/**
 * Who the widget's visitor is. Anonymous until the brand hands over its signed token (the
 * `getToken()` callback or `token` attribute), which is exchanged for a Commonplace token
 * scoped to the space. That token lives only in this object's memory: never in cookies or the
 * page's storage, so the widget works where third-party cookies are blocked.
 */
export class WidgetSession {
  readonly api: ApiClient;
  readonly socket: AppSocket;
  status: SessionStatus = 'anonymous';
  user: User | null = null;
  /** Why the last sign-in failed (shown in the widget; also sent as `commonplace-error`). */
  problem: ErrorBody | null = null;
  #attempt = 0;

  constructor(
    private readonly host: EmbedHost,
    private readonly changed: () => void,
    localizer?: Localizer,
  ) {
    this.api = new ApiClient({ baseUrl: host.serverOrigin, credentials: 'omit', localizer });
    this.socket = createSocket({ url: host.serverOrigin, withCredentials: false });
  }

  get signedIn(): boolean {
    return this.status === 'signed-in';
  }

  /** Connects; signs in first when the brand already has a token for this visitor. */
  async start(): Promise<void> {
    if (this.host.canSignIn()) await this.signIn();
    if (!this.socket.active) this.socket.connect();
  }

  async signIn(): Promise<void> {
    const attempt = ++this.#attempt;
    let brandToken: string | null;
    try {
      brandToken = await this.host.brandToken();
    } catch {
      brandToken = null;
    }
    if (attempt !== this.#attempt) return;
    if (!brandToken) {
      if (this.signedIn) this.signOut();
      return;
    }
    this.status = 'signing-in';
    this.problem = null;
    this.changed();
    const slug = encodeURIComponent(this.host.settings().space);
    const result = await this.api.post<AuthResponse>(`/api/v1/spaces/${slug}/sso`, { token: brandToken });
    if (attempt !== this.#attempt) return;
    if (!result.ok) {
      this.#forget();
      this.problem = result.error;
      this.changed();
      this.host.emit('commonplace-error', { code: result.error.code, message: result.error.message });
      return;
    }
    this.api.bearerToken = result.data.token;
    this.user = result.data.user;
    this.status = 'signed-in';
    this.#reconnect(result.data.token);
    this.changed();
    this.host.emit('commonplace-signed-in', { user: { id: result.data.user.id, displayName: result.data.user.displayName } });
  }

  signOut(): void {
    this.#attempt++;
    const wasSignedIn = this.signedIn;
    this.#forget();
    this.problem = null;
    this.#reconnect(null);
    this.changed();
    if (wasSignedIn) this.host.emit('commonplace-signed-out', {});
  }

  /**
   * The visitor wants to do something that needs a sign-in. The brand decides how: it listens
   * for `commonplace-sign-in-requested` (and may cancel it to run its own sign-in, then call
   * `element.signIn()`); otherwise the widget asks `getToken()` itself.
   */
  async requestSignIn(reason: string): Promise<void> {
    const proceed = this.host.emit('commonplace-sign-in-requested', { view: this.host.settings().view, reason });
    if (proceed && this.host.canSignIn()) await this.signIn();
  }

  /** A 401 on a write: the Commonplace token expired; sign in again with a fresh brand token. */
  async renew(): Promise<boolean> {
    await this.signIn();
    return this.signedIn;
  }

  destroy(): void {
    this.#attempt++;
    this.socket.disconnect();
  }

  #forget(): void {
    this.api.bearerToken = null;
    this.user = null;
    this.status = 'anonymous';
  }

  #reconnect(token: string | null): void {
    const auth = this.socket.auth as Record<string, unknown>;
    if (token) auth.token = token;
    else delete auth.token;
    if (this.socket.active) reconnectAs(this.socket);
  }
}
