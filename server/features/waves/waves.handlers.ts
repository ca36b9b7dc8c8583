import { SupportEventSchema } from '../../../shared/schemas/waves.js';
import { signedIn } from '../../realtime/signed-in.js';
import type { SocketEvents } from '../../realtime/socket-events.js';
import type { WavesContext } from './waves.context.js';
import { setSupport } from './waves.support.js';

export function waveSocketEvents(events: SocketEvents, waves: WavesContext) {
  events.on('support:set', SupportEventSchema, (socket, { waveId, support, idempotencyKey }) =>
    setSupport(waves, { viewer: signedIn(socket), waveId, support, idempotencyKey }),
  );
}
