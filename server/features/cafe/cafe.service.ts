import { CAFE_GRACE_MS, CAFE_SWEEP_MS, tableChanges, type CafeDeps, type CafeOptions } from './cafe.shared.js';
import { ChatService } from './chat.service.js';
import { HandsService } from './hands.service.js';
import { PromoteService } from './promote.service.js';
import { SeatsService } from './seats.service.js';
import { TablesService } from './tables.service.js';

/**
 * The cafe: tables on a space's floor (tables.service), seats and the grace period that keeps a
 * seat for someone who lost their connection (seats.service), table chat (chat.service), raised
 * hands (hands.service), tables becoming waves (promote.service); the live floor (floor-feed);
 * what they share is in cafe.shared. index.ts wires them into the app.
 */
export interface CafeService {
  tables: TablesService;
  seats: SeatsService;
  chat: ChatService;
  hands: HandsService;
  promote: PromoteService;
}

/** The services over one set of dependencies; `close` stops the seat sweep. */
export function createCafe(d: CafeDeps, options: Partial<CafeOptions> = {}): CafeService & { close(): Promise<void> } {
  const changed = tableChanges(d);
  const seats = new SeatsService(
    d,
    { graceMs: options.graceMs ?? CAFE_GRACE_MS, sweepMs: options.sweepMs ?? CAFE_SWEEP_MS, emptyCloseMs: options.emptyCloseMs },
    changed,
  );
  const hands = new HandsService(d, changed);
  return {
    tables: new TablesService(d, seats, changed),
    seats,
    chat: new ChatService(d, hands),
    hands,
    promote: new PromoteService(d),
    close: async () => {
      await seats.close();
      await d.floor.close();
    },
  };
}

export { CAFE_EMPTY_CLOSE_MS, CAFE_GRACE_MS, CAFE_SWEEP_MS, type CafeDeps, type CafeOptions } from './cafe.shared.js';
export { TableFullError } from './seats.service.js';
export { findTable } from './cafe.repository.js';
