import type { AuthorCard, Sanction } from '../../shared/schemas/moderation.js';
import type { SpaceSettings } from '../../shared/schemas/spaces.js';

/** The console's own cp-* events; the fan app's live in client/events.ts. */

export interface ConsoleNavigateDetail {
  href: string;
  /** Replace the history entry (tabs, filters) rather than add one. */
  replace: boolean;
}

export interface ModerationDecideDetail {
  itemId: string;
  action: 'approve' | 'reject';
  /** Required to reject: the author sees it. */
  reason?: string;
}

export interface ModerationEditDetail {
  itemId: string;
  body: string;
}

export interface ModerationItemDetail {
  itemId: string;
}

export interface ModerationSelectDetail {
  itemId: string;
  selected: boolean;
}

export interface ModerationModeDetail {
  itemId: string;
  mode: ItemMode;
}

/** What an item card shows below its text: nothing, the reject reason input, or the editor. */
export type ItemMode = 'view' | 'rejecting' | 'editing';

export interface AuthorActionDetail {
  author: AuthorCard;
  action: 'sanction' | 'reject-recent';
}

export interface SanctionAppliedDetail {
  userId: string;
  /** Set for a new ban or suspension, or one lifted. */
  sanction: Sanction | null;
  /** Items rejected by "reject everything from the last day". */
  rejected: string[];
  /** Said in the queue's status line. */
  message: string;
}

export interface SettingsSavedDetail {
  settings: SpaceSettings;
}


declare global {
  interface GlobalEventHandlersEventMap {
    /** A console page asks the app to go to another console address. */
    'cp-console-navigate': CustomEvent<ConsoleNavigateDetail>;
    'cp-moderation-decide': CustomEvent<ModerationDecideDetail>;
    'cp-moderation-edit': CustomEvent<ModerationEditDetail>;
    'cp-moderation-mode': CustomEvent<ModerationModeDetail>;
    'cp-moderation-select': CustomEvent<ModerationSelectDetail>;
    'cp-moderation-dismiss': CustomEvent<ModerationItemDetail>;
    'cp-moderation-author-action': CustomEvent<AuthorActionDetail>;
    'cp-moderation-sanctioned': CustomEvent<SanctionAppliedDetail>;
    'cp-settings-saved': CustomEvent<SettingsSavedDetail>;
  }
}
