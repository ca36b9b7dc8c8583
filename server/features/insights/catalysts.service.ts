import type { Kysely } from 'kysely';
import { INSIGHTS_LIMITS, type CatalystEntry, type Catalysts } from '../../../shared/schemas/insights.js';
import type { Database } from '../../db/database.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import { namesOf } from './activity.repository.js';
import { catalystInput } from './catalysts.repository.js';
import { scoreCatalysts, type EvidenceRef } from './catalysts.score.js';
import type { Window } from './insights.stats.js';

const spacePath = (slug: string) => `/s/${encodeURIComponent(slug)}`;

/** The fan-app path of a piece of evidence (as notifications link: waves at the blip, tables by id). */
export function evidenceHref(slug: string, ref: EvidenceRef): string {
  if (ref.type === 'table') return `${spacePath(slug)}/tables/${encodeURIComponent(ref.tableId)}`;
  return `${spacePath(slug)}/waves/${encodeURIComponent(ref.waveId)}${ref.blipId ? `#blip-${encodeURIComponent(ref.blipId)}` : ''}`;
}

/** The ranked catalysts of a space in a window, with names, titles and links for the console. */
export async function catalystsOf(db: Kysely<Database>, space: SpaceRow, window: Window): Promise<Catalysts> {
  const input = await catalystInput(db, space.id, window);
  const scores = scoreCatalysts(input, { evidenceMax: INSIGHTS_LIMITS.evidenceMax }).slice(0, INSIGHTS_LIMITS.catalystsMax);

  // Names, titles and topics of everything shown, in one query each.
  const people = new Set<string>();
  const waveIds = new Set<string>();
  const tableIds = new Set<string>();
  for (const s of scores) {
    people.add(s.person);
    for (const e of s.evidence) {
      for (const p of e.people) people.add(p);
      if (e.ref.type === 'wave') waveIds.add(e.ref.waveId);
      else tableIds.add(e.ref.tableId);
    }
  }
  const [names, waves, tables] = await Promise.all([
    namesOf(db, people),
    waveIds.size ? db.selectFrom('waves').select(['id', 'title']).where('id', 'in', [...waveIds]).execute() : [],
    tableIds.size ? db.selectFrom('cafe_tables').select(['id', 'topic']).where('id', 'in', [...tableIds]).execute() : [],
  ]);
  const titles = new Map<string, string>([...waves.map((w) => [w.id, w.title] as const), ...tables.map((t) => [t.id, t.topic] as const)]);
  const person = (id: string) => ({ id, displayName: names.get(id) ?? 'Former member' });

  const entries: CatalystEntry[] = scores.map((s, i) => ({
    rank: i + 1,
    person: person(s.person),
    score: s.score,
    reach: s.reach,
    components: {
      repliers: s.repliers,
      coEditors: s.coEditors,
      tableGuests: s.tableGuests,
      returningNewcomers: s.returningNewcomers,
      volume: s.volume,
      volumeByKind: {
        blips: s.volumeByKind.blip,
        waves: s.volumeByKind.wave,
        edits: s.volumeByKind.edit,
        tables: s.volumeByKind.table,
        messages: s.volumeByKind.message,
      },
    },
    evidence: s.evidence.map((e) => {
      const id = e.ref.type === 'wave' ? e.ref.waveId : e.ref.tableId;
      return {
        kind: e.ref.type,
        id,
        title: titles.get(id) ?? (e.ref.type === 'wave' ? 'A wave' : 'A cafe table'),
        blipId: e.ref.type === 'wave' ? e.ref.blipId : null,
        href: evidenceHref(space.slug, e.ref),
        people: e.people.map(person),
        ways: e.ways,
        lastAt: e.lastAt,
      };
    }),
  }));
  return { window: { days: window.days, from: window.from, to: window.to }, entries };
}
