import type { Kysely } from 'kysely';
import { WAVE_STATUSES } from '../../../shared/waves.js';
import type { Analytics } from '../../../shared/schemas/insights.js';
import type { Database } from '../../db/database.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import { activityByDay, staffOf } from './activity.repository.js';
import {
  answeredHands,
  conversationsPerDay,
  decisions,
  loweredUnanswered,
  openHands,
  queuedPerDay,
  statusChanges,
  waitingNow,
} from './analytics.repository.js';
import { activeSeries, daysOf, median, percentile, secondsBetween, statusStays, timeInStatus, type Window } from './insights.stats.js';

/**
 * The space's analytics for a window of UTC days (docs/analytics.md). A fixed number of aggregate
 * queries, whatever the size of the space; percentiles and weeks are computed here, portably.
 */
export async function analyticsOf(db: Kysely<Database>, space: SpaceRow, window: Window): Promise<Analytics> {
  const [answered, open, unanswered, activity, staff, conversations, changes, queued, decided, waiting] = await Promise.all([
    answeredHands(db, space.id, window),
    openHands(db, space.id),
    loweredUnanswered(db, space.id, window),
    activityByDay(db, space.id, window),
    staffOf(db, space.id),
    conversationsPerDay(db, space.id, window),
    statusChanges(db, space.id),
    queuedPerDay(db, space.id, window),
    decisions(db, space.id, window),
    waitingNow(db, space.id),
  ]);
  const days = daysOf(window);
  const dayOf = (iso: string) => iso.slice(0, 10);

  const waits = answered.map((h) => ({ day: dayOf(h.answered_at), seconds: secondsBetween(h.raised_at, h.answered_at) }));
  const waitsByDay = new Map<string, number[]>();
  for (const w of waits) waitsByDay.set(w.day, [...(waitsByDay.get(w.day) ?? []), w.seconds]);
  const handsPerDay = days.map((day) => {
    const those = waitsByDay.get(day) ?? [];
    return { day, answered: those.length, medianSeconds: median(those) };
  });

  const fans = activeSeries(
    activity.filter((a) => !staff.has(a.person)).map((a) => ({ person: a.person, day: dayOf(a.at) })),
    days,
  );

  const perKind = new Map(conversations.map((c) => [`${c.day} ${c.kind}`, c.count]));
  const conversationDays = days.map((day) => {
    const waves = perKind.get(`${day} waves`) ?? 0;
    const threads = perKind.get(`${day} threads`) ?? 0;
    const tables = perKind.get(`${day} tables`) ?? 0;
    return { day, waves, threads, tables, total: waves + threads + tables };
  });

  const byStatus = timeInStatus(statusStays(changes), window, WAVE_STATUSES) as Analytics['ideas']['byStatus'];

  const queuedByDay = new Map(queued.map((q) => [q.day, q.count]));
  const inQueue = decided.map((d) => secondsBetween(d.created_at, d.decided_at));
  const decidedByDay = new Map<string, number>();
  for (const d of decided) decidedByDay.set(dayOf(d.decided_at), (decidedByDay.get(dayOf(d.decided_at)) ?? 0) + 1);

  return {
    window: { days: window.days, from: window.from, to: window.to },
    hands: {
      answered: waits.length,
      medianSeconds: median(waits.map((w) => w.seconds)),
      p90Seconds: percentile(
        waits.map((w) => w.seconds),
        0.9,
      ),
      loweredUnanswered: unanswered,
      open: open.map((h) => ({
        handId: h.id,
        tableId: h.table_id,
        topic: h.topic,
        person: { id: h.user_id, displayName: h.display_name },
        question: h.question,
        raisedAt: h.raised_at,
        waitSeconds: secondsBetween(h.raised_at, window.to),
      })),
      perDay: handsPerDay,
    },
    activeFans: fans,
    conversations: { total: conversationDays.reduce((sum, d) => sum + d.total, 0), perDay: conversationDays },
    ideas: { total: byStatus.reduce((sum, s) => sum + s.count, 0), byStatus },
    moderation: {
      queued: queued.reduce((sum, q) => sum + q.count, 0),
      decided: decided.length,
      medianSecondsInQueue: median(inQueue),
      p90SecondsInQueue: percentile(inQueue, 0.9),
      waitingNow: waiting.count,
      oldestWaitingSeconds: waiting.oldest ? secondsBetween(waiting.oldest, window.to) : null,
      perDay: days.map((day) => ({ day, queued: queuedByDay.get(day) ?? 0, decided: decidedByDay.get(day) ?? 0 })),
    },
  };
}
