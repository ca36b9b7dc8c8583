import type { Kysely } from 'kysely';
import { hasRole, type Role } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { forbidden, notFound, unauthenticated } from '../../http/errors.js';
import type { Viewer } from '../users/viewer.js';
import { findRole, findSpaceById, findSpaceBySlug, parseSettings } from './spaces.repository.js';
import type { SpaceRow } from './spaces.table.js';

/**
 * The viewer's role in a space: their membership, or `fan` for any signed-in person.
 * Null for anonymous visitors and for SSO tokens of another space.
 */
export async function roleIn(db: Kysely<Database>, viewer: Viewer | null, spaceId: string): Promise<Role | null> {
  if (!viewer) return null;
  if (viewer.scopedSpaceId !== null && viewer.scopedSpaceId !== spaceId) return null;
  return (await findRole(db, spaceId, viewer.id)) ?? 'fan';
}

export interface SpaceAccess {
  space: SpaceRow;
  role: Role | null;
}

/**
 * Loads a space and checks the viewer may act in it with at least `needed`;
 * `needed: null` means reading, which anonymous visitors may do in public spaces.
 * Private spaces answer 404 to outsiders so their existence does not leak.
 */
export async function requireSpace(
  db: Kysely<Database>,
  viewer: Viewer | null,
  ref: { slug: string } | { id: string },
  needed: Role | null,
): Promise<SpaceAccess> {
  const space = 'slug' in ref ? await findSpaceBySlug(db, ref.slug) : await findSpaceById(db, ref.id);
  if (!space) throw notFound('Space');
  const role = await roleIn(db, viewer, space.id);
  const readable = role !== null || parseSettings(space).public;
  if (needed === null) {
    if (!readable) throw viewer ? notFound('Space') : unauthenticated('Sign in to see this space');
    return { space, role };
  }
  assertRole(viewer, role, needed);
  return { space, role };
}

/** Throws unless the viewer's role in a space (`role`, read already) is at least `needed`. */
export function assertRole(viewer: Viewer | null, role: Role | null, needed: Role): asserts role is Role {
  if (!viewer) throw unauthenticated();
  if (role === null) throw forbidden('Your sign-in is for another space');
  if (!hasRole(role, needed)) throw forbidden(`Only ${needed === 'admin' ? 'admins' : 'staff'} of this space may do this`);
}
