import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ZodError } from 'zod';
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '../../shared/errors.js';
import type { Logger } from '../lib/logger.js';

const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  INVALID_SSO_TOKEN: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  ORIGIN_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  CONTENT_REJECTED: 422,
  UNSUPPORTED_PROTOCOL: 400,
  INTERNAL: 500,
  TABLE_FULL: 409,
};

/**
 * The one error type services throw. `message` is safe to show people;
 * `detail` goes to the log only.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { field?: string; retryAfter?: number; detail?: unknown } = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.extra.field !== undefined) body.field = this.extra.field;
    if (this.extra.retryAfter !== undefined) body.retryAfter = this.extra.retryAfter;
    return body;
  }
}

export const notFound = (what: string) => new AppError(ERROR_CODES.NOT_FOUND, `${what} not found`);
export const forbidden = (message = 'You may not do this here') => new AppError(ERROR_CODES.FORBIDDEN, message);
export const unauthenticated = (message = 'Sign in first') => new AppError(ERROR_CODES.UNAUTHENTICATED, message);

export function invalidInput(error: ZodError, prefix?: string): AppError {
  const issue = error.issues[0];
  const field = [prefix, ...(issue?.path ?? [])].filter((p) => p !== undefined && p !== '').join('.');
  const message = field ? `${field}: ${issue?.message ?? 'invalid'}` : (issue?.message ?? 'invalid input');
  return new AppError(ERROR_CODES.INVALID_INPUT, message, { field: field || undefined });
}

/** Any thrown value becomes a safe ErrorBody; unknown errors are logged and hidden. */
export function toAppError(err: unknown, log: Logger): AppError {
  if (err instanceof AppError) return err;
  const e = err as { type?: string; status?: number; statusCode?: number };
  if (e?.type === 'entity.too.large') return new AppError(ERROR_CODES.PAYLOAD_TOO_LARGE, 'The request body is too large');
  if (e?.type === 'entity.parse.failed') return new AppError(ERROR_CODES.INVALID_INPUT, 'The request body is not valid JSON');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return new AppError(ERROR_CODES.INVALID_INPUT, 'Unsupported body encoding');
  log.error({ err }, 'unexpected error');
  return new AppError(ERROR_CODES.INTERNAL, 'Something went wrong on our side; it has been logged');
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const appError = toAppError(err, log);
    if (appError.extra.retryAfter !== undefined) res.setHeader('Retry-After', String(appError.extra.retryAfter));
    res.status(appError.status).json({ error: appError.toBody() });
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError(ERROR_CODES.NOT_FOUND, `No route ${req.method} ${req.path}`));
};
