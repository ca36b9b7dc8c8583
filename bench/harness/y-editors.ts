import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import type { EditScript } from './edit-script.js';
import { Histogram } from './histogram.js';

/**
 * The live-editing benchmark's load generator: raw y-protocols clients over `ws` (the frames the
 * stock WebsocketProvider sends: SyncStep1 on open, SyncStep2 in answer to the server's, one
 * update message per Yjs transaction, awareness updates), without a Y.Doc each: every edit
 * is the pre-computed update of an EditScript, and every update that arrives is recognised by
 * the ids in it (EditScript.index) and timed from its edit's intended send time (open loop).
 * One core can then play hundreds of editors.
 */

const EMPTY_STATE_VECTOR = new Uint8Array([0]);
const EMPTY_UPDATE = new Uint8Array([0, 0]);

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** An awareness message announcing one client's state (y-protocols' encoding, by hand). */
export function awarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

/** What a client received, decoded as far as the generator cares. */
export type Received = { kind: 'update'; update: Uint8Array } | { kind: 'synced' } | { kind: 'awareness' } | { kind: 'other' };

/**
 * Reads one y-websocket frame; answers the server's SyncStep1 with an empty SyncStep2 through
 * `reply` (this client holds nothing the server lacks).
 */
export function readFrame(data: Uint8Array, reply: (message: Uint8Array) => void): Received {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  if (type === 1) return { kind: 'awareness' };
  if (type !== 0) return { kind: 'other' };
  const step = decoding.readVarUint(decoder);
  if (step === 0) {
    reply(syncMessage(1, EMPTY_UPDATE));
    return { kind: 'other' };
  }
  if (step === 1) return { kind: 'synced' };
  if (step === 2) return { kind: 'update', update: decoding.readVarUint8Array(decoder) };
  return { kind: 'other' };
}

interface Client {
  doc: number;
  editor: number;
  ws: WebSocket;
  awarenessClock: number;
  /** Script edits due from this editor, waiting (in order) for an edit of another editor they depend on. */
  waiting: number[];
}

export interface EditPhaseResult {
  label: string;
  /** Edits per second offered, all documents together. */
  rate: number;
  durationMs: number;
  sent: number;
  /** Deliveries expected: (editors − 1) × edits sent. */
  expected: number;
  delivered: number;
  /** Deliveries that arrived by the end of sending + 250 ms. */
  deliveredInGrace: number;
  /** Deliveries that arrived while sending, per second of sending. */
  deliveriesPerSecond: number;
  /** Latency of every expected delivery from its edit's intended send time, ms; missing ones count at the end of the drain. */
  p50: number;
  p99: number;
  p999: number;
  missing: number;
  awarenessSent: number;
  awarenessReceived: number;
  /** This process's CPU while sending, as a share of one core. */
  generatorCpu: number;
  /** Sends that left more than 10 ms after their intended time. */
  lateSends: number;
  /** Edits that were due before their editor had received an edit they depend on, and waited for it. */
  waited: number;
  /** Edits still waiting when the phase ended (never sent; their deliveries count as missing). */
  unsent: number;
  /** Edits some document had no more of (its script ran out). */
  exhausted: number;
}

/**
 * `docs` documents with `script.clientIds.length` editors each. Document d replays the script
 * from its start, continuing where the previous phase stopped.
 */
export class EditorsLoad {
  private clients: Client[][] = [];
  /** Per document: next script edit to send. */
  private readonly cursor: Int32Array;
  /** Per document and script edit: intended send time (performance.now()), NaN when not sent in a running phase. */
  private readonly intended: Float64Array[];
  /** Per document and script edit: bit e set once editor e has it (or sent it). */
  private readonly got: Uint8Array[];
  private readonly phaseOf: Int32Array[];
  private current: {
    id: number;
    hist: Histogram;
    delivered: number;
    inWindow: number;
    inGrace: number;
    sendEnd: number;
    awareness: number;
    lateSends: number;
    waited: number;
  } | null = null;
  private phaseNo = 0;
  /** Frames that named no edit of a running phase (late deliveries of an earlier one). */
  stray = 0;
  disconnects = 0;
  private closing = false;

  constructor(
    private readonly script: EditScript,
    readonly docs: number,
  ) {
    if (script.clientIds.length > 8) throw new Error('at most 8 editors per document');
    const n = script.edits.length;
    this.cursor = new Int32Array(docs);
    this.intended = Array.from({ length: docs }, () => new Float64Array(n).fill(Number.NaN));
    this.got = Array.from({ length: docs }, () => new Uint8Array(n));
    this.phaseOf = Array.from({ length: docs }, () => new Int32Array(n).fill(-1));
  }

  get editors(): number {
    return this.script.clientIds.length;
  }

  /** Opens every editor's socket (`url(doc, editor)`), `concurrency` at a time, and waits until each has synced. */
  async connect(url: (doc: number, editor: number) => string, concurrency = 50, timeoutMs = 60_000): Promise<void> {
    const jobs: [number, number][] = [];
    for (let d = 0; d < this.docs; d++) for (let e = 0; e < this.editors; e++) jobs.push([d, e]);
    this.clients = Array.from({ length: this.docs }, () => new Array<Client>(this.editors));
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const [d, e] = jobs[next++]!;
        this.clients[d]![e] = await this.open(url(d, e), d, e, timeoutMs);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  }

  private open(url: string, doc: number, editor: number, timeoutMs: number): Promise<Client> {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    const client: Client = { doc, editor, ws, awarenessClock: 0, waiting: [] };
    return new Promise((resolve, reject) => {
      let synced = false;
      const timer = setTimeout(() => {
        reject(new Error(`editor ${editor} of document ${doc} did not sync within ${timeoutMs} ms`));
        ws.terminate();
      }, timeoutMs);
      ws.on('error', (err) => {
        if (!synced) {
          clearTimeout(timer);
          reject(err);
        }
      });
      ws.on('close', (code, reason) => {
        if (!synced) {
          clearTimeout(timer);
          reject(new Error(`editor ${editor} of document ${doc}: socket closed before sync (${code} ${reason.toString()})`));
        } else if (!this.closing) this.disconnects++;
      });
      ws.on('open', () => ws.send(syncMessage(0, EMPTY_STATE_VECTOR)));
      ws.on('message', (data: Buffer) => {
        const got = readFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), (m) => ws.send(m));
        if (got.kind === 'synced' && !synced) {
          synced = true;
          clearTimeout(timer);
          resolve(client);
        } else if (got.kind === 'update') this.received(client, got.update);
        else if (got.kind === 'awareness' && this.current) this.current.awareness++;
      });
    });
  }

  private received(client: Client, update: Uint8Array): void {
    const now = performance.now();
    const phase = this.current;
    const bit = 1 << client.editor;
    const got = this.got[client.doc]!;
    for (const k of this.script.index.editsIn(update)) {
      if (got[k]! & bit) continue; // its own edit, or a second copy
      got[k] = got[k]! | bit;
      const sentAt = this.intended[client.doc]![k]!;
      if (!phase || this.phaseOf[client.doc]![k] !== phase.id || Number.isNaN(sentAt)) {
        this.stray++;
        continue;
      }
      phase.delivered++;
      if (now <= phase.sendEnd) phase.inWindow++;
      if (now <= phase.sendEnd + 250) phase.inGrace++;
      phase.hist.recordMs(now - sentAt);
    }
    // What this editor just received may be what its own next edits were waiting for.
    if (client.waiting.length > 0) this.flush(client);
  }

  /** Sends this editor's waiting edits, in order, as long as it has every edit they depend on. */
  private flush(client: Client): void {
    const got = this.got[client.doc]!;
    const bit = 1 << client.editor;
    while (client.waiting.length > 0) {
      const k = client.waiting[0]!;
      for (const j of this.script.deps[k]!) if (!(got[j]! & bit)) return;
      client.waiting.shift();
      const late = performance.now() - this.intended[client.doc]![k]!;
      if (this.current && this.phaseOf[client.doc]![k] === this.current.id && late > 10) this.current.lateSends++;
      if (client.ws.readyState === client.ws.OPEN) client.ws.send(syncMessage(2, this.script.edits[k]!.update));
    }
  }

  /**
   * Sends `ratePerDoc` edits per second to every document for `durationMs` (all documents'
   * edits interleaved evenly on one timeline: edit i overall at start + i ÷ (docs × ratePerDoc)),
   * each from the editor the script assigns it to, and an awareness update from every editor
   * `awarenessHz` times a second; then waits until every other editor of each document has each
   * edit, or `drainMs` after the last intended send.
   */
  async phase(label: string, ratePerDoc: number, durationMs: number, drainMs: number, options: { awarenessHz?: number; onStart?: () => void } = {}): Promise<EditPhaseResult> {
    const totalRate = ratePerDoc * this.docs;
    const n = Math.max(1, Math.round((totalRate * durationMs) / 1000));
    const interval = 1000 / totalRate;
    const id = ++this.phaseNo;
    const phase = { id, hist: new Histogram(), delivered: 0, inWindow: 0, inGrace: 0, sendEnd: Number.POSITIVE_INFINITY, awareness: 0, lateSends: 0, waited: 0 };
    const start = performance.now() + 20;
    phase.sendEnd = start + n * interval;
    this.current = phase;
    const sentEdits: [doc: number, k: number][] = [];
    let exhausted = 0;
    const awarenessHz = options.awarenessHz ?? 0;
    const all = this.clients.flat();
    // Each editor's awareness ticks at its own offset within the period.
    const awarenessPeriod = awarenessHz > 0 ? 1000 / awarenessHz : Number.POSITIVE_INFINITY;
    const nextAwareness = all.map((_, i) => start + ((i * 7919) % all.length) * (awarenessPeriod / all.length));
    let awarenessSent = 0;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, start - performance.now())));
    options.onStart?.();
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    let i = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now();
        while (i < n && start + i * interval <= now) {
          const intendedAt = start + i * interval;
          const d = i % this.docs;
          const k = this.cursor[d]!;
          i++;
          if (k >= this.script.edits.length) {
            exhausted++;
            continue;
          }
          this.cursor[d] = k + 1;
          const edit = this.script.edits[k]!;
          this.intended[d]![k] = intendedAt;
          this.phaseOf[d]![k] = id;
          this.got[d]![k] = 1 << edit.editor;
          sentEdits.push([d, k]);
          // Sent now, unless its editor still lacks an edit it refers to (or has earlier ones waiting).
          const client = this.clients[d]![edit.editor]!;
          client.waiting.push(k);
          this.flush(client);
          if (client.waiting.length > 0) phase.waited++;
        }
        if (awarenessHz > 0) {
          for (let c = 0; c < all.length; c++) {
            if (nextAwareness[c]! > now || nextAwareness[c]! > phase.sendEnd) continue;
            nextAwareness[c]! += awarenessPeriod;
            const client = all[c]!;
            const clientId = this.script.clientIds[client.editor]!;
            const at = this.cursor[client.doc]!;
            const message = awarenessMessage(clientId, ++client.awarenessClock, {
              user: { name: `Editor ${client.editor + 1}`, color: '#30bced' },
              cursor: { anchor: at, head: at },
            });
            if (client.ws.readyState === client.ws.OPEN) client.ws.send(message);
            awarenessSent++;
          }
        }
        if (i >= n) return resolve();
        setTimeout(tick, Math.max(0, Math.min(start + i * interval, awarenessHz > 0 ? Math.min(...nextAwareness) : Infinity) - performance.now() - 1));
      };
      tick();
    });
    const cpu = process.cpuUsage(cpu0);
    const generatorCpu = (cpu.user + cpu.system) / 1000 / Math.max(1, performance.now() - wall0);

    const others = this.editors - 1;
    const expected = sentEdits.length * others;
    const deadline = phase.sendEnd + drainMs;
    while (phase.delivered < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const endedAt = performance.now();
    this.current = null;
    let unsent = 0;
    for (const c of all) unsent += c.waiting.filter((k) => this.phaseOf[c.doc]![k] === id).length;
    let missing = 0;
    const full = (1 << this.editors) - 1;
    for (const [d, k] of sentEdits) {
      const got = this.got[d]![k]!;
      if (got !== full) {
        const lacking = others - (popcount(got) - 1);
        missing += lacking;
        phase.hist.recordMs(endedAt - this.intended[d]![k]!, lacking);
      }
    }
    const sendMs = n * interval;
    return {
      label,
      rate: totalRate,
      durationMs,
      sent: sentEdits.length,
      expected,
      delivered: phase.delivered,
      deliveredInGrace: phase.inGrace,
      deliveriesPerSecond: (phase.inWindow * 1000) / sendMs,
      p50: phase.hist.percentileMs(50),
      p99: phase.hist.percentileMs(99),
      p999: phase.hist.percentileMs(99.9),
      missing,
      awarenessSent,
      awarenessReceived: phase.awareness,
      generatorCpu,
      lateSends: phase.lateSends,
      waited: phase.waited,
      unsent,
      exhausted,
    };
  }

  /** Edits every document has been sent so far (the least of them). */
  get progress(): number {
    return Math.min(...this.cursor);
  }

  close(): void {
    this.closing = true;
    for (const client of this.clients.flat()) client?.ws.terminate();
    this.clients = [];
  }

  /** Closes every socket cleanly (close frames) and waits until they are closed. */
  async leave(): Promise<void> {
    this.closing = true;
    const all = this.clients.flat().filter(Boolean);
    await Promise.all(
      all.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.ws.readyState === c.ws.CLOSED) return resolve();
            c.ws.once('close', () => resolve());
            c.ws.close();
            setTimeout(() => {
              c.ws.terminate();
              resolve();
            }, 5000).unref();
          }),
      ),
    );
    this.clients = [];
  }
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
}
