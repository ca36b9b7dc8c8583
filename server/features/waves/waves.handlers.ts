import { SupportEventSchema } from '../../../shared/schemas/waves.js';
import type { AppDeps } from '../../deps.js';
import { unauthenticated } from '../../http/errors.js';
import { defineHandler } from '../../realtime/handler.js';
import type { AppSocket } from '../../realtime/io.js';
import type { WavesContext } from './waves.context.js';
import { setSupport } from './waves.support.js';

export function registerWaveHandlers(socket: AppSocket, deps: AppDeps, waves: WavesContext) {
  socket.on(
    'support:set',
    defineHandler(socket, deps.log, SupportEventSchema, async ({ waveId, support, idempotencyKey }) => {
      const viewer = socket.data.viewer;
      if (!viewer) throw unauthenticated();
      return setSupport(waves, { viewer, waveId, support, idempotencyKey });
    }),
  );
}
