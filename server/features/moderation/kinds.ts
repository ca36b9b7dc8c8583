import type { Kysely } from 'kysely';
import type { ContentKind } from '../../../shared/schemas/moderation.js';
import type { Database } from '../../db/database.js';
import type { NotificationFact } from '../notifications/facts.js';
import type { Visibility } from './moderation.table.js';

export interface ItemContext {
  title: string;
  waveId: string | null;
  /** A fan-app path to the item, e.g. `/s/demo/waves/abc#blip-xyz`. */
  href: string;
}

/**
 * What moderation needs from a feature whose content it governs. The feature owns its
 * rows; moderation only asks it to change who sees them and to publish what staff let through.
 */
export interface ModeratedKind {
  kind: ContentKind;
  setVisibility(trx: Kysely<Database>, contentId: string, visibility: Visibility): Promise<void>;
  replaceText(trx: Kysely<Database>, contentId: string, text: string): Promise<void>;
  /** After the decision committed: tell the people looking at the content (a blip appearing on a wave). */
  afterDecision?(contentId: string, visibility: Visibility): Promise<void>;
  /**
   * Held content staff approved is now seen for the first time: what it notifies (a blip's
   * mentions and its parent's author), read inside the decision's transaction.
   */
  notifyWhenShown?(trx: Kysely<Database>, contentId: string): Promise<NotificationFact[]>;
  describe(db: Kysely<Database>, contentIds: string[]): Promise<Map<string, ItemContext>>;
}

export class ModeratedKinds {
  private readonly kinds = new Map<ContentKind, ModeratedKind>();

  register(kind: ModeratedKind): void {
    if (this.kinds.has(kind.kind)) throw new Error(`moderated kind ${kind.kind} is already registered`);
    this.kinds.set(kind.kind, kind);
  }

  get(kind: string): ModeratedKind | undefined {
    return this.kinds.get(kind as ContentKind);
  }
}
