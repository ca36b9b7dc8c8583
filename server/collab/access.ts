import type { Kysely } from 'kysely';
import { parseDocName, type DocKind } from '../../shared/doc-names.js';
import { hasRole } from '../../shared/roles.js';
import type { Database } from '../db/database.js';
import { roleIn } from '../features/spaces/access.js';
import { findSpaceById, parseSettings } from '../features/spaces/spaces.repository.js';
import type { Viewer } from '../features/users/viewer.js';

/** `read-only` viewers receive everything and may share presence, but their edits are dropped. */
export type DocAccess = 'read-write' | 'read-only' | 'none';

/** Null means the document does not exist. */
export type DocAccessResolver = (args: {
  db: Kysely<Database>;
  viewer: Viewer | null;
  id: string;
}) => Promise<DocAccess | null>;

export type DocAccessReason = 'granted' | 'denied' | 'missing' | 'unknown' | 'failed';

export interface DocAccessVerdict {
  access: DocAccess;
  /** `unknown`: unparseable name or unregistered kind; `missing`: no such document; `failed`: the lookup threw. */
  reason: DocAccessReason;
  error?: unknown;
}

/** `space:<spaceId>`, the welcome guide: staff and admins write, whoever may read the space reads. */
export const spaceGuideAccess: DocAccessResolver = async ({ db, viewer, id }) => {
  const space = await findSpaceById(db, id);
  if (!space) return null;
  const role = await roleIn(db, viewer, space.id);
  if (hasRole(role, 'staff')) return 'read-write';
  if (role !== null || parseSettings(space).public) return 'read-only';
  return 'none';
};

/**
 * Each document kind registers who may open its documents; kinds nobody registered do not exist.
 * `space` (this module's own kind) is registered from the start; features add `wave` and `table`.
 */
export class DocAccessRegistry {
  private readonly resolvers = new Map<DocKind, DocAccessResolver>([['space', spaceGuideAccess]]);

  register(kind: DocKind, resolver: DocAccessResolver): this {
    if (this.resolvers.has(kind)) throw new Error(`document kind ${kind} is already registered`);
    this.resolvers.set(kind, resolver);
    return this;
  }

  /** Never throws: a failing lookup comes back as reason `failed` with its error. */
  async resolve(docName: string, viewer: Viewer | null, db: Kysely<Database>): Promise<DocAccessVerdict> {
    const parsed = parseDocName(docName);
    const resolver = parsed && this.resolvers.get(parsed.kind);
    if (!parsed || !resolver) return { access: 'none', reason: 'unknown' };
    try {
      const access = await resolver({ db, viewer, id: parsed.id });
      if (access === null) return { access: 'none', reason: 'missing' };
      return { access, reason: access === 'none' ? 'denied' : 'granted' };
    } catch (error) {
      return { access: 'none', reason: 'failed', error };
    }
  }
}
