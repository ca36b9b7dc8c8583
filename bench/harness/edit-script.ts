import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { CONTENT_FIELD, writeParagraphs } from '../../server/collab/rich-text.js';
import { TRACES_DIR, type Patch } from '../traces.js';

/**
 * A concurrent editing trace (josephg/editing-traces "concurrent" format): each transaction
 * names its agent and its parents (the transactions its author had seen); its patches apply to
 * the document as of those parents.
 */
export interface ConcurrentTrace {
  name: string;
  numAgents: number;
  endContent: string;
  txns: { parents: number[]; agent: number; patches: Patch[] }[];
}

export function loadConcurrentTrace(name: string): ConcurrentTrace {
  const raw = JSON.parse(gunzipSync(readFileSync(join(TRACES_DIR, `${name}.json.gz`))).toString('utf8')) as Omit<ConcurrentTrace, 'name'> & { kind?: string };
  if (raw.kind !== 'concurrent' || !Array.isArray(raw.txns)) throw new Error(`${name}: not a concurrent editing trace`);
  return { name, numAgents: raw.numAgents, endContent: raw.endContent, txns: raw.txns };
}

/** One edit as a y-websocket client sends it: the update of one Yjs transaction (a keystroke). */
export interface Edit {
  editor: number;
  update: Uint8Array;
}

export interface EditScript {
  /** The document before any edit: the editor's structure (`content` → one empty paragraph). */
  seed: Uint8Array;
  /** Every edit in trace order; edit i may depend on edits before it, never after. */
  edits: Edit[];
  /** The Yjs client id each editor writes with. */
  clientIds: number[];
  /** The text after every edit, as both agents' documents have it once merged. */
  finalText: string;
  /** Whether that is the trace's own endContent (Yjs may order concurrent inserts differently from the trace's tool). */
  matchesEndContent: boolean;
  index: EditIndex;
  /**
   * deps[i]: the edits of other editors that edit i refers to (the items it inserts next to or
   * deletes). A real client can only make edit i once it has received those; the replay waits
   * for them too, so the server never gets an edit before what it depends on.
   */
  deps: number[][];
}

/** The paragraph text the script types into. */
export function scriptText(doc: Y.Doc): Y.XmlText {
  const paragraph = doc.getXmlFragment(CONTENT_FIELD).get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error('the document has no first paragraph text');
  return text;
}

const SEED_CLIENT = 1;
const EDITOR_CLIENT_BASE = 1000;

/**
 * Turns a concurrent trace into the updates `editors` y-websocket clients send, one per
 * transaction (keystroke), by replaying it as it happened: each agent has its own Y.Doc; before
 * an agent's transaction, its document receives exactly the other agents' transactions that
 * the trace says it had seen (its parents' history), then the patches are applied there. The
 * agents' transactions are dealt in turn to editors: with 2 agents and 5 editors, agent 0 types
 * as editors 0, 2 and 4, agent 1 as editors 1 and 3 (each agent's keystrokes rotate over its
 * editors, each editor a Yjs client id of its own), so every editor types about a fifth and
 * the concurrency between the two real typists is kept. Positions beyond the text (where Yjs
 * merged concurrent inserts in another order than the trace's tool) are clamped.
 */
export function buildEditScript(trace: ConcurrentTrace, options: { editors: number; maxEdits?: number }): EditScript {
  const agents = trace.numAgents;
  if (options.editors < agents) throw new Error(`need at least ${agents} editors for ${trace.name}`);
  const seedDoc = new Y.Doc();
  seedDoc.clientID = SEED_CLIENT;
  writeParagraphs(seedDoc, ['']);
  const seed = Y.encodeStateAsUpdate(seedDoc);
  seedDoc.destroy();

  const groups: number[][] = Array.from({ length: agents }, () => []);
  for (let e = 0; e < options.editors; e++) groups[e % agents]!.push(e);
  // Client ids ascend with the agent (all of agent 0's editors below agent 1's): Yjs orders
  // concurrent inserts by client id, and this keeps the order the trace's two typists saw.
  const clientIds = new Array<number>(options.editors);
  let nextId = EDITOR_CLIENT_BASE;
  for (const group of groups) for (const e of group) clientIds[e] = nextId++;

  const docs = Array.from({ length: agents }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, seed);
    return doc;
  });
  /** Per agent, the updates of its transactions in order. */
  const byAgent: Uint8Array[][] = Array.from({ length: agents }, () => []);
  /** applied[a][b]: how many of agent b's transactions agent a's document holds. */
  const applied = Array.from({ length: agents }, () => new Array<number>(agents).fill(0));
  /** Version vector (transactions per agent in its history) of every transaction. */
  const versions: Int32Array[] = [];
  const typed = new Array<number>(agents).fill(0);
  const edits: Edit[] = [];
  const limit = Math.min(options.maxEdits ?? trace.txns.length, trace.txns.length);

  for (let i = 0; i < limit; i++) {
    const txn = trace.txns[i]!;
    const a = txn.agent;
    const seen = new Int32Array(agents);
    for (const p of txn.parents) {
      const pv = versions[p]!;
      for (let b = 0; b < agents; b++) if (pv[b]! > seen[b]!) seen[b] = pv[b]!;
    }
    if (seen[a] !== byAgent[a]!.length) throw new Error(`${trace.name}: agent ${a}'s transaction ${i} does not follow its previous one`);
    const doc = docs[a]!;
    for (let b = 0; b < agents; b++) {
      if (b === a) continue;
      for (let k = applied[a]![b]!; k < seen[b]!; k++) Y.applyUpdate(doc, byAgent[b]![k]!);
      applied[a]![b] = Math.max(applied[a]![b]!, seen[b]!);
    }
    const group = groups[a]!;
    const editor = group[typed[a]! % group.length]!;
    typed[a]!++;
    doc.clientID = clientIds[editor]!;
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      update = u;
    };
    doc.on('update', capture);
    const text = scriptText(doc);
    doc.transact(() => {
      for (const [pos, deleted, inserted] of txn.patches) {
        const at = Math.min(pos, text.length);
        const del = Math.min(deleted, text.length - at);
        if (del > 0) text.delete(at, del);
        if (inserted) text.insert(at, inserted);
      }
    });
    doc.off('update', capture);
    const made = (update ?? Y.encodeStateAsUpdate(new Y.Doc())) as Uint8Array;
    byAgent[a]!.push(made);
    applied[a]![a] = byAgent[a]!.length;
    seen[a] = byAgent[a]!.length;
    versions.push(seen);
    edits.push({ editor, update: made });
  }

  const merged = new Y.Doc();
  Y.applyUpdate(merged, seed);
  for (const e of edits) Y.applyUpdate(merged, e.update);
  const finalText = scriptText(merged).toString();
  for (const d of docs) d.destroy();
  merged.destroy();
  const index = new EditIndex(edits);
  return {
    seed,
    edits,
    clientIds,
    finalText,
    matchesEndContent: limit === trace.txns.length && finalText === trace.endContent,
    index,
    deps: edits.map((edit, i) => index.dependencies(edit.update).filter((j) => j !== i && edits[j]!.editor !== edit.editor)),
  };
}

/**
 * Which edits an update carries, from the ids in it: a relayed update is the server's own
 * encoding of what changed (several edits when one waited for another it depends on), so it is
 * recognised by the items it inserts (client, clock) and the items it deletes, not by its bytes.
 */
export class EditIndex {
  /** insertedBy.get(client)[clock]: the edit that inserted that item, or -1. */
  private readonly insertedBy = new Map<number, Int32Array>();
  private readonly deletedBy = new Map<number, Int32Array>();

  constructor(edits: readonly Edit[]) {
    const inserts: [number, number, number, number][] = [];
    const deletes: [number, number, number, number][] = [];
    edits.forEach((edit, i) => {
      const { structs, ds } = Y.decodeUpdate(edit.update);
      for (const s of structs) if (!(s instanceof Y.Skip)) inserts.push([s.id.client, s.id.clock, s.length, i]);
      for (const [client, ranges] of ds.clients) for (const r of ranges) deletes.push([client, r.clock, r.len, i]);
    });
    fill(this.insertedBy, inserts);
    fill(this.deletedBy, deletes);
  }

  /**
   * The edits whose items an update refers to: the left and right neighbours and the parent of
   * each item it inserts, and the items it deletes (ascending; the seed's items are nobody's edit).
   */
  dependencies(update: Uint8Array): number[] {
    const { structs, ds } = Y.decodeUpdate(update);
    const found = new Set<number>();
    const ref = (id: Y.ID | null | undefined) => {
      if (id) collect(this.insertedBy.get(id.client), id.clock, 1, found);
    };
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue;
      ref(s.origin);
      ref(s.rightOrigin);
      if (s.parent instanceof Y.ID) ref(s.parent);
    }
    for (const [client, ranges] of ds.clients) for (const r of ranges) collect(this.insertedBy.get(client), r.clock, r.len, found);
    return [...found].sort((x, y) => x - y);
  }

  /** The edits an update holds (each once, ascending); empty for an update of none of them. */
  editsIn(update: Uint8Array): number[] {
    const { structs, ds } = Y.decodeUpdate(update);
    const found = new Set<number>();
    for (const s of structs) {
      if (s instanceof Y.Skip) continue;
      collect(this.insertedBy.get(s.id.client), s.id.clock, s.length, found);
    }
    for (const [client, ranges] of ds.clients) for (const r of ranges) collect(this.deletedBy.get(client), r.clock, r.len, found);
    return [...found].sort((x, y) => x - y);
  }
}

function fill(target: Map<number, Int32Array>, ranges: [client: number, clock: number, len: number, edit: number][]): void {
  const size = new Map<number, number>();
  for (const [client, clock, len] of ranges) size.set(client, Math.max(size.get(client) ?? 0, clock + len));
  for (const [client, n] of size) target.set(client, new Int32Array(n).fill(-1));
  for (const [client, clock, len, edit] of ranges) {
    const slots = target.get(client)!;
    for (let c = clock; c < clock + len; c++) if (slots[c] === -1) slots[c] = edit;
  }
}

function collect(slots: Int32Array | undefined, clock: number, len: number, into: Set<number>): void {
  if (!slots) return;
  for (let c = clock; c < Math.min(clock + len, slots.length); c++) {
    const e = slots[c]!;
    if (e >= 0) into.add(e);
  }
}
