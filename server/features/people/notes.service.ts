import type { Kysely } from 'kysely';
import type { PromiseStatus } from '../../../shared/people.js';
import type { CreateNoteBody, EditNoteBody, Note, NoteRevision, PromiseItem } from '../../../shared/schemas/people.js';
import type { Database } from '../../db/database.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { requireSpace } from '../spaces/access.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import type { Viewer } from '../users/viewer.js';
import type { PersonNoteRow } from './people.table.js';

type Db = Kysely<Database>;

type NoteRowWithNames = PersonNoteRow & { author_name: string | null; done_by_name: string | null };

function noteQuery(db: Db) {
  return db
    .selectFrom('person_notes as n')
    .leftJoin('users as a', 'a.id', 'n.author_id')
    .leftJoin('users as d', 'd.id', 'n.promise_done_by')
    .selectAll('n')
    .select(['a.display_name as author_name', 'd.display_name as done_by_name']);
}

export function toNote(row: NoteRowWithNames, viewerId: string): Note {
  return {
    id: row.id,
    personId: row.person_id,
    text: row.text,
    author: row.author_id && row.author_name !== null ? { id: row.author_id, displayName: row.author_name } : null,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    promise: row.promise_status
      ? {
          status: row.promise_status,
          due: row.promise_due,
          doneAt: row.promise_done_at,
          doneBy: row.promise_done_by && row.done_by_name !== null ? { id: row.promise_done_by, displayName: row.done_by_name } : null,
        }
      : null,
    viewerIsAuthor: row.author_id === viewerId,
  };
}

/** Today in UTC as `YYYY-MM-DD`: a promise due before it is overdue. */
const today = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Staff notes about people: shared by the staff of one space, never shown to the person, never to
 * another space. The text belongs to its author (only they edit it); any staff member of the space
 * may close or reopen a promise. Every version is kept (`person_note_revisions`), and every change
 * is audited (without the text: the audit log outlives a forgotten person, the notes do not).
 */
export class NotesService {
  constructor(private readonly d: { db: Db; clock: Clock }) {}

  /** The note and its space, when the viewer is staff there; anyone else gets 404 (a note's existence is staff business). */
  private async load(viewer: Viewer, noteId: string): Promise<{ row: NoteRowWithNames; space: SpaceRow }> {
    const row = await noteQuery(this.d.db).where('n.id', '=', noteId).executeTakeFirst();
    if (!row) throw notFound('Note');
    try {
      const { space } = await requireSpace(this.d.db, viewer, { id: row.space_id }, 'staff');
      return { row, space };
    } catch {
      throw notFound('Note');
    }
  }

  async list(space: SpaceRow, personId: string, viewer: Viewer): Promise<Note[]> {
    const rows = await noteQuery(this.d.db)
      .where('n.space_id', '=', space.id)
      .where('n.person_id', '=', personId)
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(200)
      .execute();
    return rows.map((r) => toNote(r, viewer.id));
  }

  async create(space: SpaceRow, personId: string, staff: Viewer, body: CreateNoteBody): Promise<Note> {
    const now = this.d.clock.now().toISOString();
    const id = newId();
    const promise = body.promise ? { status: 'open' as PromiseStatus, due: body.promise.due ?? null } : null;
    await this.d.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('person_notes')
        .values({
          id,
          space_id: space.id,
          person_id: personId,
          author_id: staff.id,
          text: body.text,
          promise_status: promise?.status ?? null,
          promise_due: promise?.due ?? null,
          promise_done_at: null,
          promise_done_by: null,
          created_at: now,
          edited_at: null,
        })
        .execute();
      await this.revision(trx, id, body.text, promise, staff.id, now);
      await appendAudit(trx, {
        spaceId: space.id,
        actorId: staff.id,
        action: 'person.note.create',
        targetType: 'user',
        targetId: personId,
        after: { noteId: id, promise },
        now,
      });
    });
    return this.get(staff, id);
  }

  async get(viewer: Viewer, noteId: string): Promise<Note> {
    return toNote((await this.load(viewer, noteId)).row, viewer.id);
  }

  async edit(viewer: Viewer, noteId: string, body: EditNoteBody): Promise<Note> {
    const { row, space } = await this.load(viewer, noteId);
    const isAuthor = row.author_id === viewer.id;
    if (body.text !== undefined && body.text !== row.text && !isAuthor) throw forbidden('Only the author of a note may change its text');
    if (body.promise === null && row.promise_status !== null && !isAuthor) throw forbidden('Only the author may turn a promise back into a plain note');
    const now = this.d.clock.now().toISOString();
    const text = body.text ?? row.text;
    let promise: { status: PromiseStatus; due: string | null } | null = row.promise_status ? { status: row.promise_status, due: row.promise_due } : null;
    if (body.promise === null) promise = null;
    else if (body.promise) promise = { status: body.promise.status, due: body.promise.due === undefined ? (promise?.due ?? null) : body.promise.due };
    const textChanged = text !== row.text;
    const promiseChanged = promise?.status !== (row.promise_status ?? undefined) || (promise?.due ?? null) !== row.promise_due;
    if (!textChanged && !promiseChanged) return toNote(row, viewer.id);
    const closing = promise?.status === 'done' && row.promise_status !== 'done';
    const stillDone = promise?.status === 'done' && row.promise_status === 'done';
    await this.d.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('person_notes')
        .set({
          text,
          edited_at: textChanged ? now : row.edited_at,
          promise_status: promise?.status ?? null,
          promise_due: promise?.due ?? null,
          promise_done_at: closing ? now : stillDone ? row.promise_done_at : null,
          promise_done_by: closing ? viewer.id : stillDone ? row.promise_done_by : null,
        })
        .where('id', '=', noteId)
        .execute();
      await this.revision(trx, noteId, text, promise, viewer.id, now);
      await appendAudit(trx, {
        spaceId: space.id,
        actorId: viewer.id,
        action: textChanged ? 'person.note.edit' : 'person.note.promise',
        targetType: 'user',
        targetId: row.person_id,
        before: { noteId, promise: row.promise_status ? { status: row.promise_status, due: row.promise_due } : null },
        after: { noteId, promise, textChanged },
        now,
      });
    });
    return this.get(viewer, noteId);
  }

  /** Every version of the note, oldest first (the first is how it was written). */
  async history(viewer: Viewer, noteId: string): Promise<NoteRevision[]> {
    await this.load(viewer, noteId);
    const rows = await this.d.db
      .selectFrom('person_note_revisions as r')
      .leftJoin('users as u', 'u.id', 'r.changed_by')
      .select(['r.text', 'r.promise_status', 'r.promise_due', 'r.changed_by', 'r.created_at', 'u.display_name'])
      .where('r.note_id', '=', noteId)
      .orderBy('r.version')
      .execute();
    return rows.map((r) => ({
      text: r.text,
      promise: r.promise_status ? { status: r.promise_status, due: r.promise_due } : null,
      by: r.changed_by && r.display_name !== null ? { id: r.changed_by, displayName: r.display_name } : null,
      at: r.created_at,
    }));
  }

  /**
   * The space's promises: open ones overdue first (earliest due), then the rest by due day
   * (those without one last), oldest first within a day; done ones newest done first.
   */
  async promises(space: SpaceRow, viewer: Viewer, status: PromiseStatus | 'all', limit: number): Promise<PromiseItem[]> {
    let query = noteQuery(this.d.db)
      .innerJoin('users as p', 'p.id', 'n.person_id')
      .select(['p.display_name as person_name'])
      .where('n.space_id', '=', space.id)
      .where('n.promise_status', 'is not', null);
    if (status !== 'all') query = query.where('n.promise_status', '=', status);
    const rows = await query.limit(1000).execute();
    const day = today(this.d.clock.now());
    const items = rows.map((r) => ({
      note: toNote(r, viewer.id),
      person: { id: r.person_id, displayName: r.person_name },
      overdue: r.promise_status === 'open' && r.promise_due !== null && r.promise_due < day,
    }));
    const rank = (i: PromiseItem) => (i.note.promise!.status === 'done' ? 2 : i.note.promise!.due === null ? 1 : 0);
    items.sort((a, b) => {
      const byRank = rank(a) - rank(b);
      if (byRank !== 0) return byRank;
      if (rank(a) === 2) return (b.note.promise!.doneAt ?? '').localeCompare(a.note.promise!.doneAt ?? '');
      if (rank(a) === 0 && a.note.promise!.due !== b.note.promise!.due) return a.note.promise!.due!.localeCompare(b.note.promise!.due!);
      return a.note.createdAt.localeCompare(b.note.createdAt) || a.note.id.localeCompare(b.note.id);
    });
    return items.slice(0, limit);
  }

  /** How many notes and open promises each person has (the directory's columns). */
  async countsFor(spaceId: string, personIds: string[]): Promise<Map<string, { notes: number; openPromises: number }>> {
    if (personIds.length === 0) return new Map();
    const rows = await this.d.db
      .selectFrom('person_notes')
      .select((eb) => [
        'person_id',
        eb.fn.countAll<number>().as('notes'),
        eb.fn.count<number>('id').filterWhere('promise_status', '=', 'open').as('open'),
      ])
      .where('space_id', '=', spaceId)
      .where('person_id', 'in', personIds)
      .groupBy('person_id')
      .execute();
    return new Map(rows.map((r) => [r.person_id, { notes: Number(r.notes), openPromises: Number(r.open) }]));
  }

  private async revision(
    trx: Db,
    noteId: string,
    text: string,
    promise: { status: PromiseStatus; due: string | null } | null,
    by: string,
    now: string,
  ): Promise<void> {
    const last = await trx
      .selectFrom('person_note_revisions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('note_id', '=', noteId)
      .executeTakeFirst();
    await trx
      .insertInto('person_note_revisions')
      .values({ id: newId(), note_id: noteId, version: Number(last?.version ?? 0) + 1, text, promise_status: promise?.status ?? null, promise_due: promise?.due ?? null, changed_by: by, created_at: now })
      .execute();
  }
}
