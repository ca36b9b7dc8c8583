import type { Result } from '../../../shared/protocol/result.js';
import type {
  CreateNoteBody,
  DirectoryPage,
  EditNoteBody,
  FanCard,
  Note,
  NoteRevision,
  PromiseItem,
  Spotlight,
  SpotlightBody,
} from '../../../shared/schemas/people.js';
import type { PromiseStatus } from '../../../shared/people.js';
import type { ApiClient } from '../../services/api.js';

const seg = encodeURIComponent;

/** The staff routes of the people feature for one space, as `Result`s (see server/features/people/people.routes.ts). */
export class PeopleApi {
  constructor(
    private readonly api: ApiClient,
    private readonly slug: string,
  ) {}

  get #base(): string {
    return `/api/v1/spaces/${seg(this.slug)}`;
  }

  card(userId: string): Promise<Result<FanCard>> {
    return this.api.get<FanCard>(`${this.#base}/people/${seg(userId)}/card`);
  }

  directory(options: { q?: string; cursor?: string | null; limit?: number } = {}): Promise<Result<DirectoryPage>> {
    const params = new URLSearchParams();
    if (options.q) params.set('q', options.q);
    if (options.cursor) params.set('cursor', options.cursor);
    if (options.limit) params.set('limit', String(options.limit));
    const query = params.toString();
    return this.api.get<DirectoryPage>(`${this.#base}/directory${query ? `?${query}` : ''}`);
  }

  notes(userId: string): Promise<Result<Note[]>> {
    return this.api.get<Note[]>(`${this.#base}/people/${seg(userId)}/notes`);
  }

  addNote(userId: string, body: CreateNoteBody): Promise<Result<Note>> {
    return this.api.post<Note>(`${this.#base}/people/${seg(userId)}/notes`, body);
  }

  editNote(noteId: string, body: EditNoteBody): Promise<Result<Note>> {
    return this.api.patch<Note>(`/api/v1/notes/${seg(noteId)}`, body);
  }

  history(noteId: string): Promise<Result<NoteRevision[]>> {
    return this.api.get<NoteRevision[]>(`/api/v1/notes/${seg(noteId)}/history`);
  }

  promises(status: PromiseStatus | 'all' = 'open'): Promise<Result<PromiseItem[]>> {
    return this.api.get<PromiseItem[]>(`${this.#base}/promises?status=${status}`);
  }

  spotlight(userId: string, body: SpotlightBody, idempotencyKey?: string): Promise<Result<Spotlight>> {
    return this.api.post<Spotlight>(`${this.#base}/people/${seg(userId)}/spotlight`, body, idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : undefined);
  }
}
