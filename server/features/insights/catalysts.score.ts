/**
 * Catalyst scoring: who makes others contribute. A pure function over plain records, so it is
 * tested on constructed scenarios where the right answer is known (catalysts.score.test.ts);
 * catalysts.repository.ts extracts the records from the database. The formula and the reasons
 * for it are in docs/catalysts.md:
 *
 *   drawn(c)     = distinct others (not staff) who, in the window, replied to c, edited a document
 *                  after c, or sat at a table c opened
 *   newcomers(c) = people first seen in the window who talked with c (either way) and were active
 *                  again on a later UTC day
 *   reach(c)     = |drawn(c) ∪ newcomers(c)| + |newcomers(c)|     (a returning newcomer counts twice)
 *   volume(c)    = c's own contributions in the window (blips, waves started, tables opened,
 *                  table messages, document-days edited)
 *   score(c)     = reach(c) / (volume(c) + PRIOR)
 */

/** Pseudo-contributions added to everyone's volume: one lucky reply to a single post does not top the list. */
export const CATALYST_PRIOR = 2;
/** What a returning newcomer adds on top of counting as a person drawn in. */
export const NEWCOMER_BONUS = 1;

export type InteractionKind = 'reply' | 'coedit' | 'guest';

/** Where an interaction happened: a wave (its thread or its idea document) or a cafe table (or its notepad). */
export type EvidenceRef = { type: 'wave'; waveId: string; blipId: string | null } | { type: 'table'; tableId: string };

/** `from` responded to `to`: replied to their blip (or wave), edited a document after them, sat at their table. */
export interface Interaction {
  kind: InteractionKind;
  from: string;
  to: string;
  at: string;
  ref: EvidenceRef;
}

/** Things a person makes; `support` and `seat` show they were there but are not volume. */
export type ActivityKind = 'blip' | 'wave' | 'edit' | 'table' | 'message' | 'support' | 'seat';
export const VOLUME_KINDS = ['blip', 'wave', 'edit', 'table', 'message'] as const satisfies readonly ActivityKind[];
export type VolumeKind = (typeof VOLUME_KINDS)[number];

/** `count` acts of one kind by one person (`at`: the first of them); an `edit` counts document-days. */
export interface Activity {
  person: string;
  kind: ActivityKind;
  at: string;
  count: number;
}

export interface CatalystInput {
  /** Half-open: `from` ≤ at < `to`, ISO-8601 UTC. */
  window: { from: string; to: string };
  interactions: readonly Interaction[];
  /** Activity in the window (volume, and newcomers coming back). */
  activity: readonly Activity[];
  /** Each person's first activity in the space, ever (who is a newcomer). */
  firstSeen: ReadonlyMap<string, string>;
  /** Staff of the space: never ranked, never counted as drawn in (answering is their job). */
  staff: ReadonlySet<string>;
}

export type Way = InteractionKind | 'newcomer';

export interface EvidenceItem {
  ref: EvidenceRef;
  people: string[];
  ways: Way[];
  lastAt: string;
}

export interface CatalystScore {
  person: string;
  score: number;
  reach: number;
  repliers: number;
  coEditors: number;
  tableGuests: number;
  returningNewcomers: number;
  volume: number;
  volumeByKind: Record<VolumeKind, number>;
  /** The conversations that show it, most people first. */
  evidence: EvidenceItem[];
}

const WAYS_ORDER: Way[] = ['reply', 'coedit', 'guest', 'newcomer'];

export const dayOf = (iso: string) => iso.slice(0, 10);

const refKey = (ref: EvidenceRef) => (ref.type === 'wave' ? `wave:${ref.waveId}` : `table:${ref.tableId}`);

interface Tally {
  drawn: Map<InteractionKind, Set<string>>;
  /** Everyone they talked with in the window, either way, and the first time. */
  talkedWith: Map<string, { at: string; ref: EvidenceRef }>;
  evidence: Map<string, { ref: EvidenceRef; people: Set<string>; ways: Set<Way>; lastAt: string }>;
}

function tally(map: Map<string, Tally>, person: string): Tally {
  let t = map.get(person);
  if (!t) {
    t = { drawn: new Map(), talkedWith: new Map(), evidence: new Map() };
    map.set(person, t);
  }
  return t;
}

function addEvidence(t: Tally, ref: EvidenceRef, person: string, way: Way, at: string): void {
  const key = refKey(ref);
  let e = t.evidence.get(key);
  if (!e) {
    e = { ref, people: new Set(), ways: new Set(), lastAt: at };
    t.evidence.set(key, e);
  }
  // Link to the catalyst's first blip that drew a reply there.
  if (e.ref.type === 'wave' && e.ref.blipId === null && ref.type === 'wave' && ref.blipId) e.ref = ref;
  e.people.add(person);
  e.ways.add(way);
  if (at > e.lastAt) e.lastAt = at;
}

function meet(t: Tally, other: string, at: string, ref: EvidenceRef): void {
  const known = t.talkedWith.get(other);
  if (!known || at < known.at) t.talkedWith.set(other, { at, ref });
}

/**
 * Ranks the people who drew others in, best first; people with no reach are left out (someone
 * who only talks to themselves scores zero). Ties: the quieter person (less volume) first, then
 * by id, so the order is stable.
 */
export function scoreCatalysts(input: CatalystInput, options: { evidenceMax?: number } = {}): CatalystScore[] {
  const { from, to } = input.window;
  const inWindow = (at: string) => at >= from && at < to;
  const counted = (person: string) => !input.staff.has(person);

  const tallies = new Map<string, Tally>();
  for (const i of input.interactions) {
    if (i.from === i.to || !inWindow(i.at) || !counted(i.from) || !counted(i.to)) continue;
    const target = tally(tallies, i.to);
    let people = target.drawn.get(i.kind);
    if (!people) target.drawn.set(i.kind, (people = new Set()));
    people.add(i.from);
    addEvidence(target, i.ref, i.from, i.kind, i.at);
    meet(target, i.from, i.at, i.ref);
    // The responder talked with the catalyst too: a catalyst who answers a newcomer gets credit if they come back.
    meet(tally(tallies, i.from), i.to, i.at, i.ref);
  }

  // Activity per person: volume in the window, and the days they were active (coming back).
  const volume = new Map<string, Record<VolumeKind, number>>();
  const activeDays = new Map<string, Set<string>>();
  for (const a of input.activity) {
    if (!inWindow(a.at)) continue;
    let days = activeDays.get(a.person);
    if (!days) activeDays.set(a.person, (days = new Set()));
    days.add(dayOf(a.at));
    if (!(VOLUME_KINDS as readonly string[]).includes(a.kind)) continue;
    let v = volume.get(a.person);
    if (!v) volume.set(a.person, (v = { blip: 0, wave: 0, edit: 0, table: 0, message: 0 }));
    v[a.kind as VolumeKind] += a.count;
  }
  const isNewcomer = (person: string) => {
    const first = input.firstSeen.get(person);
    return first !== undefined && inWindow(first);
  };
  const cameBackAfter = (person: string, at: string) => {
    const day = dayOf(at);
    for (const d of activeDays.get(person) ?? []) if (d > day) return true;
    return false;
  };

  const scores: CatalystScore[] = [];
  for (const [person, t] of tallies) {
    if (!counted(person)) continue;
    const newcomers = new Set<string>();
    for (const [other, first] of t.talkedWith) {
      if (!counted(other) || !isNewcomer(other) || !cameBackAfter(other, first.at)) continue;
      newcomers.add(other);
      addEvidence(t, first.ref, other, 'newcomer', first.at);
    }
    const everyone = new Set<string>(newcomers);
    for (const people of t.drawn.values()) for (const p of people) everyone.add(p);
    const reach = everyone.size + NEWCOMER_BONUS * newcomers.size;
    if (reach === 0) continue;
    const byKind = volume.get(person) ?? { blip: 0, wave: 0, edit: 0, table: 0, message: 0 };
    const own = VOLUME_KINDS.reduce((sum, k) => sum + byKind[k], 0);
    const evidence = [...t.evidence.values()]
      // Only conversations that drew someone counted: a lone "they replied to me" of a non-newcomer is not evidence.
      .map((e) => ({ ...e, people: [...e.people].filter((p) => everyone.has(p)) }))
      .filter((e) => e.people.length > 0)
      .sort((a, b) => b.people.length - a.people.length || (a.lastAt < b.lastAt ? 1 : a.lastAt > b.lastAt ? -1 : 0))
      .slice(0, options.evidenceMax ?? Infinity)
      .map((e) => ({ ref: e.ref, people: e.people.sort(), ways: WAYS_ORDER.filter((w) => e.ways.has(w)), lastAt: e.lastAt }));
    scores.push({
      person,
      score: reach / (own + CATALYST_PRIOR),
      reach,
      repliers: t.drawn.get('reply')?.size ?? 0,
      coEditors: t.drawn.get('coedit')?.size ?? 0,
      tableGuests: t.drawn.get('guest')?.size ?? 0,
      returningNewcomers: newcomers.size,
      volume: own,
      volumeByKind: byKind,
      evidence,
    });
  }
  return scores.sort((a, b) => b.score - a.score || a.volume - b.volume || (a.person < b.person ? -1 : a.person > b.person ? 1 : 0));
}

/** One person's edits of one document: their first edit ever, and their last one in the window. */
export interface DocEditor {
  ref: EvidenceRef;
  person: string;
  firstAt: string;
  /** Null when they did not edit it in the window. */
  lastInWindowAt: string | null;
}

/**
 * "Co-edited a document after them": B edited a document in the window after A's first edit of it
 * (A's edit may be older than the window). One interaction B → A per document and pair, dated
 * B's last edit there in the window.
 */
export function coeditInteractions(editors: readonly DocEditor[]): Interaction[] {
  const byDoc = new Map<string, DocEditor[]>();
  for (const e of editors) {
    const key = refKey(e.ref);
    const list = byDoc.get(key);
    if (list) list.push(e);
    else byDoc.set(key, [e]);
  }
  const out: Interaction[] = [];
  for (const list of byDoc.values()) {
    for (const later of list) {
      if (!later.lastInWindowAt) continue;
      for (const earlier of list) {
        if (earlier.person === later.person || earlier.firstAt >= later.lastInWindowAt) continue;
        out.push({ kind: 'coedit', from: later.person, to: earlier.person, at: later.lastInWindowAt, ref: later.ref });
      }
    }
  }
  return out;
}
