import { ERROR_CODES, type ErrorBody } from '../../shared/errors.js';
import type { Result } from '../../shared/protocol/result.js';
import type { AuthResponse, MeResponse, Membership, User } from '../../shared/schemas/auth.js';
import type { ApiClient } from './api.js';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in';

export interface SessionState {
  status: SessionStatus;
  user: User | null;
  memberships: Membership[];
  /** Set when GET /me failed for a reason other than "not signed in". */
  error: ErrorBody | null;
}

export type SessionListener = (state: SessionState, previous: SessionState) => void;

const SIGNED_OUT: SessionState = { status: 'signed-out', user: null, memberships: [], error: null };

/** Who is signed in, and the calls that change it. The CSRF token lives on the ApiClient. */
export class SessionStore {
  #state: SessionState = { ...SIGNED_OUT, status: 'loading' };
  readonly #listeners = new Set<SessionListener>();

  constructor(private readonly api: ApiClient) {}

  get state(): SessionState {
    return this.#state;
  }

  get csrfToken(): string | null {
    return this.api.csrfToken;
  }

  subscribe(listener: SessionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async load(): Promise<Result<MeResponse>> {
    const result = await this.api.get<MeResponse>('/api/v1/me');
    if (result.ok) {
      this.api.csrfToken = result.data.csrfToken ?? this.api.csrfToken;
      this.#set({ status: 'signed-in', user: result.data.user, memberships: result.data.memberships, error: null });
    } else {
      this.api.csrfToken = null;
      const quiet = result.error.code === ERROR_CODES.UNAUTHENTICATED;
      this.#set({ ...SIGNED_OUT, error: quiet ? null : result.error });
    }
    return result;
  }

  login(email: string, password: string): Promise<Result<MeResponse>> {
    return this.#authenticate('/api/v1/auth/login', { email, password });
  }

  signup(email: string, password: string, displayName: string): Promise<Result<MeResponse>> {
    return this.#authenticate('/api/v1/auth/signup', { email, password, displayName });
  }

  async logout(): Promise<Result<null>> {
    const result = await this.api.post<null>('/api/v1/auth/logout');
    // A session the server no longer knows is as signed out as a successful logout.
    if (result.ok || result.error.code === ERROR_CODES.UNAUTHENTICATED) {
      this.api.csrfToken = null;
      this.#set(SIGNED_OUT);
      return { ok: true, data: null };
    }
    return result;
  }

  async #authenticate(path: string, body: Record<string, string>): Promise<Result<MeResponse>> {
    const auth = await this.api.post<AuthResponse>(path, body);
    if (!auth.ok) return auth;
    this.api.csrfToken = auth.data.csrfToken;
    // The auth response has no memberships; /me does, and confirms the cookie took.
    return this.load();
  }

  #set(next: SessionState): void {
    const previous = this.#state;
    this.#state = next;
    for (const listener of this.#listeners) listener(next, previous);
  }
}
