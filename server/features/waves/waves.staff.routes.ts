import {
  ChangeStatusBodySchema,
  LockBodySchema,
  MergeBodySchema,
  PinBodySchema,
  WaveDetailSchema,
  WaveParamsSchema,
} from '../../../shared/schemas/waves.js';
import type { AppDeps } from '../../deps.js';
import { defineRoute, idempotencyKeyOf } from '../../http/route.js';
import type { Viewer } from '../users/viewer.js';
import { requireWave, type WaveAccess } from './waves.access.js';
import type { WavesContext } from './waves.context.js';
import { findWave, waveDetail } from './waves.repository.js';
import { changeStatus, mergeWave, pinBlip, setLocked } from './waves.service.js';

/** Staff actions on a wave; each is audited and answers with the wave as it is now. */
export function waveStaffRoutes(waves: WavesContext) {
  const asStaff = async (deps: AppDeps, viewer: Viewer | null, waveId: string) => {
    const access = await requireWave(deps.db.kysely, viewer, waveId, 'staff');
    return { access, actor: { id: viewer!.id, displayName: viewer!.displayName } };
  };
  const answer = async (deps: AppDeps, viewer: Viewer | null, access: WaveAccess) =>
    waveDetail(deps.db.kysely, (await findWave(deps.db.kysely, access.wave.id))!, viewer, access.role);

  return [
    defineRoute({
      method: 'post',
      path: '/waves/:waveId/status',
      summary: 'Move the wave to another status with a public reason (staff)',
      tag: 'waves',
      auth: 'user',
      params: WaveParamsSchema,
      body: ChangeStatusBodySchema,
      response: WaveDetailSchema,
      errors: [403, 404, 409],
      async handler({ params, body, viewer, deps, req }) {
        const idempotencyKey = idempotencyKeyOf(req);
        const { access, actor } = await asStaff(deps, viewer, params.waveId);
        await changeStatus(waves, { access, actor, status: body.status, reason: body.reason, idempotencyKey });
        return answer(deps, viewer, access);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/waves/:waveId/merge',
      summary: 'Merge this wave into another wave of the same space: supports and blips move, this one becomes merged (staff)',
      tag: 'waves',
      auth: 'user',
      params: WaveParamsSchema,
      body: MergeBodySchema,
      response: WaveDetailSchema,
      errors: [403, 404, 409],
      async handler({ params, body, viewer, deps }) {
        const { access, actor } = await asStaff(deps, viewer, params.waveId);
        await mergeWave(waves, { access, actor, into: body.into, reason: body.reason });
        return answer(deps, viewer, access);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/waves/:waveId/lock',
      summary: 'Lock or unlock the idea document; open fan editors turn read-only at once (staff)',
      tag: 'waves',
      auth: 'user',
      params: WaveParamsSchema,
      body: LockBodySchema,
      response: WaveDetailSchema,
      errors: [403, 404],
      async handler({ params, body, viewer, deps }) {
        const { access, actor } = await asStaff(deps, viewer, params.waveId);
        await setLocked(waves, { access, actor, locked: body.locked });
        return answer(deps, viewer, access);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/waves/:waveId/pin',
      summary: 'Pin one of the wave’s blips to its top, or unpin with null (staff)',
      tag: 'waves',
      auth: 'user',
      params: WaveParamsSchema,
      body: PinBodySchema,
      response: WaveDetailSchema,
      errors: [403, 404],
      async handler({ params, body, viewer, deps }) {
        const { access, actor } = await asStaff(deps, viewer, params.waveId);
        await pinBlip(waves, { access, actor, blipId: body.blipId });
        return answer(deps, viewer, access);
      },
    }),
  ];
}
