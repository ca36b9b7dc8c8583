import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { streamName } from '../../../shared/streams.js';
import { WAVE_LIMITS, type DraftEvent, type Drafting, type Person } from '../../../shared/schemas/waves.js';
import type { Database } from '../../db/database.js';
import { forbidden } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { AppServer } from '../../realtime/io.js';
import { streamRoom } from '../../realtime/rooms.js';
import type { Viewer } from '../users/viewer.js';
import { canEditDocument, requireWave } from '../waves/waves.access.js';

interface Draft {
  waveId: string;
  parentId: string | null;
  author: Person;
  /** The writer's socket: it does not get its own draft back. */
  socketId: string;
  shared: boolean;
  /** Not yet relayed because of the throttle; the trailing timer sends it. */
  pending: string | null;
  lastSentAt: number;
  /** When the newest applied draft arrived: an older one finishing its checks later is dropped. */
  arrived: number;
  timer: NodeJS.Timeout | null;
}

const keyOf = (waveId: string, userId: string) => `${waveId} ${userId}`;
const STOP_MEMORY_MS = 60_000;

/**
 * Live drafts: relayed to the wave's room as they form, never stored. At most
 * WAVE_LIMITS.draftsPerSecond per person and wave go out; in between only the newest is kept
 * and sent when the interval ends, so the last draft before a pause always arrives.
 */
export class DraftRelay {
  private readonly drafts = new Map<string, Draft>();
  /** When each draft was last stopped: a draft that arrived before its writer posted must not reappear. */
  private readonly stoppedAt = new Map<string, number>();
  private readonly intervalMs = 1000 / WAVE_LIMITS.draftsPerSecond;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly io: () => AppServer,
  ) {}

  async draft(viewer: Viewer, socketId: string, input: DraftEvent): Promise<void> {
    const arrived = performance.now();
    const { wave, role } = await requireWave(this.db, viewer, input.waveId, 'fan');
    if (!canEditDocument(wave, role)) throw forbidden('This wave is locked: only staff may reply');
    const key = keyOf(wave.id, viewer.id);
    if ((this.stoppedAt.get(key) ?? -Infinity) >= arrived) return;
    if (input.text === '') return this.stop(wave.id, viewer.id);

    const shared = await this.sharesDrafts(viewer.id);
    if ((this.stoppedAt.get(key) ?? -Infinity) >= arrived) return;
    const draft = this.drafts.get(key) ?? {
      waveId: wave.id,
      author: { id: viewer.id, displayName: viewer.displayName },
      pending: null,
      lastSentAt: -Infinity,
      arrived: -Infinity,
      timer: null,
      parentId: null,
      socketId,
      shared,
    };
    if (draft.arrived > arrived) return;
    Object.assign(draft, { parentId: input.parentId ?? null, socketId, shared, pending: input.text, arrived });
    this.drafts.set(key, draft);
    if (draft.timer) return;
    const wait = draft.lastSentAt + this.intervalMs - performance.now();
    if (wait <= 0) this.flush(draft);
    else draft.timer = setTimeout(() => this.flush(draft), wait);
  }

  /** The writer posted, cleared the draft or left: others stop seeing it. */
  stop(waveId: string, userId: string): void {
    const key = keyOf(waveId, userId);
    const now = performance.now();
    this.stoppedAt.set(key, now);
    for (const [k, at] of this.stoppedAt) if (now - at > STOP_MEMORY_MS) this.stoppedAt.delete(k);
    const draft = this.drafts.get(key);
    if (!draft) return;
    if (draft.timer) clearTimeout(draft.timer);
    this.drafts.delete(key);
    this.emit(draft, '');
  }

  socketClosed(socketId: string): void {
    for (const draft of [...this.drafts.values()]) {
      if (draft.socketId === socketId) this.stop(draft.waveId, draft.author.id);
    }
  }

  close(): void {
    for (const draft of this.drafts.values()) if (draft.timer) clearTimeout(draft.timer);
    this.drafts.clear();
  }

  private flush(draft: Draft): void {
    draft.timer = null;
    if (draft.pending === null) return;
    const text = draft.pending;
    draft.pending = null;
    draft.lastSentAt = performance.now();
    this.emit(draft, draft.shared ? text : null);
  }

  private emit(draft: Draft, text: string | null): void {
    const drafting: Drafting = {
      waveId: draft.waveId,
      parentId: draft.parentId,
      author: draft.author,
      text,
      at: this.clock.now().toISOString(),
    };
    this.io().to(streamRoom(streamName.wave(draft.waveId))).except(draft.socketId).emit('blip:drafting', drafting);
  }

  private async sharesDrafts(userId: string): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('share_drafts').where('id', '=', userId).executeTakeFirst();
    return row?.share_drafts !== 0;
  }
}
