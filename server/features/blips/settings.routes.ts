import type { Kysely } from 'kysely';
import { UserSettingsSchema, type UserSettings } from '../../../shared/schemas/waves.js';
import type { Database } from '../../db/database.js';
import { unauthenticated } from '../../http/errors.js';
import { defineRoute } from '../../http/route.js';

async function readSettings(db: Kysely<Database>, userId: string): Promise<UserSettings> {
  const row = await db.selectFrom('users').select('share_drafts').where('id', '=', userId).executeTakeFirst();
  if (!row) throw unauthenticated('This account no longer exists');
  return { shareDrafts: row.share_drafts !== 0 };
}

/** A person's own preferences; today only whether others see their blip drafts as they type. */
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
      summary: 'Change your settings; `shareDrafts: false` shows others only that you are writing, not what',
      tag: 'auth',
      auth: 'user',
      body: UserSettingsSchema.partial(),
      response: UserSettingsSchema,
      async handler({ viewer, body, deps }) {
        if (body.shareDrafts !== undefined) {
          await deps.db.kysely
            .updateTable('users')
            .set({ share_drafts: body.shareDrafts ? 1 : 0 })
            .where('id', '=', viewer!.id)
            .execute();
        }
        return readSettings(deps.db.kysely, viewer!.id);
      },
    }),
  ];
}
