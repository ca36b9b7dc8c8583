import type { Kysely } from 'kysely';
import type { DocAccessResolver } from '../../collab/access.js';
import { hasRole, type Role } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { forbidden, notFound, unauthenticated } from '../../http/errors.js';
import { requireSpace, roleIn } from '../spaces/access.js';
import { findSpaceById, parseSettings } from '../spaces/spaces.repository.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import type { Viewer } from '../users/viewer.js';
import type { WaveRow } from './waves.table.js';

export interface WaveAccess {
  wave: WaveRow;
  space: SpaceRow;
  role: Role | null;
}

/**
 * Loads a wave and checks the viewer against its space: `null` to read (anonymous in public
 * spaces), `fan` to take part, `staff` to moderate. A wave in a space the viewer cannot read is a 404.
 */
export async function requireWave(
  db: Kysely<Database>,
  viewer: Viewer | null,
  waveId: string,
  needed: Role | null,
): Promise<WaveAccess> {
  const wave = await db.selectFrom('waves').selectAll().where('id', '=', waveId).executeTakeFirst();
  if (!wave) throw notFound('Wave');
  const { space, role } = await requireSpace(db, viewer, { id: wave.space_id }, null).catch((err) => {
    throw err?.status === 401 || err?.status === 404 ? notFound('Wave') : err;
  });
  // A wave waiting for review exists only for its author and staff; a rejected one only for its author.
  const ownWave = viewer !== null && wave.author_id === viewer.id;
  if (wave.visibility === 'rejected' && !ownWave) throw notFound('Wave');
  if (wave.visibility === 'held' && !ownWave && !hasRole(role, 'staff')) throw notFound('Wave');
  if (needed !== null) {
    if (!viewer) throw unauthenticated();
    if (role === null) throw forbidden('Your sign-in is for another space');
    if (!hasRole(role, needed)) throw forbidden('Only staff of this space may do this');
  }
  return { wave, space, role };
}

/** Fans may change a wave's document and thread unless staff locked it or merged it away. */
export function canEditDocument(wave: Pick<WaveRow, 'locked' | 'merged_into'>, role: Role | null): boolean {
  // A merged wave is a signpost to where the idea lives now: nobody writes there any more.
  if (wave.merged_into !== null) return false;
  return hasRole(role, 'staff') || (role !== null && wave.locked === 0);
}

/**
 * `wave:<waveId>`, the idea document: whoever may read the space reads it; members write it
 * unless it is locked, staff always.
 */
export const waveDocAccess: DocAccessResolver = async ({ db, viewer, id }) => {
  const wave = await db.selectFrom('waves').select(['space_id', 'locked', 'merged_into']).where('id', '=', id).executeTakeFirst();
  if (!wave) return null;
  const space = await findSpaceById(db, wave.space_id);
  if (!space) return null;
  const role = await roleIn(db, viewer, space.id);
  if (role === null && !parseSettings(space).public) return 'none';
  return canEditDocument(wave, role) ? 'read-write' : 'read-only';
};
