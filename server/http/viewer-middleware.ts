import { parse as parseCookies } from 'cookie';
import type { RequestHandler } from 'express';
import { ERROR_CODES } from '../../shared/errors.js';
import type { AppDeps } from '../deps.js';
import { csrfTokenMatches, SESSION_COOKIE } from '../features/users/sessions.js';
import { bearerFrom, viewerFromToken } from '../features/users/viewer.js';
import { AppError, unauthenticated } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionTokenFromCookie(header: string | undefined): string | null {
  return header ? (parseCookies(header)[SESSION_COOKIE] ?? null) : null;
}

/**
 * Sets `req.viewer` from a bearer token, else the session cookie. A presented bearer
 * token that is invalid is a 401 (the client must know); a stale cookie is just anonymous.
 * Cookie-authenticated writes must echo the session's CSRF token in `X-CSRF-Token`.
 */
export function viewerMiddleware(deps: AppDeps, csrfSecret: Buffer): RequestHandler {
  return async (req, _res, next) => {
    const bearer = bearerFrom(req.headers.authorization);
    const now = deps.clock.now();
    if (bearer) {
      req.viewer = await viewerFromToken(deps.db.kysely, bearer, now, 'bearer');
      if (!req.viewer) throw unauthenticated('The bearer token is invalid, expired or revoked');
      return next();
    }
    const cookieToken = sessionTokenFromCookie(req.headers.cookie);
    req.viewer = cookieToken ? await viewerFromToken(deps.db.kysely, cookieToken, now, 'cookie') : null;
    if (req.viewer && !SAFE_METHODS.has(req.method)) {
      const presented = req.get('x-csrf-token');
      if (!csrfTokenMatches(csrfSecret, req.viewer.sessionId, presented)) {
        throw new AppError(ERROR_CODES.CSRF_FAILED, 'Missing or wrong X-CSRF-Token header for a cookie-authenticated write');
      }
    }
    next();
  };
}
