import {
  DeleteBlipEventSchema,
  DraftEventSchema,
  EditBlipEventSchema,
  PostBlipEventSchema,
  ReactionEventSchema,
} from '../../../shared/schemas/waves.js';
import type { Logger } from '../../lib/logger.js';
import { unauthenticated } from '../../http/errors.js';
import { defineHandler } from '../../realtime/handler.js';
import type { AppSocket } from '../../realtime/io.js';
import type { BlipService } from './blips.service.js';
import type { DraftRelay } from './drafts.js';
import type { ReactionService } from './reactions.js';

export function registerBlipHandlers(
  socket: AppSocket,
  log: Logger,
  services: { blips: BlipService; reactions: ReactionService; drafts: DraftRelay },
) {
  const { blips, reactions, drafts } = services;
  const signedIn = () => {
    const viewer = socket.data.viewer;
    if (!viewer) throw unauthenticated();
    return viewer;
  };

  socket.on(
    'blip:post',
    defineHandler(socket, log, PostBlipEventSchema, async (input) => ({ blip: await blips.post(signedIn(), input) })),
  );
  socket.on(
    'blip:edit',
    defineHandler(socket, log, EditBlipEventSchema, async (input) => ({ blip: await blips.edit(signedIn(), input) })),
  );
  socket.on(
    'blip:delete',
    defineHandler(socket, log, DeleteBlipEventSchema, async (input) => {
      await blips.remove(signedIn(), input);
      return null;
    }),
  );
  socket.on(
    'reaction:set',
    defineHandler(socket, log, ReactionEventSchema, async (input) => ({ reactions: await reactions.set(signedIn(), input) })),
  );
  socket.on(
    'blip:draft',
    defineHandler(socket, log, DraftEventSchema, async (input) => {
      await drafts.draft(signedIn(), socket.id, input);
      return null;
    }),
  );
  socket.on('disconnect', () => drafts.socketClosed(socket.id));
}
