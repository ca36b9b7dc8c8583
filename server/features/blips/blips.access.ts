import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import { requireWave, type WaveAccess } from '../waves/waves.access.js';
import type { Viewer } from '../users/viewer.js';
import type { BlipRow } from './blips.table.js';
import { findBlip } from './blips.repository.js';

/** A blip and its wave, checked like the wave; a blip in a wave the viewer cannot see does not exist for them. */
export async function requireBlip(
  db: Kysely<Database>,
  viewer: Viewer | null,
  blipId: string,
  needed: Role | null,
): Promise<WaveAccess & { blip: BlipRow }> {
  const blip = await findBlip(db, blipId);
  if (!blip) throw notFound('Blip');
  const access = await requireWave(db, viewer, blip.wave_id, needed).catch((err) => {
    throw err?.status === 404 ? notFound('Blip') : err;
  });
  return { ...access, blip };
}
