import type { StreamEvent } from '../../../shared/schemas/streams.js';
import { streamName } from '../../../shared/streams.js';
import { newId } from '../../lib/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import type { StreamLog } from '../streams/stream-log.js';
import type { Viewer } from '../users/viewer.js';

/** Staff post to the whole space; the event lands on the space stream before the ack. */
export async function postAnnouncement(
  streams: StreamLog,
  input: { space: SpaceRow; author: Viewer; text: string; idempotencyKey?: string },
): Promise<StreamEvent> {
  const { event } = await streams.append({
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
  return event;
}
