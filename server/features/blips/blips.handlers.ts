import {
  DeleteBlipEventSchema,
  DraftEventSchema,
  EditBlipEventSchema,
  PostBlipEventSchema,
  ReactionEventSchema,
} from '../../../shared/schemas/waves.js';
import { signedIn } from '../../realtime/signed-in.js';
import type { SocketEvents } from '../../realtime/socket-events.js';
import type { BlipService } from './blips.service.js';
import type { DraftRelay } from './drafts.js';
import type { ReactionService } from './reactions.js';

export function blipSocketEvents(events: SocketEvents, services: { blips: BlipService; reactions: ReactionService; drafts: DraftRelay }) {
  const { blips, reactions, drafts } = services;
  events.on('blip:post', PostBlipEventSchema, async (socket, input) => ({ blip: await blips.post(signedIn(socket), input) }));
  events.on('blip:edit', EditBlipEventSchema, async (socket, input) => ({ blip: await blips.edit(signedIn(socket), input) }));
  events.on('blip:delete', DeleteBlipEventSchema, async (socket, input) => {
    await blips.remove(signedIn(socket), input);
    return null;
  });
  events.on('reaction:set', ReactionEventSchema, async (socket, input) => ({ reactions: await reactions.set(signedIn(socket), input) }));
  events.on('blip:draft', DraftEventSchema, async (socket, input) => {
    await drafts.draft(signedIn(socket), socket.id, input);
    return null;
  });
  events.onDisconnect((socket) => drafts.socketClosed(socket.id));
}
