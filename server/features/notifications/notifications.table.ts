import type { Selectable } from 'kysely';
import type { NotificationKind } from '../../../shared/schemas/notifications.js';

/** One row per recipient and triggering fact; UNIQUE (user_id, source_key). */
export interface NotificationsTable {
  id: string;
  /** The recipient. */
  user_id: string;
  space_id: string;
  kind: NotificationKind;
  /** Identifies the fact (`blip:<id>`, `status:<changeId>`, `hand:<id>`…); see facts.ts. */
  source_key: string;
  actor_id: string | null;
  wave_id: string | null;
  blip_id: string | null;
  table_id: string | null;
  /** Enough to render it without more queries: the wave title or table topic, the excerpt, the reason. */
  title: string;
  excerpt: string | null;
  reason: string | null;
  status: string | null;
  link: string;
  created_at: string;
  read_at: string | null;
}

export interface NotificationSettingsTable {
  user_id: string;
  /** JSON Partial<NotificationSettings>; a kind not named is on. */
  settings: string;
  updated_at: string;
}

export type NotificationRow = Selectable<NotificationsTable>;
