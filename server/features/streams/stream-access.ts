import type { Kysely } from 'kysely';
import { parseStreamName, type StreamKind } from '../../../shared/streams.js';
import type { Database } from '../../db/database.js';
import { forbidden, notFound } from '../../http/errors.js';
import { requireSpace } from '../spaces/access.js';
import type { Viewer } from '../users/viewer.js';

/** Throws 403/404 (as AppError) when the viewer may not read the stream. */
export type StreamReadCheck = (args: { db: Kysely<Database>; viewer: Viewer | null; id: string }) => Promise<void>;

/** Which streams a viewer may read; features register their stream kinds. */
export class StreamAccess {
  private readonly checks = new Map<StreamKind, StreamReadCheck>();

  constructor(private readonly db: Kysely<Database>) {
    this.register('space', async ({ db, viewer, id }) => {
      await requireSpace(db, viewer, { id }, null);
    });
    this.register('user', async ({ viewer, id }) => {
      if (viewer?.id !== id) throw forbidden('This is someone else’s stream');
    });
  }

  register(kind: StreamKind, check: StreamReadCheck): void {
    this.checks.set(kind, check);
  }

  async assertReadable(stream: string, viewer: Viewer | null): Promise<void> {
    const name = parseStreamName(stream);
    const check = name && this.checks.get(name.kind);
    if (!name || !check) throw notFound(`Stream ${stream}`);
    await check({ db: this.db, viewer, id: name.id });
  }
}
