import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';

/**
 * Real editing traces (josephg/editing-traces, CC BY 4.0), kept outside the repository in
 * ../shared/fixtures/editing-traces/. Set COMMONPLACE_TRACES to read them from elsewhere.
 */
export const TRACES_DIR = process.env.COMMONPLACE_TRACES ?? join(import.meta.dirname, '..', '..', 'shared', 'fixtures', 'editing-traces');

/** [position, characters deleted, text inserted]; positions are UTF-16 offsets, like Y.Text's. */
export type Patch = [pos: number, deleted: number, inserted: string];

/** The sequential trace format: apply every patch in order to startContent to get endContent. */
export interface Trace {
  name: string;
  startContent: string;
  endContent: string;
  txns: { patches: Patch[] }[];
}

export function loadTrace(name: string): Trace {
  const raw = JSON.parse(gunzipSync(readFileSync(join(TRACES_DIR, `${name}.json.gz`))).toString('utf8')) as Omit<Trace, 'name'>;
  if (typeof raw.endContent !== 'string' || !Array.isArray(raw.txns)) throw new Error(`${name}: not a sequential editing trace`);
  return { name, startContent: raw.startContent ?? '', endContent: raw.endContent, txns: raw.txns };
}

export function countOps(trace: Trace): number {
  let n = 0;
  for (const txn of trace.txns) n += txn.patches.length;
  return n;
}

/** Applies patches to a plain string: the reference every replay is checked against. */
export function applyToString(start: string, patches: Iterable<Patch>): string {
  let text = start;
  for (const [pos, deleted, inserted] of patches) text = text.slice(0, pos) + inserted + text.slice(pos + deleted);
  return text;
}

export function* patches(trace: Trace): Generator<Patch> {
  for (const txn of trace.txns) yield* txn.patches;
}

/** The first `ops` patches of a trace, with endContent recomputed for them. */
export function sliceTrace(trace: Trace, ops: number): Trace {
  if (ops >= countOps(trace)) return trace;
  const txns: Trace['txns'] = [];
  let left = ops;
  for (const txn of trace.txns) {
    if (left <= 0) break;
    const taken = txn.patches.slice(0, left);
    txns.push({ patches: taken });
    left -= taken.length;
  }
  const sliced = { name: `${trace.name}[0:${ops}]`, startContent: trace.startContent, endContent: '', txns };
  sliced.endContent = applyToString(trace.startContent, patches(sliced));
  return sliced;
}

/**
 * Replays the trace into `text` (a Y.Text, or the Y.XmlText of an editor paragraph), `batchOps`
 * patches per Yjs transaction, and calls `onBatch` with the update each transaction produced:
 * what a y-websocket client sends the server for that transaction. Throws unless the text ends
 * as the trace's endContent.
 */
export function replayTrace(
  trace: Trace,
  text: Y.Text,
  options: { batchOps?: number; onBatch?: (update: Uint8Array, opsSoFar: number) => void } = {},
): void {
  const doc = text.doc;
  if (!doc) throw new Error('replayTrace needs a text that belongs to a Y.Doc');
  if (text.length !== 0) throw new Error('replayTrace starts from an empty text');
  const batchOps = options.batchOps ?? 1;
  let pending: Uint8Array[] = [];
  const collect = (update: Uint8Array) => pending.push(update);
  const flush = (opsSoFar: number) => {
    const updates = pending;
    pending = [];
    // One transaction emits one update; the start-content insert is folded into the first batch.
    if (updates.length > 0) options.onBatch?.(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates), opsSoFar);
  };
  doc.on('update', collect);
  try {
    if (trace.startContent) doc.transact(() => text.insert(0, trace.startContent));
    const all = [...patches(trace)];
    for (let i = 0; i < all.length; i += batchOps) {
      doc.transact(() => {
        for (const [pos, deleted, inserted] of all.slice(i, i + batchOps)) {
          if (deleted > 0) text.delete(pos, deleted);
          if (inserted) text.insert(pos, inserted);
        }
      });
      flush(Math.min(i + batchOps, all.length));
    }
    flush(all.length);
  } finally {
    doc.off('update', collect);
  }
  if (text.toString() !== trace.endContent) throw new Error(`${trace.name}: replay does not reproduce endContent`);
}
