import type { Kysely } from 'kysely';
import { ERROR_CODES } from '../../../shared/errors.js';
import type { Spotlight, SpotlightBody } from '../../../shared/schemas/people.js';
import { streamName } from '../../../shared/streams.js';
import type { Database } from '../../db/database.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { spotlightFact } from '../notifications/facts.js';
import type { Notifier, RecordedNotification } from '../notifications/notifier.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import type { StreamLog } from '../streams/stream-log.js';
import type { Viewer } from '../users/viewer.js';
import { findMember, spotlightsOf } from './profiles.repository.js';

/**
 * A public thank-you from staff: stored, shown on the person's profile, announced on the space
 * stream as `person:spotlighted` (in the same transaction as the row, the audit entry and the
 * person's `spotlight` notification), and pushed to the person after the commit.
 */
export class SpotlightsService {
  constructor(private readonly d: { db: Kysely<Database>; clock: Clock; streams: StreamLog; notifier: Notifier }) {}

  async spotlight(space: SpaceRow, staff: Viewer, userId: string, body: SpotlightBody, idempotencyKey?: string): Promise<Spotlight> {
    const { db, clock, streams, notifier } = this.d;
    const person = await findMember(db, space.id, userId);
    if (!person) throw notFound('Person');
    let wave: { id: string; title: string } | null = null;
    if (body.waveId) {
      wave = (await db
        .selectFrom('waves')
        .select(['id', 'title'])
        .where('id', '=', body.waveId)
        .where('space_id', '=', space.id)
        .where('visibility', '=', 'visible')
        .executeTakeFirst()) ?? null;
      if (!wave) throw new AppError(ERROR_CODES.INVALID_INPUT, 'waveId: not a wave of this space', { field: 'waveId' });
    }
    const id = newId();
    const now = clock.now().toISOString();
    const spotlight: Spotlight = {
      id,
      person: { id: person.id, displayName: person.display_name },
      text: body.text,
      by: { id: staff.id, displayName: staff.displayName },
      at: now,
      wave: null,
    };
    if (wave) {
      const row = await db.selectFrom('waves').select(['id', 'title', 'status']).where('id', '=', wave.id).executeTakeFirstOrThrow();
      spotlight.wave = { id: row.id, title: row.title, status: row.status };
    }
    let recorded: RecordedNotification[] = [];
    const { event, duplicate } = await streams.append({
      stream: streamName.space(space.id),
      type: 'person:spotlighted',
      data: { spotlight },
      actorId: staff.id,
      idempotencyKey,
      alongside: async (trx) => {
        await trx
          .insertInto('spotlights')
          .values({ id, space_id: space.id, user_id: person.id, text: body.text, wave_id: wave?.id ?? null, created_by: staff.id, created_at: now })
          .execute();
        await appendAudit(trx, {
          spaceId: space.id,
          actorId: staff.id,
          action: 'person.spotlight',
          targetType: 'user',
          targetId: person.id,
          // Not the text: the audit log outlives a forgotten person, the spotlight does not.
          after: { spotlightId: id, waveId: wave?.id ?? null },
          now,
        });
        recorded = await notifier.record(trx, [
          spotlightFact({
            spaceId: space.id,
            actor: { id: staff.id, displayName: staff.displayName },
            spotlightId: id,
            recipients: [person.id],
            target: wave ? { waveId: wave.id } : null,
            link: wave ? undefined : `/s/${encodeURIComponent(space.slug)}/people/${encodeURIComponent(person.id)}`,
            title: wave ? wave.title : `${staff.displayName} thanked you`,
            excerpt: body.text,
          }),
        ]);
      },
    });
    if (duplicate) {
      if (event.type !== 'person:spotlighted') throw new AppError(ERROR_CODES.CONFLICT, 'This idempotency key was used for another kind of write');
      return event.data.spotlight;
    }
    await notifier.deliver(recorded);
    const [stored] = await spotlightsOf(db, { spaceId: space.id, id });
    return stored ?? spotlight;
  }
}
