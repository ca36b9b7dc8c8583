import { sql, type Kysely } from 'kysely';
import type { Breadth, MergeCandidate, Pipeline, PipelineWave } from '../../../shared/schemas/pipeline.js';
import { PIPELINE_LIMITS, PipelineQuerySchema, PipelineSchema } from '../../../shared/schemas/pipeline.js';
import { SpaceParamsSchema } from '../../../shared/schemas/common.js';
import type { StatusChange, WaveStatus } from '../../../shared/schemas/waves.js';
import { SETTABLE_STATUSES } from '../../../shared/waves.js';
import type { Database } from '../../db/database.js';
import { searchSpace, type RawSearchHit } from '../../db/search.js';
import { defineRoute } from '../../http/route.js';
import type { Clock } from '../../lib/clock.js';
import { requireSpace } from '../spaces/access.js';
import { findWaveSummaries, personOf } from './waves.repository.js';

/**
 * The ideas pipeline (staff): the space's waves by status, each with its breadth (how many
 * tables and first-time contributors raised or shaped it, next to the raw vote count) and merge
 * candidates from search. Moving a wave is the ordinary status route (public reason required);
 * merging is the ordinary merge route. See docs/waves.md, "The pipeline".
 */

/** Words that say nothing about an idea: never used to look for duplicates. */
const STOPWORDS = new Set(
  'the and for with from that this into onto over under your our their its are was were has have had not but can could should would will when what which who why how all any more most less very just than then them they you yes one two new use add make get let lets out off per via too also only some such like about after before while there here'.split(
    ' ',
  ),
);
/** At most this many words of a title are searched. */
const MAX_WORDS = 6;
/** Search hits read per word. */
const HITS_PER_WORD = 30;

/** The words of a title worth searching for: letters and digits, 3+ characters, no stopwords, each once. */
export function titleWords(title: string): string[] {
  const words = title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOPWORDS.has(w));
  return [...new Set(words)].slice(0, MAX_WORDS);
}

interface WaveRowLite {
  id: string;
  title: string;
  status: WaveStatus;
  supporters: number;
  merged_into: string | null;
  visibility: string;
}

/**
 * Other waves that look like the same idea: each title word is searched on its own (the search
 * seam, `server/db/search.ts`: titles, idea documents and blips, last word as a prefix); a wave
 * matching at least two of the words (the one word of a one-word title) is a candidate, ranked by
 * the words it matched (a title match counts double), then supporters. Never the wave itself,
 * merged waves or waves not visible. Word searches are shared across the waves of one request.
 */
export async function mergeCandidates(
  db: Kysely<Database>,
  spaceId: string,
  waves: { id: string; title: string }[],
  limit: number = PIPELINE_LIMITS.candidates,
): Promise<Map<string, MergeCandidate[]>> {
  const searches = new Map<string, Promise<RawSearchHit[]>>();
  const search = (word: string) => {
    let hits = searches.get(word);
    if (!hits) searches.set(word, (hits = searchSpace(db, spaceId, word, HITS_PER_WORD)));
    return hits;
  };
  const scored = new Map<string, Map<string, { score: number; matched: string[] }>>();
  for (const wave of waves) {
    const words = titleWords(wave.title);
    const byWave = new Map<string, { score: number; matched: string[] }>();
    for (const word of words) {
      const weight = new Map<string, number>();
      for (const hit of await search(word)) {
        if (hit.waveId === wave.id) continue;
        weight.set(hit.waveId, Math.max(weight.get(hit.waveId) ?? 0, hit.kind === 'title' ? 2 : 1));
      }
      for (const [other, w] of weight) {
        const entry = byWave.get(other) ?? { score: 0, matched: [] };
        entry.score += w;
        entry.matched.push(word);
        byWave.set(other, entry);
      }
    }
    const needed = Math.min(2, words.length);
    for (const [other, entry] of byWave) if (entry.matched.length < needed) byWave.delete(other);
    scored.set(wave.id, byWave);
  }
  const ids = [...new Set([...scored.values()].flatMap((m) => [...m.keys()]))];
  const rows: WaveRowLite[] = ids.length
    ? await db
        .selectFrom('waves')
        .select(['id', 'title', 'status', 'supporters', 'merged_into', 'visibility'])
        .where('id', 'in', ids)
        .where('space_id', '=', spaceId)
        .execute()
    : [];
  const usable = new Map(rows.filter((r) => r.status !== 'merged' && r.merged_into === null && r.visibility === 'visible').map((r) => [r.id, r]));
  const out = new Map<string, MergeCandidate[]>();
  for (const [waveId, byWave] of scored) {
    const list = [...byWave]
      .flatMap(([id, entry]) => {
        const row = usable.get(id);
        return row ? [{ row, ...entry }] : [];
      })
      .sort((a, b) => b.score - a.score || Number(b.row.supporters) - Number(a.row.supporters) || a.row.id.localeCompare(b.row.id))
      .slice(0, limit)
      .map(({ row, matched }) => ({ id: row.id, title: row.title, status: row.status, supporters: Number(row.supporters), matched }));
    out.set(waveId, list);
  }
  return out;
}

/** Visible messages linking a wave: `/waves/<id>` in the text (a fan-app link). */
const WAVE_LINK = /\/waves\/([A-Za-z0-9_-]{6,40})/g;

/**
 * Breadth per wave of a space. `tables`: distinct cafe tables whose conversation was promoted
 * into the wave (`wave_credits`, source `table`) or where a visible message linked it.
 * `firstTimeContributors`: people whose first contribution in the space (the earliest of their
 * first document edit, first visible blip, first table credit, on any wave) was to this wave.
 */
export async function breadthOf(db: Kysely<Database>, spaceId: string): Promise<Map<string, Breadth>> {
  const [credits, links, firsts] = await Promise.all([
    db
      .selectFrom('wave_credits')
      .innerJoin('waves', 'waves.id', 'wave_credits.wave_id')
      .select(['wave_credits.wave_id', 'wave_credits.source_id'])
      .distinct()
      .where('waves.space_id', '=', spaceId)
      .where('wave_credits.source', '=', 'table')
      .execute(),
    db
      .selectFrom('table_messages')
      .innerJoin('cafe_tables', 'cafe_tables.id', 'table_messages.table_id')
      .select(['table_messages.table_id', 'table_messages.body'])
      .where('cafe_tables.space_id', '=', spaceId)
      .where('table_messages.visibility', '=', 'visible')
      .where('table_messages.body', 'like', '%/waves/%')
      .execute(),
    sql<{ user_id: string; wave_id: string; at: string }>`
      select user_id, wave_id, min(at) as at from (
        select dc.user_id as user_id, w.id as wave_id, dc.first_at as at
          from doc_contributors dc join waves w on dc.doc_name = ('wave:' || w.id)
          where w.space_id = ${spaceId}
        union all
        select b.author_id as user_id, b.wave_id as wave_id, b.created_at as at
          from blips b join waves w on w.id = b.wave_id
          where w.space_id = ${spaceId} and b.author_id is not null and b.visibility = 'visible'
        union all
        select c.user_id as user_id, c.wave_id as wave_id, c.created_at as at
          from wave_credits c join waves w on w.id = c.wave_id
          where w.space_id = ${spaceId}
      ) contributions
      group by user_id, wave_id`.execute(db),
  ]);
  const tables = new Map<string, Set<string>>();
  const addTable = (waveId: string, tableId: string) => {
    let set = tables.get(waveId);
    if (!set) tables.set(waveId, (set = new Set()));
    set.add(tableId);
  };
  for (const c of credits) addTable(c.wave_id, c.source_id);
  for (const m of links) for (const match of m.body.matchAll(WAVE_LINK)) addTable(match[1]!, m.table_id);

  const first = new Map<string, { waveId: string; at: string }>();
  for (const row of firsts.rows) {
    const at = String(row.at);
    const known = first.get(row.user_id);
    if (!known || at < known.at || (at === known.at && row.wave_id < known.waveId)) first.set(row.user_id, { waveId: row.wave_id, at });
  }
  const newcomers = new Map<string, number>();
  for (const { waveId } of first.values()) newcomers.set(waveId, (newcomers.get(waveId) ?? 0) + 1);

  const out = new Map<string, Breadth>();
  for (const id of new Set([...tables.keys(), ...newcomers.keys()])) {
    out.set(id, { tables: tables.get(id)?.size ?? 0, firstTimeContributors: newcomers.get(id) ?? 0 });
  }
  return out;
}

async function lastChanges(db: Kysely<Database>, waveIds: string[]): Promise<Map<string, StatusChange>> {
  if (waveIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('wave_status_changes')
    .leftJoin('users', 'users.id', 'wave_status_changes.actor_id')
    .selectAll('wave_status_changes')
    .select('users.display_name as actor_name')
    .where('wave_status_changes.wave_id', 'in', waveIds)
    .orderBy('wave_status_changes.created_at')
    .orderBy('wave_status_changes.id')
    .execute();
  const out = new Map<string, StatusChange>();
  for (const r of rows) {
    out.set(r.wave_id, { id: r.id, from: r.from_status, to: r.to_status, reason: r.reason, actor: personOf(r.actor_id, r.actor_name), at: r.created_at });
  }
  return out;
}

/** The board: one column per settable status, most supported first, at most `limit` waves each. */
export async function pipelineOf(db: Kysely<Database>, clock: Clock, spaceId: string, viewerId: string, limit: number): Promise<Pipeline> {
  const counts = await db
    .selectFrom('waves')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('space_id', '=', spaceId)
    .where('visibility', '=', 'visible')
    .groupBy('status')
    .execute();
  const total = new Map(counts.map((c) => [c.status, Number(c.n)]));
  const perStatus = await Promise.all(
    SETTABLE_STATUSES.map((status) =>
      db
        .selectFrom('waves')
        .select(['id', 'title'])
        .where('space_id', '=', spaceId)
        .where('visibility', '=', 'visible')
        .where('status', '=', status)
        .orderBy('supporters', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),
    ),
  );
  const all = perStatus.flat();
  const [breadth, candidates, changes, summaries] = await Promise.all([
    breadthOf(db, spaceId),
    mergeCandidates(db, spaceId, all),
    lastChanges(
      db,
      all.map((w) => w.id),
    ),
    findWaveSummaries(
      db,
      all.map((w) => w.id),
      viewerId,
    ),
  ]);
  const summaryOf = new Map(summaries.map((s) => [s.id, s]));
  const columns = SETTABLE_STATUSES.map((status, i) => ({
    status,
    total: total.get(status) ?? 0,
    waves: perStatus[i]!.flatMap((w): PipelineWave[] => {
      const wave = summaryOf.get(w.id);
      if (!wave) return [];
      return [
        {
          wave,
          breadth: breadth.get(w.id) ?? { tables: 0, firstTimeContributors: 0 },
          mergeCandidates: candidates.get(w.id) ?? [],
          lastChange: changes.get(w.id) ?? null,
        },
      ];
    }),
  }));
  return { columns, at: clock.now().toISOString() };
}

export function pipelineRoutes() {
  return [
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/pipeline',
      summary:
        'Staff: the ideas pipeline: waves by status (most supported first, `limit` per status) with supporters, contributors, breadth (tables, first-time contributors) and up to 3 merge candidates each',
      tag: 'waves',
      auth: 'user',
      params: SpaceParamsSchema,
      query: PipelineQuerySchema,
      response: PipelineSchema,
      errors: [401, 403, 404],
      async handler({ params, query, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        return pipelineOf(deps.db.kysely, deps.clock, space.id, viewer!.id, query.limit);
      },
    }),
  ];
}
