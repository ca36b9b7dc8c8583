import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { isSqlite } from './column-types.js';

/**
 * The dialect seam for full-text search over `search_index`: FTS5 on SQLite, a tsvector table
 * on PostgreSQL (see the 0002 migration). Nothing else reads or writes that table.
 * One entry per (kind, refId); writing an entry replaces the earlier one.
 */
export type SearchKind = 'title' | 'document' | 'blip';

export interface SearchEntry {
  kind: SearchKind;
  /** The wave id for titles and documents, the blip id for blips. */
  refId: string;
  waveId: string;
  spaceId: string;
  text: string;
}

export interface RawSearchHit {
  kind: SearchKind;
  refId: string;
  waveId: string;
  /** Text around the match, matched words wrapped in « and ». */
  snippet: string;
}

const OPEN = '«';
const CLOSE = '»';
const ELLIPSIS = '…';
const SNIPPET_TOKENS = 16;
/** bm25 favours short texts anyway; titles get this extra weight so a title match leads. */
const TITLE_WEIGHT = 2;

/**
 * FTS5 rows are keyed by an integer rowid, and kind/ref_id are unindexed columns that only a
 * full scan could find. A 63-bit hash of (kind, refId) as the rowid makes replace and remove
 * a primary-key lookup.
 */
function rowidOf(kind: SearchKind, refId: string): bigint {
  const digest = createHash('sha256').update(`${kind}\0${refId}`).digest();
  return digest.readBigUInt64BE(0) & 0x7fff_ffff_ffff_ffffn;
}

export async function indexSearchText(db: Kysely<Database>, entry: SearchEntry): Promise<void> {
  if (isSqlite(db)) {
    const rowid = rowidOf(entry.kind, entry.refId);
    const replace = async (trx: Kysely<Database>) => {
      await sql`delete from search_index where rowid = ${rowid}`.execute(trx);
      await sql`insert into search_index (rowid, body, wave_id, space_id, kind, ref_id)
        values (${rowid}, ${entry.text}, ${entry.waveId}, ${entry.spaceId}, ${entry.kind}, ${entry.refId})`.execute(trx);
    };
    await (db.isTransaction ? replace(db) : db.transaction().execute(replace));
    return;
  }
  await sql`insert into search_index (kind, ref_id, wave_id, space_id, body)
    values (${entry.kind}, ${entry.refId}, ${entry.waveId}, ${entry.spaceId}, ${entry.text})
    on conflict (kind, ref_id) do update set wave_id = excluded.wave_id, space_id = excluded.space_id, body = excluded.body`.execute(db);
}

export async function removeSearchText(db: Kysely<Database>, kind: SearchKind, refId: string): Promise<void> {
  if (isSqlite(db)) await sql`delete from search_index where rowid = ${rowidOf(kind, refId)}`.execute(db);
  else await sql`delete from search_index where kind = ${kind} and ref_id = ${refId}`.execute(db);
}

/** Points entries at another wave (blips moved by a merge), keeping their text. */
export async function moveSearchEntries(db: Kysely<Database>, kind: SearchKind, refIds: string[], waveId: string): Promise<void> {
  if (refIds.length === 0) return;
  if (isSqlite(db)) {
    const rowids = refIds.map((id) => rowidOf(kind, id));
    await sql`update search_index set wave_id = ${waveId} where rowid in (${sql.join(rowids)})`.execute(db);
  } else {
    await sql`update search_index set wave_id = ${waveId} where kind = ${kind} and ref_id in (${sql.join(refIds)})`.execute(db);
  }
}

/**
 * Terms of the user's text, each one a quoted phrase so no FTS syntax (AND, NEAR, quotes,
 * parentheses, column filters) ever reaches the engine; terms without a letter or digit are
 * dropped. Null when nothing searchable is left.
 */
export function searchTerms(input: string): string[] | null {
  const terms = input
    .split(/\s+/)
    .map((term) => term.replace(/[^\p{L}\p{N}]+/gu, ' ').trim())
    .filter((term) => term.length > 0);
  return terms.length > 0 ? terms : null;
}

/** FTS5 query: every term must match (as a phrase), the last one as a prefix (typing ahead). */
export function fts5Query(terms: string[]): string {
  return terms.map((term, i) => `"${term.replaceAll('"', '""')}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}

/** PostgreSQL tsquery with the same meaning, built from words only. */
function tsQuery(terms: string[]): string {
  const words = terms.flatMap((term) => term.split(' '));
  return words.map((word, i) => `'${word.replaceAll("'", "''")}'${i === words.length - 1 ? ':*' : ''}`).join(' & ');
}

/** Best matches first (bm25 on SQLite, ts_rank on PostgreSQL), titles weighted up. */
export async function searchSpace(db: Kysely<Database>, spaceId: string, query: string, limit: number): Promise<RawSearchHit[]> {
  const terms = searchTerms(query);
  if (!terms) return [];
  if (isSqlite(db)) {
    const { rows } = await sql<RawSearchHit>`
      select kind, ref_id as "refId", wave_id as "waveId",
        snippet(search_index, 0, ${OPEN}, ${CLOSE}, ${ELLIPSIS}, ${SNIPPET_TOKENS}) as snippet
      from search_index
      where search_index match ${fts5Query(terms)} and space_id = ${spaceId}
      order by bm25(search_index) * (case kind when 'title' then ${TITLE_WEIGHT} else 1 end), rowid
      limit ${limit}`.execute(db);
    return rows;
  }
  const { rows } = await sql<RawSearchHit>`
    select kind, ref_id as "refId", wave_id as "waveId",
      ts_headline('simple', body, q, ${`StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=${SNIPPET_TOKENS}, MinWords=4`}) as snippet
    from search_index, to_tsquery('simple', ${tsQuery(terms)}) as q
    where document @@ q and space_id = ${spaceId}
    order by ts_rank(document, q) * (case kind when 'title' then ${TITLE_WEIGHT} else 1 end) desc, kind, ref_id
    limit ${limit}`.execute(db);
  return rows;
}
