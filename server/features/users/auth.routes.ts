import type { Response } from 'express';
import type { Kysely } from 'kysely';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { ERROR_CODES } from '../../../shared/errors.js';
import {
  AuthResponseSchema,
  LoginBodySchema,
  MeResponseSchema,
  SignupBodySchema,
  type AuthResponse,
} from '../../../shared/schemas/auth.js';
import type { Database } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/errors.js';
import { defineRoute } from '../../http/route.js';
import { membershipsOf } from '../spaces/spaces.repository.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.js';
import { createSession, csrfTokenFor, revokeSession, SESSION_COOKIE } from './sessions.js';
import type { LoginLimiter } from './login-limiter.js';
import { findUserByEmail, findUserById, insertUser, toUser } from './users.repository.js';
import type { UserRow } from './users.table.js';

export interface AuthRouteOptions {
  csrfSecret: Buffer;
  loginLimiter: LoginLimiter;
  signupsPerHour: number;
}

function cookieSecure(deps: AppDeps): boolean {
  return deps.config.cookieSecure ?? deps.config.publicUrl?.startsWith('https:') ?? false;
}

/** A new session, as cookie (for the web app) and bearer token (for API and widget clients). */
export async function startSession(
  deps: AppDeps,
  csrfSecret: Buffer,
  user: UserRow,
  opts: { res?: Response; spaceId?: string; db?: Kysely<Database> },
): Promise<AuthResponse> {
  const { token, session } = await createSession(opts.db ?? deps.db.kysely, {
    userId: user.id,
    spaceId: opts.spaceId ?? null,
    now: deps.clock.now(),
    days: deps.config.sessionDays,
  });
  opts.res?.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(deps),
    path: '/',
    maxAge: deps.config.sessionDays * 86_400_000,
  });
  return { user: toUser(user), token, csrfToken: csrfTokenFor(csrfSecret, session.id) };
}

export function authRoutes({ csrfSecret, loginLimiter, signupsPerHour }: AuthRouteOptions) {
  // Account creation is cheap to abuse; a few per IP per hour is plenty for people.
  const signupLimiter = new RateLimiterMemory({ keyPrefix: 'signup-ip', points: signupsPerHour, duration: 3600 });

  return [
    defineRoute({
      method: 'post',
      path: '/auth/signup',
      summary: 'Create an account and sign in',
      tag: 'auth',
      auth: 'none',
      body: SignupBodySchema,
      response: AuthResponseSchema,
      status: 201,
      errors: [409, 429],
      async handler({ body, deps, req, res }) {
        try {
          await signupLimiter.consume(req.ip ?? 'unknown');
        } catch (rejection) {
          const retryAfter = Math.ceil(((rejection as { msBeforeNext?: number }).msBeforeNext ?? 60_000) / 1000);
          throw new AppError(ERROR_CODES.RATE_LIMITED, `Too many new accounts from here; try again in ${retryAfter} s`, {
            retryAfter,
          });
        }
        if (await findUserByEmail(deps.db.kysely, body.email)) {
          throw new AppError(ERROR_CODES.CONFLICT, 'An account with this email already exists', { field: 'email' });
        }
        const passwordHash = await hashPassword(body.password);
        const user = await insertUser(deps.db.kysely, {
          email: body.email,
          passwordHash,
          displayName: body.displayName,
          now: deps.clock.now().toISOString(),
        }).catch((err: unknown) => {
          // Two sign-ups racing for one email: the unique index decides.
          if (isUniqueViolation(err)) {
            throw new AppError(ERROR_CODES.CONFLICT, 'An account with this email already exists', { field: 'email' });
          }
          throw err;
        });
        return startSession(deps, csrfSecret, user, { res });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/login',
      summary: 'Sign in with email and password',
      tag: 'auth',
      auth: 'none',
      body: LoginBodySchema,
      response: AuthResponseSchema,
      errors: [401, 429],
      async handler({ body, deps, req, res }) {
        const ip = req.ip ?? 'unknown';
        await loginLimiter.assertAllowed(ip, body.email);
        const user = await findUserByEmail(deps.db.kysely, body.email);
        const ok = user?.password_hash
          ? await verifyPassword(body.password, user.password_hash)
          : await verifyAgainstDummy(body.password);
        if (!user || !ok) {
          await loginLimiter.recordFailure(ip, body.email);
          throw new AppError(ERROR_CODES.BAD_CREDENTIALS, 'Email or password is wrong');
        }
        await loginLimiter.recordSuccess(body.email);
        return startSession(deps, csrfSecret, user, { res });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/logout',
      summary: 'Sign out: revokes this session or token and clears the cookie',
      tag: 'auth',
      auth: 'user',
      response: null,
      status: 204,
      async handler({ viewer, deps, res }) {
        await revokeSession(deps.db.kysely, viewer!.sessionId, deps.clock.now());
        res.clearCookie(SESSION_COOKIE, { path: '/' });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/me',
      summary: 'The signed-in person and their role in each space',
      tag: 'auth',
      auth: 'user',
      response: MeResponseSchema,
      async handler({ viewer, deps }) {
        const user = await findUserById(deps.db.kysely, viewer!.id);
        if (!user) throw new AppError(ERROR_CODES.UNAUTHENTICATED, 'This account no longer exists');
        const rows = await membershipsOf(deps.db.kysely, user.id);
        const memberships = rows
          .filter((r) => viewer!.scopedSpaceId === null || r.id === viewer!.scopedSpaceId)
          .map((r) => ({ space: { id: r.id, slug: r.slug, name: r.name }, role: r.role }));
        return {
          user: toUser(user),
          memberships,
          csrfToken: viewer!.via === 'cookie' ? csrfTokenFor(csrfSecret, viewer!.sessionId) : null,
          scopedToSpace: viewer!.scopedSpaceId,
        };
      },
    }),
  ];
}

