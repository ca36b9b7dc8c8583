import type { StreamEvent } from '../../../shared/schemas/streams.js';
import { streamName } from '../../../shared/streams.js';
import { newId } from '../../lib/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import type { StreamLog } from '../streams/stream-log.js';
import type { Viewer } from '../users/viewer.js';

/** Further streams an announcement reaches, e.g. every open cafe table of the space. */
export type AnnouncementReach = (spaceId: string) => Promise<string[]>;

/**
 * Staff post to the whole space; the event lands on the space stream before the ack, then on
 * every stream `reach` names (the same announcement id, so a client seeing both shows it once).
 */
export async function postAnnouncement(
  streams: StreamLog,
  input: { space: SpaceRow; author: Viewer; text: string; idempotencyKey?: string },
  reach?: AnnouncementReach,
): Promise<StreamEvent> {
  const { event, duplicate } = await streams.append({
    stream: streamName.space(input.space.id),
    type: 'announcement:posted',
    data: { id: newId(), text: input.text, author: { id: input.author.id, displayName: input.author.displayName } },
    actorId: input.author.id,
    idempotencyKey: input.idempotencyKey,
    alongside: (trx, stored) =>
      appendAudit(trx, {
        spaceId: input.space.id,
        actorId: input.author.id,
        action: 'announcement.post',
        targetType: 'space',
        targetId: input.space.id,
        after: { text: input.text, seq: stored.seq },
        now: stored.createdAt,
      }),
  });
  if (!duplicate && reach && event.type === 'announcement:posted') {
    for (const stream of await reach(input.space.id)) {
      await streams.append({ stream, type: 'announcement:posted', data: event.data, actorId: input.author.id });
    }
  }
  return event;
}
