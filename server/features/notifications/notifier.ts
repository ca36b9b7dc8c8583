import type { Kysely } from 'kysely';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NOTIFICATION_SETTING_OF,
  type Notification,
  type NotificationKind,
} from '../../../shared/schemas/notifications.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { Logger } from '../../lib/logger.js';
import type { NotificationFact, NotificationTarget } from './facts.js';
import { insertNotifications, membersOf, settingsOf, spacesByIds, toNotification } from './notifications.repository.js';
import type { NotificationRow } from './notifications.table.js';

/** A notification stored in the caller's transaction, for one recipient. */
export interface RecordedNotification {
  userId: string;
  notification: Notification;
}

/**
 * How features notify people. Two steps, around the caller's own transaction:
 *
 *   let recorded: RecordedNotification[] = [];
 *   await streams.append({ …, alongside: async (trx) => { …; recorded = await notifier.record(trx, facts); } });
 *   await notifier.deliver(recorded);   // only after the commit
 *
 * `record` stores one row per recipient and fact in `trx`, so a notification exists exactly when
 * its fact does (a rolled-back reply notifies nobody; a committed one is never lost, even if the
 * process dies before delivery: the person finds it in their list). `deliver` hands what was
 * stored to every channel; it never throws.
 */
export interface Notifier {
  record(trx: Kysely<Database>, facts: readonly NotificationFact[]): Promise<RecordedNotification[]>;
  deliver(recorded: readonly RecordedNotification[]): Promise<void>;
}

/**
 * A way notifications leave the server after they are stored. Only the in-app channel (the live
 * socket push, `in-app.channel.ts`) is wired.
 *
 * **Email goes here** (out of scope for now): an `EmailChannel implements NotificationChannel`,
 * added to the `channels` list where `createApp` builds the notifier. It would read each
 * recipient's address and an `email` choice per kind (a new key in `NotificationSettings`),
 * batch into digests, and, because `send` runs after the commit and may be lost with the process,
 * write an outbox row per notification id (sent once, retried by a worker) rather than calling
 * the mail provider inline.
 */
export interface NotificationChannel {
  readonly name: string;
  send(batch: readonly RecordedNotification[]): Promise<void>;
}

/** The fan-app path of a target in a space. */
export function linkOf(slug: string, target: NotificationTarget): string {
  const space = `/s/${encodeURIComponent(slug)}`;
  if ('tableId' in target) return `${space}/tables/${encodeURIComponent(target.tableId)}`;
  return `${space}/waves/${encodeURIComponent(target.waveId)}${target.blipId ? `#blip-${encodeURIComponent(target.blipId)}` : ''}`;
}

/** When one fact is two kinds for a person (a reply that mentions them), the first kind here they receive wins. */
const PRECEDENCE: Record<NotificationKind, number> = {
  mention: 0,
  reply: 1,
  shipped: 2,
  status: 2,
  'hand-answered': 2,
  'staff-joined': 2,
  moderation: 2,
  spotlight: 2,
  'host-invite': 2,
};

/**
 * The notifier: applies the rules every kind shares, stores in the caller's transaction, and
 * delivers through its channels after the commit.
 *
 * Rules: never the actor; only people who are members of the fact's space now (so nothing
 * crosses spaces, and someone who left hears nothing more); only kinds the person has on; and
 * once per person and `sourceKey` (UNIQUE (user_id, source_key) with ON CONFLICT DO NOTHING:
 * a retry, a re-approval or a fact reaching someone twice stores nothing new).
 */
export class StoredNotifier implements Notifier {
  constructor(
    private readonly d: { clock: Clock; log: Logger; channels: readonly NotificationChannel[] },
  ) {}

  async record(trx: Kysely<Database>, facts: readonly NotificationFact[]): Promise<RecordedNotification[]> {
    const live = facts.filter((f) => f.recipients.some((r) => r !== f.actor?.id));
    if (live.length === 0) return [];
    // Stable: facts of equal precedence keep the caller's order.
    const ordered = [...live].sort((a, b) => PRECEDENCE[a.kind] - PRECEDENCE[b.kind]);
    const people = [...new Set(ordered.flatMap((f) => f.recipients))];
    const spaces = await spacesByIds(trx, ordered.map((f) => f.spaceId));
    const settings = await settingsOf(trx, people);
    const members = new Map<string, Set<string>>();
    for (const spaceId of new Set(ordered.map((f) => f.spaceId))) {
      members.set(spaceId, await membersOf(trx, spaceId, ordered.filter((f) => f.spaceId === spaceId).flatMap((f) => f.recipients)));
    }

    const now = this.d.clock.now().toISOString();
    const rows: NotificationRow[] = [];
    const factOf = new Map<string, NotificationFact>();
    const taken = new Set<string>();
    for (const fact of ordered) {
      const space = spaces.get(fact.spaceId);
      const link = fact.link ?? (fact.target && space ? linkOf(space.slug, fact.target) : null);
      if (!space || !link) {
        this.d.log.warn({ kind: fact.kind, sourceKey: fact.sourceKey }, 'notification fact without a space or a link; skipped');
        continue;
      }
      const target = fact.target ?? null;
      for (const userId of new Set(fact.recipients)) {
        if (userId === fact.actor?.id) continue;
        if (!members.get(fact.spaceId)?.has(userId)) continue;
        if (!(settings.get(userId) ?? DEFAULT_NOTIFICATION_SETTINGS)[NOTIFICATION_SETTING_OF[fact.kind]]) continue;
        const once = `${userId}\n${fact.sourceKey}`;
        if (taken.has(once)) continue;
        taken.add(once);
        const row: NotificationRow = {
          id: newId(),
          user_id: userId,
          space_id: fact.spaceId,
          kind: fact.kind,
          source_key: fact.sourceKey,
          actor_id: fact.actor?.id ?? null,
          wave_id: target && 'waveId' in target ? target.waveId : null,
          blip_id: target && 'waveId' in target ? (target.blipId ?? null) : null,
          table_id: target && 'tableId' in target ? target.tableId : null,
          title: fact.title,
          excerpt: fact.excerpt ?? null,
          reason: fact.reason ?? null,
          status: fact.status ?? null,
          link,
          created_at: now,
          read_at: null,
        };
        rows.push(row);
        factOf.set(row.id, fact);
      }
    }
    if (rows.length === 0) return [];
    const stored = await insertNotifications(trx, rows);
    return stored.map((row) => ({
      userId: row.user_id,
      notification: toNotification(row, spaces.get(row.space_id)!, factOf.get(row.id)?.actor ?? null),
    }));
  }

  async deliver(recorded: readonly RecordedNotification[]): Promise<void> {
    if (recorded.length === 0) return;
    for (const channel of this.d.channels) {
      try {
        await channel.send(recorded);
      } catch (err) {
        // Stored is what counts: the person finds it in their list; only the push was lost.
        this.d.log.error({ err, channel: channel.name, count: recorded.length }, 'notification delivery failed');
      }
    }
  }
}

/** For code that builds services without notifications (benchmarks): stores and sends nothing. */
export const noNotifier: Notifier = {
  record: async () => [],
  deliver: async () => {},
};
