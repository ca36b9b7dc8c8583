import { personRoom } from '../../realtime/rooms.js';
import type { Feature, FeatureContext } from '../feature.js';
import { MyDataService } from './my-data.service.js';
import { NotesService } from './notes.service.js';
import { peopleRoutes } from './people.routes.js';
import { PeopleService } from './people.service.js';
import { ProfileService, profileModeration } from './profile.service.js';
import { SpotlightsService } from './spotlights.service.js';

/**
 * People (docs/people.md): public profiles and editing your own (bio and display name moderated
 * as kinds `bio` and `display-name`), staff fan cards with shared notes and promises, spotlights,
 * and your data (export, forget me).
 */
export function peopleFeature(ctx: FeatureContext): Feature {
  const { db, clock, log } = ctx.deps;
  const kysely = db.kysely;
  ctx.moderation.kinds.register(profileModeration('bio', { db: kysely, clock }));
  ctx.moderation.kinds.register(profileModeration('display-name', { db: kysely, clock }));
  const notes = new NotesService({ db: kysely, clock });
  return {
    routes: peopleRoutes({
      people: new PeopleService({ db: kysely, clock, kinds: ctx.moderation.kinds, notes }),
      profiles: new ProfileService({ db: kysely, clock, moderation: ctx.moderation }),
      notes,
      spotlights: new SpotlightsService({ db: kysely, clock, streams: ctx.streams, notifier: ctx.notifier }),
      myData: new MyDataService({ db: kysely, clock }),
      disconnect(userId, spaceIds) {
        try {
          const io = ctx.io();
          for (const room of [personRoom(userId), ...spaceIds.map((id) => personRoom(userId, id))]) io.in(room).disconnectSockets(true);
        } catch (err) {
          log.warn({ err, userId }, 'could not close the sockets of a forgotten person');
        }
      },
    }),
  };
}
