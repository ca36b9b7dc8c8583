import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import type { Result } from '../../shared/protocol/result.js';
import type { TableMessage } from '../../shared/schemas/cafe.js';
import { streamName } from '../../shared/streams.js';
import { findLinks } from '../../server/features/moderation/links.js';
import type { RelayClientEvents, RelayServerEvents } from '../baselines/socketio-relay.js';
import { Histogram } from '../harness/histogram.js';
import { WireClient } from './cafe-wire.js';
import { fixtureTexts } from './moderation.js';

/**
 * The cafe benchmark's load generator: thousands of socket.io-client connections in this
 * process, each a fan seated at a table, sending chat on an open-loop schedule and timing every
 * delivery from the message's *intended* send time (so a server, or this process, falling
 * behind shows as latency instead of as fewer messages sent: no coordinated omission).
 */

/** Where the fans connect: our server (bearer tokens, tables in the database) or the bare relay (rooms). */
export type Target =
  | { kind: 'ours'; url: string; tokens: string[]; tableIds: string[] }
  | { kind: 'bare'; url: string; tables: number };

type OurSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type RelaySocket = Socket<RelayServerEvents, RelayClientEvents>;

/** What the server answered to each post (ours: the acknowledgement's message; the relay always says ok). */
export interface Outcomes {
  visible: number;
  held: number;
  /** Answered with an earlier message (double post): nothing new stored or delivered. */
  folded: number;
  /** `ok: false`, by error code. */
  refused: Record<string, number>;
  /** Not answered by the end of the phase's drain. */
  unanswered: number;
}

export interface PhaseResult {
  label: string;
  /** Offered messages per second (all fans together). */
  rate: number;
  durationMs: number;
  sent: number;
  /** Deliveries expected: (fans per table − 1) × messages the server did not hold, fold or refuse. */
  expected: number;
  delivered: number;
  /** Deliveries that arrived by the end of sending + `graceMs` (default 250 ms): is the server keeping up? */
  deliveredInGrace: number;
  /** Deliveries that arrived while the phase was sending, per second of sending. */
  deliveriesPerSecond: number;
  /**
   * Latency of every expected delivery, from the intended send time, in ms. Deliveries still
   * missing at the end of the drain count as (end of drain − intended time): a lower bound.
   */
  p50: number;
  p99: number;
  p999: number;
  max: number;
  /** Of the above, deliveries that never arrived (censored samples). */
  missing: number;
  /** This process's CPU while sending, as a share of one core (0–1). */
  generatorCpu: number;
  /** Sends that left this process more than 10 ms after their intended time. */
  lateSends: number;
  outcomes: Outcomes;
  /** performance.now() at the first intended send and at the end of the drain. */
  startedAt: number;
  endedAt: number;
}

/** Latency-tagged, varied, natural-looking chat: sentences of the real threads without links. */
export function chatSentences(): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const text of fixtureTexts()) {
    for (const raw of text.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+/)) {
      const s = raw.trim();
      if (s.length < 20 || s.length > 200 || findLinks(s).length > 0 || /\bwww\b|https?:/i.test(s)) continue;
      const key = s.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(s);
    }
  }
  return out;
}

/** `[k:sender:intended]` at the end of every body: message number, sending fan, intended send time (performance.now()). */
const TAG = /\[(\d+):(\d+):(\d+\.\d+)\]/;

export type ClientKind = 'wire' | 'socket.io-client';

type Outcome = 'visible' | 'held' | 'folded' | { refused: string };

function ourOutcome(res: Result<{ message: TableMessage }>, body: string): Outcome {
  if (!res.ok) return { refused: res.error.code };
  if (res.data.message.body !== body) return 'folded';
  return res.data.message.visibility === 'visible' ? 'visible' : 'held';
}

interface Fan {
  index: number;
  table: number;
  posted: number;
  send(body: string, key: string, onAck: (outcome: Outcome) => void): void;
  close(): void;
}

interface ActivePhase {
  k0: number;
  n: number;
  rate: number;
  start: number;
  sendEnd: number;
  got: Uint8Array;
  /** 1: the server will not deliver it (held, folded, refused). */
  excluded: Uint8Array;
  hist: Histogram;
  delivered: number;
  inWindow: number;
  /** Arrived by sendEnd + graceMs. */
  inGrace: number;
  graceMs: number;
  answered: number;
  outcomes: Outcomes;
}

export class LoadGenerator {
  private fans: Fan[] = [];
  private phases: ActivePhase[] = [];
  private nextK = 0;
  private readonly corpus = chatSentences();
  /** Deliveries that matched no running phase (late ones of a phase already closed). */
  stray = 0;
  /** Connections the server dropped (or that dropped) after sitting down. */
  disconnects = 0;
  private closing = false;

  constructor(
    private readonly fansPerTable: number,
    /** Run id: part of every idempotency key, so keys never repeat across runs on one database. */
    private readonly runId: string,
    /** `wire` (default): the lean client of cafe-wire.ts; `socket.io-client`: one Manager per fan. */
    private readonly client: ClientKind = 'wire',
  ) {
    if (this.corpus.length < 50) throw new Error(`only ${this.corpus.length} chat sentences in the fixtures`);
  }

  get size(): number {
    return this.fans.length;
  }

  get sentences(): number {
    return this.corpus.length;
  }

  /** Connects, seats and subscribes every fan, `concurrency` at a time. Fan i sits at table ⌊i / fansPerTable⌋. */
  async connect(target: Target, fans: number, concurrency = 100, timeoutMs = 60_000): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < fans) {
        const index = next++;
        const fan = await withTimeout(this.open(target, index), timeoutMs, `fan ${index} did not connect and sit down`);
        this.fans[index] = fan;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, fans) }, worker));
  }

  private async open(target: Target, index: number): Promise<Fan> {
    return this.client === 'wire' ? this.openWire(target, index) : this.openSocketIoClient(target, index);
  }

  private async openWire(target: Target, index: number): Promise<Fan> {
    const table = Math.floor(index / this.fansPerTable);
    const auth = target.kind === 'ours' ? { token: target.tokens[index], protocolVersion: PROTOCOL_VERSION } : null;
    const socket = await WireClient.connect(target.url, auth);
    socket.onClose = () => {
      if (!this.closing) this.disconnects++;
    };
    const fan = { index, table, posted: 0, close: () => socket.close() };
    if (target.kind === 'ours') {
      const tableId = target.tableIds[table]!;
      const seat = (await socket.emitWithAck('table:join', { tableId })) as Result<unknown>;
      if (!seat.ok) throw new Error(`fan ${index} could not sit down: ${seat.error.code} ${seat.error.message}`);
      const sub = (await socket.emitWithAck('stream:subscribe', { stream: streamName.table(tableId) })) as Result<unknown>;
      if (!sub.ok) throw new Error(`fan ${index} could not subscribe: ${sub.error.code} ${sub.error.message}`);
      // Every table:message event frame carries the body, and so the tag, once.
      socket.onEvent = (frame) => this.delivered(frame, index);
      return {
        ...fan,
        send(body, key, onAck) {
          socket.emit('table:say', { tableId, body, idempotencyKey: key }, (reply) => onAck(ourOutcome(reply as Result<{ message: TableMessage }>, body)));
        },
      };
    }
    const room = `table-${table}`;
    await socket.emitWithAck('join', room);
    socket.onEvent = (frame) => this.delivered(frame, index);
    return {
      ...fan,
      send(body, _key, onAck) {
        socket.emit('say', { room, body }, () => onAck('visible'));
      },
    };
  }

  private async openSocketIoClient(target: Target, index: number): Promise<Fan> {
    const table = Math.floor(index / this.fansPerTable);
    const options = { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 60_000 };
    const onDelivery = (body: string) => this.delivered(body, index);
    const onDisconnect = () => {
      if (!this.closing) this.disconnects++;
    };
    if (target.kind === 'ours') {
      const tableId = target.tableIds[table]!;
      const socket: OurSocket = io(target.url, { ...options, auth: { token: target.tokens[index], protocolVersion: PROTOCOL_VERSION } });
      await connected(socket);
      const seat = (await socket.emitWithAck('table:join', { tableId })) as Result<unknown>;
      if (!seat.ok) throw new Error(`fan ${index} could not sit down: ${seat.error.code} ${seat.error.message}`);
      const sub = (await socket.emitWithAck('stream:subscribe', { stream: streamName.table(tableId) })) as Result<unknown>;
      if (!sub.ok) throw new Error(`fan ${index} could not subscribe: ${sub.error.code} ${sub.error.message}`);
      socket.on('disconnect', onDisconnect);
      socket.on('stream:event', (event) => {
        if (event.type === 'table:message') onDelivery((event.data as { message: TableMessage }).message.body);
      });
      return {
        index,
        table,
        posted: 0,
        send(body, key, onAck) {
          socket.emit('table:say', { tableId, body, idempotencyKey: key }, (res: Result<{ message: TableMessage }>) => onAck(ourOutcome(res, body)));
        },
        close: () => socket.disconnect(),
      };
    }
    const room = `table-${table}`;
    const socket: RelaySocket = io(target.url, options);
    await connected(socket);
    await socket.emitWithAck('join', room);
    socket.on('said', onDelivery);
    socket.on('disconnect', onDisconnect);
    return {
      index,
      table,
      posted: 0,
      send(body, _key, onAck) {
        socket.emit('say', { room, body }, () => onAck('visible'));
      },
      close: () => socket.disconnect(),
    };
  }

  /** A delivery: the message's body, or the raw event frame holding it. */
  private delivered(text: string, receiver: number): void {
    const now = performance.now();
    const m = TAG.exec(text);
    if (!m) return;
    const k = Number(m[1]);
    if (Number(m[2]) === receiver) return; // our own message echoed back (our server sends the table's stream to its author too)
    const phase = this.phases.find((p) => k >= p.k0 && k < p.k0 + p.n);
    if (!phase) {
      this.stray++;
      return;
    }
    phase.got[k - phase.k0]!++;
    phase.delivered++;
    if (now <= phase.sendEnd) phase.inWindow++;
    if (now <= phase.sendEnd + phase.graceMs) phase.inGrace++;
    phase.hist.recordMs(now - Number(m[3]));
  }

  /**
   * Sends `rate` messages per second for `durationMs` (message i at start + i / rate, from the
   * fans in a shuffled round-robin, so at rate = fans each fan posts once a second), then waits
   * until every expected delivery arrived or `drainMs` after the last intended send.
   */
  async phase(
    label: string,
    rate: number,
    durationMs: number,
    drainMs: number,
    options: { onStart?: () => void; graceMs?: number } = {},
  ): Promise<PhaseResult> {
    if (this.fans.length === 0) throw new Error('no fans connected');
    const n = Math.max(1, Math.round((rate * durationMs) / 1000));
    const order = shuffled(this.fans.length, this.nextK + 1);
    const interval = 1000 / rate;
    const phase: ActivePhase = {
      k0: this.nextK,
      n,
      rate,
      start: performance.now() + 20,
      sendEnd: Number.POSITIVE_INFINITY,
      got: new Uint8Array(n),
      excluded: new Uint8Array(n),
      hist: new Histogram(),
      delivered: 0,
      inWindow: 0,
      inGrace: 0,
      graceMs: options.graceMs ?? 250,
      answered: 0,
      outcomes: { visible: 0, held: 0, folded: 0, refused: {}, unanswered: 0 },
    };
    this.nextK += n;
    phase.sendEnd = phase.start + n * interval;
    this.phases.push(phase);
    const perMessage = this.fansPerTable - 1;
    let lateSends = 0;
    let i = 0;
    await new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, phase.start - performance.now())));
    options.onStart?.();
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now();
        while (i < n && phase.start + i * interval <= now) {
          const intended = phase.start + i * interval;
          if (now - intended > 10) lateSends++;
          const fan = this.fans[order[i % order.length]!]!;
          const k = phase.k0 + i;
          const text = this.corpus[(fan.index * 7919 + fan.posted++) % this.corpus.length]!;
          const slot = i;
          fan.send(`${text} [${k}:${fan.index}:${intended.toFixed(3)}]`, `cafe-${this.runId}-${k}`, (outcome) => {
            phase.answered++;
            if (outcome === 'visible') phase.outcomes.visible++;
            else {
              phase.excluded[slot] = 1;
              if (typeof outcome === 'string') phase.outcomes[outcome]++;
              else phase.outcomes.refused[outcome.refused] = (phase.outcomes.refused[outcome.refused] ?? 0) + 1;
            }
          });
          i++;
        }
        if (i >= n) return resolve();
        setTimeout(tick, Math.max(0, phase.start + i * interval - performance.now() - 1));
      };
      tick();
    });
    const cpu = process.cpuUsage(cpu0);
    const generatorCpu = (cpu.user + cpu.system) / 1000 / Math.max(1, performance.now() - wall0);

    const deadline = phase.sendEnd + drainMs;
    const allIn = () => {
      const excluded = phase.outcomes.held + phase.outcomes.folded + refusedCount(phase.outcomes);
      return phase.delivered >= (n - excluded) * perMessage && phase.answered >= n;
    };
    while (!allIn() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const endedAt = performance.now();
    // Freeze the phase: later deliveries are strays.
    this.phases.splice(this.phases.indexOf(phase), 1);

    let expected = 0;
    let missing = 0;
    for (let j = 0; j < n; j++) {
      if (phase.excluded[j]) continue;
      expected += perMessage;
      const lacking = perMessage - Math.min(perMessage, phase.got[j]!);
      if (lacking > 0) {
        missing += lacking;
        phase.hist.recordMs(endedAt - (phase.start + j * interval), lacking);
      }
    }
    phase.outcomes.unanswered = n - phase.answered;
    const sendMs = n * interval;
    return {
      label,
      rate,
      durationMs,
      sent: n,
      expected,
      delivered: Math.min(phase.delivered, expected),
      deliveredInGrace: Math.min(phase.inGrace, expected),
      deliveriesPerSecond: (phase.inWindow * 1000) / sendMs,
      p50: phase.hist.percentileMs(50),
      p99: phase.hist.percentileMs(99),
      p999: phase.hist.percentileMs(99.9),
      max: phase.hist.max / 1000,
      missing,
      generatorCpu,
      lateSends,
      outcomes: phase.outcomes,
      startedAt: phase.start,
      endedAt,
    };
  }

  close(): void {
    this.closing = true;
    for (const fan of this.fans.splice(0)) fan?.close();
    this.phases = [];
  }
}

export function refusedCount(outcomes: Outcomes): number {
  return Object.values(outcomes.refused).reduce((a, b) => a + b, 0);
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** 0..n−1 in a fixed pseudo-random order (a seeded Fisher–Yates), so fans do not post in table order. */
function shuffled(n: number, seed: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  let s = (seed * 2654435761) >>> 0 || 1;
  for (let i = n - 1; i > 0; i--) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
