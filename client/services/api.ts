import { ERROR_CODES, type ErrorBody, type ErrorCode } from '../../shared/errors.js';
import type { Result } from '../../shared/protocol/result.js';
import { i18n } from '../i18n/app.js';
import type { Localizer } from '../i18n/localizer.js';

export interface ApiOptions {
  /** Prefix for every path; '' means this page's own origin. The widget passes the server's origin. */
  baseUrl?: string;
  /** 'same-origin' for the apps (session cookie); the widget uses 'omit' (anonymous or bearer). */
  credentials?: RequestCredentials;
  fetch?: typeof fetch;
  /** The language of the client's own error messages (the app's by default; a widget view passes its own). */
  localizer?: Localizer;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Extra headers, e.g. `Idempotency-Key` on a create. */
  headers?: Record<string, string>;
}

// When the body is not our JSON error (a proxy page, an HTML fallback), the status still says what happened.
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ERROR_CODES.INVALID_INPUT,
  401: ERROR_CODES.UNAUTHENTICATED,
  403: ERROR_CODES.FORBIDDEN,
  404: ERROR_CODES.NOT_FOUND,
  409: ERROR_CODES.CONFLICT,
  413: ERROR_CODES.PAYLOAD_TOO_LARGE,
  429: ERROR_CODES.RATE_LIMITED,
};

/** The server could not be reached, in the language of `l`. */
export function networkError(l: Localizer = i18n): ErrorBody {
  return { code: ERROR_CODES.INTERNAL, message: l.msg("We couldn't reach Commonplace. Check your connection and try again.") };
}

/** fetch for the JSON API: every call resolves to a `Result<T>`, never throws. */
export class ApiClient {
  /** Sent as X-CSRF-Token on writes; set from login, signup and GET /me. Kept in memory only. */
  csrfToken: string | null = null;
  /** Sent as `Authorization: Bearer` when set (widget sign-in through a brand token). */
  bearerToken: string | null = null;

  readonly #baseUrl: string;
  readonly #credentials: RequestCredentials;
  readonly #fetch: typeof fetch;
  readonly #l: Localizer;

  constructor(options: ApiOptions = {}) {
    this.#l = options.localizer ?? i18n;
    this.#baseUrl = options.baseUrl ?? '';
    this.#credentials = options.credentials ?? 'same-origin';
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  get<T>(path: string): Promise<Result<T>> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<Result<T>> {
    return this.request<T>('POST', path, body, options);
  }

  put<T>(path: string, body?: unknown): Promise<Result<T>> {
    return this.request<T>('PUT', path, body);
  }

  patch<T>(path: string, body?: unknown): Promise<Result<T>> {
    return this.request<T>('PATCH', path, body);
  }

  delete<T>(path: string): Promise<Result<T>> {
    return this.request<T>('DELETE', path);
  }

  async request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<Result<T>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    // GETs stay CORS-simple (no preflight) for the cross-origin widget; writes always declare JSON.
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    }
    if (this.bearerToken) headers.Authorization = `Bearer ${this.bearerToken}`;

    let response: Response;
    try {
      response = await this.#fetch(this.#baseUrl + path, {
        method,
        headers,
        credentials: this.#credentials,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      return { ok: false, error: networkError(this.#l) };
    }

    const payload = await readJson(response);
    if (response.ok) {
      if (response.status === 204) return { ok: true, data: null as T };
      if (payload === undefined) return { ok: false, error: unexpected(response, this.#l) };
      return { ok: true, data: payload as T };
    }
    const error = errorBody(payload);
    if (error) return { ok: false, error };
    // A gateway in front of a stopped server answers for it.
    if ([502, 503, 504].includes(response.status)) return { ok: false, error: networkError(this.#l) };
    return { ok: false, error: unexpected(response, this.#l) };
  }
}

async function readJson(response: Response): Promise<unknown> {
  if (!response.headers.get('Content-Type')?.includes('application/json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function errorBody(payload: unknown): ErrorBody | null {
  const error = (payload as { error?: Partial<ErrorBody> } | undefined)?.error;
  return error && typeof error.code === 'string' && typeof error.message === 'string' ? (error as ErrorBody) : null;
}

function unexpected(response: Response, l: Localizer): ErrorBody {
  const code = CODE_BY_STATUS[response.status] ?? ERROR_CODES.INTERNAL;
  const message =
    code === ERROR_CODES.NOT_FOUND
      ? l.msg('Not found')
      : l.msg('Commonplace answered unexpectedly (HTTP {status}). Please try again.', { status: String(response.status) });
  return { code, message };
}
