import type { ChatService } from './chat.service.js';
import type { HandsService } from './hands.service.js';
import type { PromoteService } from './promote.service.js';
import type { SeatsService } from './seats.service.js';
import type { TablesService } from './tables.service.js';

/**
 * The cafe: tables on a space's floor (tables.service), seats and the grace period that keeps a
 * seat for someone who lost their connection (seats.service), table chat (chat.service) and raised
 * hands (hands.service), tables becoming waves (promote.service); the live floor (floor-feed); what they share is in cafe.shared. index.ts wires them together.
 * This module keeps the names other files import from it.
 */
export interface CafeService {
  tables: TablesService;
  seats: SeatsService;
  chat: ChatService;
  hands: HandsService;
  promote: PromoteService;
}

export { CAFE_EMPTY_CLOSE_MS, CAFE_GRACE_MS, CAFE_SWEEP_MS, type CafeDeps, type CafeOptions } from './cafe.shared.js';
export { TableFullError } from './seats.service.js';
export { findTable } from './cafe.repository.js';
