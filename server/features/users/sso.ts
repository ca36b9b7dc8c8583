import { errors as joseErrors, jwtVerify } from 'jose';
import type { Kysely } from 'kysely';
import { ERROR_CODES } from '../../../shared/errors.js';
import type { Database } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError } from '../../http/errors.js';
import { ensureMember } from '../spaces/spaces.repository.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import { findUserById, insertUser } from './users.repository.js';
import type { UserRow } from './users.table.js';

export interface SsoClaims {
  sub: string;
  name: string;
  email?: string;
}

const invalid = (why: string) => new AppError(ERROR_CODES.INVALID_SSO_TOKEN, `SSO token rejected: ${why}`);

/**
 * Verifies a brand's HS256 token with the space's secret. Only HS256 is accepted, so
 * `alg: none` and algorithm-confusion tokens fail; `exp`, `sub` and `name` are required.
 */
export async function verifySsoToken(token: string, secret: string, now: Date): Promise<SsoClaims> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp'],
      currentDate: now,
      clockTolerance: 30,
    });
    if (typeof payload.name !== 'string' || payload.name.trim() === '') throw invalid('the "name" claim is required');
    if (payload.sub!.length > 200) throw invalid('the "sub" claim is too long');
    return {
      sub: payload.sub!,
      name: payload.name.trim().slice(0, 60),
      email: typeof payload.email === 'string' ? payload.email : undefined,
    };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof joseErrors.JWTExpired) throw invalid('it has expired');
    if (err instanceof joseErrors.JWSSignatureVerificationFailed) throw invalid('the signature does not match this space');
    if (err instanceof joseErrors.JOSEAlgNotAllowed) throw invalid('only HS256-signed tokens are accepted');
    if (err instanceof joseErrors.JWTClaimValidationFailed) throw invalid(`the "${err.claim}" claim is missing or invalid`);
    throw invalid('it is not a well-formed signed JWT');
  }
}

/**
 * The same brand user (space, sub) always maps to the same Commonplace user. The brand's
 * email is not linked to an existing account: a brand could claim anyone's address. Call inside
 * a transaction (with the session it starts).
 */
export async function userForSsoClaims(
  db: Kysely<Database>,
  space: SpaceRow,
  claims: SsoClaims,
  now: string,
): Promise<UserRow> {
  const identity = await db
    .selectFrom('sso_identities')
    .select('user_id')
    .where('space_id', '=', space.id)
    .where('subject', '=', claims.sub)
    .executeTakeFirst();
  if (identity) {
    const user = await findUserById(db, identity.user_id);
    if (user && user.display_name !== claims.name) {
      await db.updateTable('users').set({ display_name: claims.name }).where('id', '=', user.id).execute();
      return { ...user, display_name: claims.name };
    }
    if (user) return user;
  }
  const user = await insertUser(db, { email: null, passwordHash: null, displayName: claims.name, now });
  await db
    .insertInto('sso_identities')
    .values({ space_id: space.id, subject: claims.sub, user_id: user.id, created_at: now })
    .execute()
    .catch((err) => {
      if (isUniqueViolation(err)) throw new AppError(ERROR_CODES.CONFLICT, 'Signing in twice at once; try again');
      throw err;
    });
  await ensureMember(db, space.id, user.id, now);
  return user;
}
