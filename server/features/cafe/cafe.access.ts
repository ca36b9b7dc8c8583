import type { Kysely } from 'kysely';
import { hasRole, type Role } from '../../../shared/roles.js';
import type { DocAccessResolver } from '../../collab/access.js';
import type { Database } from '../../db/database.js';
import { forbidden, notFound } from '../../http/errors.js';
import { assertRole, requireSpace, roleIn } from '../spaces/access.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import type { StreamReadCheck } from '../streams/stream-access.js';
import type { Viewer } from '../users/viewer.js';
import { findTable, hasVisited, seatAt, type TableRow } from './cafe.repository.js';

export interface TableAccess {
  table: TableRow;
  space: SpaceRow;
  role: Role | null;
}

/**
 * Loads a table and checks the viewer against its space (`null` to see it, `fan` to take part,
 * `staff` to answer hands). A table of a space the viewer cannot read is a 404, never a hint it exists.
 */
export async function requireTable(db: Kysely<Database>, viewer: Viewer | null, tableId: string, needed: Role | null): Promise<TableAccess> {
  const table = await findTable(db, tableId);
  if (!table) throw notFound('Table');
  const { space, role } = await requireSpace(db, viewer, { id: table.space_id }, null).catch((err) => {
    throw err?.status === 401 || err?.status === 404 ? notFound('Table') : err;
  });
  // Tables (who sits where, topics) are for the people of the space: not anonymous visitors,
  // not sign-ins scoped to another space, even when the space itself is public.
  if (role === null) throw notFound('Table');
  if (needed !== null) assertRole(viewer, role, needed);
  return { table, space, role };
}

/** Seated at this table (any seat, also while away in the grace period). */
export async function isSeated(db: Kysely<Database>, tableId: string, userId: string): Promise<boolean> {
  return (await seatAt(db, tableId, userId)) !== undefined;
}

/**
 * Who may read a table's conversation: the people seated there, the space's staff, and, once the
 * table has closed, the people who sat there (its history is theirs to go back to). Nobody else:
 * a table is a small conversation, not a broadcast; the floor shows who sits where.
 */
export async function requireTableReader(db: Kysely<Database>, viewer: Viewer | null, tableId: string): Promise<TableAccess> {
  const access = await requireTable(db, viewer, tableId, null);
  if (hasRole(access.role, 'staff')) return access;
  if (viewer && (await isSeated(db, tableId, viewer.id))) return access;
  if (viewer && access.table.closed_at !== null && (await hasVisited(db, tableId, viewer.id))) return access;
  throw forbidden('Sit down at this table to read its conversation');
}

/** `table:<id>`, the chat stream: see requireTableReader. */
export const tableStreamAccess: StreamReadCheck = async ({ db, viewer, id }) => {
  await requireTableReader(db, viewer, id);
};

/**
 * `table:<id>`, the notepad: the people seated write (read when staff locked the table), staff of
 * the space read (and write when seated), those who sat at a closed table read, nobody else.
 */
export const tableDocAccess: DocAccessResolver = async ({ db, viewer, id }) => {
  const table = await findTable(db, id);
  if (!table) return null;
  if (!viewer) return 'none';
  const role = await roleIn(db, viewer, table.space_id);
  if (role === null) return 'none';
  const staff = hasRole(role, 'staff');
  if (await isSeated(db, id, viewer.id)) return table.locked_at !== null && !staff ? 'read-only' : 'read-write';
  if (staff) return 'read-only';
  return table.closed_at !== null && (await hasVisited(db, id, viewer.id)) ? 'read-only' : 'none';
};
