import type { Kysely } from 'kysely';
import { UserSettingsPatchSchema, UserSettingsSchema, type UserSettings } from '../../../shared/schemas/waves.js';
import type { Database } from '../../db/database.js';
import { unauthenticated } from '../../http/errors.js';
import { defineRoute } from '../../http/route.js';
import { readNotificationSettings, writeNotificationSettings } from '../notifications/notifications.repository.js';

async function readSettings(db: Kysely<Database>, userId: string): Promise<UserSettings> {
  const row = await db.selectFrom('users').select('share_drafts').where('id', '=', userId).executeTakeFirst();
  if (!row) throw unauthenticated('This account no longer exists');
  return { shareDrafts: row.share_drafts !== 0, notifications: await readNotificationSettings(db, userId) };
}

/** A person's own preferences: whether others see their blip drafts as they type, and what they are notified of. */
export function settingsRoutes() {
  return [
    defineRoute({
      method: 'get',
      path: '/me/settings',
      summary: 'Your own settings',
      tag: 'auth',
      auth: 'user',
      response: UserSettingsSchema,
      handler: ({ viewer, deps }) => readSettings(deps.db.kysely, viewer!.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/me/settings',
      summary:
        'Change your settings; `shareDrafts: false` shows others only that you are writing, not what; `notifications` turns kinds on or off (only the kinds named change)',
      tag: 'auth',
      auth: 'user',
      body: UserSettingsPatchSchema,
      response: UserSettingsSchema,
      async handler({ viewer, body, deps }) {
        if (body.shareDrafts !== undefined) {
          await deps.db.kysely
            .updateTable('users')
            .set({ share_drafts: body.shareDrafts ? 1 : 0 })
            .where('id', '=', viewer!.id)
            .execute();
        }
        if (body.notifications && Object.keys(body.notifications).length > 0) {
          await writeNotificationSettings(deps.db.kysely, viewer!.id, body.notifications, deps.clock.now().toISOString());
        }
        return readSettings(deps.db.kysely, viewer!.id);
      },
    }),
  ];
}
