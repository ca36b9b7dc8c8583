import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { PEOPLE_LIMITS } from '../../../shared/people.js';
import type { FanCard, Note, NoteRevision } from '../../../shared/schemas/people.js';
import { AppElement } from '../../base-element.js';
import { PeopleApi } from '../../console/api/people-api.js';
import type { ApiClient } from '../../services/api.js';
import { newIdempotencyKey } from '../../services/idempotency.js';
import { shared } from '../../styles/shared.js';
import '../cp-avatar/cp-avatar.js';
import '../cp-relative-time/cp-relative-time.js';
import { styles } from './cp-fan-card.styles.js';
import './fan-card-events.js';
import { conversationLabel, formatDay, isOverdue, moderationOutcome, oneLine, promiseLabel, todayUtc } from './fan-card-text.js';

const ROLE_LABELS = { fan: 'Fan', staff: 'Staff', admin: 'Admin' } as const;

/**
 * @summary A person's fan card for staff: who they are (bio, interests, joined), what they
 * contributed, their last conversations with staff, their moderation history, and the notes the
 * space's staff share about them (add; edit your own; mark promises done; see every version).
 *
 * Usage, anywhere in the console (beside a table's chat, a queue item, a wave):
 *
 *     <cp-fan-card .api=${api} slug="lumen" user-id="…"></cp-fan-card>
 *
 * - `api`: the console's `ApiClient` (signed in as staff of the space).
 * - `slug`: the space; `user-id`: the person. Changing either loads the other card.
 * - `heading-level` (default 2): the level of the card's heading; its sections use the next one.
 *
 * The card reads `GET /spaces/:slug/people/:userId/card` (staff only; anyone else sees the error
 * the server gives). Every piece of user text is rendered through Lit text bindings.
 * @fires cp-fan-card-changed - A note, a promise or a spotlight was saved (e.g. to reload a promise list).
 */
@customElement('cp-fan-card')
export class CpFanCard extends AppElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) api: ApiClient | null = null;
  @property() slug = '';
  @property({ attribute: 'user-id' }) userId = '';
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;
  /** Compared with promise due days; a test or a long-open tab may pass its own clock. */
  @property({ attribute: false }) now: () => number = Date.now;

  @state() private card: FanCard | null = null;
  @state() private loading = false;
  @state() private error: ErrorBody | null = null;
  /** Said politely in the live region: "Note saved", "Promise marked done". */
  @state() private said = '';
  @state() private problem = '';
  @state() private draft = '';
  @state() private draftPromise = false;
  @state() private draftDue = '';
  @state() private busy = new Set<string>();
  @state() private editing: string | null = null;
  @state() private editText = '';
  @state() private histories = new Map<string, NoteRevision[] | 'loading'>();
  @state() private spotlightText = '';

  @query('#note-text') private noteInput?: HTMLTextAreaElement;
  @query('#spotlight-text') private spotlightInput?: HTMLTextAreaElement;

  #people: PeopleApi | null = null;
  #generation = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('slug') || changed.has('userId')) {
      this.#people = this.api && this.slug ? new PeopleApi(this.api, this.slug) : null;
      this.editing = null;
      this.histories = new Map();
      this.draft = '';
      this.draftPromise = false;
      this.draftDue = '';
      void this.load();
    }
  }

  /** Loads (or reloads) the card; answers for another person or space are dropped. */
  async load(): Promise<void> {
    const people = this.#people;
    const userId = this.userId;
    if (!people || !userId) {
      this.card = null;
      return;
    }
    const generation = ++this.#generation;
    this.loading = true;
    this.error = null;
    const result = await people.card(userId);
    if (generation !== this.#generation) return;
    this.loading = false;
    if (result.ok) this.card = result.data;
    else {
      this.card = null;
      this.error = result.error;
    }
  }

  private setBusy(key: string, on: boolean): void {
    const next = new Set(this.busy);
    if (on) next.add(key);
    else next.delete(key);
    this.busy = next;
  }

  private say(text: string): void {
    this.problem = '';
    // Re-announce the same words: clear first, then set on the next frame.
    this.said = '';
    requestAnimationFrame(() => (this.said = text));
  }

  private fail(what: string, error: ErrorBody): void {
    this.problem = `${what} ${error.message}`;
  }

  private replaceNote(note: Note): void {
    if (!this.card) return;
    const exists = this.card.notes.some((n) => n.id === note.id);
    this.card = { ...this.card, notes: exists ? this.card.notes.map((n) => (n.id === note.id ? note : n)) : [note, ...this.card.notes] };
    if (this.histories.has(note.id)) void this.loadHistory(note.id);
  }

  private async addNote(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const people = this.#people;
    const text = this.draft.trim();
    if (!people || this.busy.has('add')) return;
    if (!text) {
      this.problem = 'Write the note first.';
      this.noteInput?.focus();
      return;
    }
    this.setBusy('add', true);
    const result = await people.addNote(this.userId, {
      text,
      ...(this.draftPromise ? { promise: { due: this.draftDue || null } } : {}),
    });
    this.setBusy('add', false);
    if (!result.ok) return this.fail('The note was not saved.', result.error);
    this.replaceNote(result.data);
    this.draft = '';
    this.draftPromise = false;
    this.draftDue = '';
    this.say(result.data.promise ? 'Promise saved. Every staff member of this space sees it.' : 'Note saved. Every staff member of this space sees it.');
    this.emit('cp-fan-card-changed', { userId: this.userId, change: 'note' });
    this.noteInput?.focus();
  }

  private startEdit(note: Note): void {
    this.editing = note.id;
    this.editText = note.text;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>(`#edit-${CSS.escape(note.id)}`)?.focus());
  }

  private async stopEdit(noteId: string): Promise<void> {
    this.editing = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`[data-edit="${CSS.escape(noteId)}"]`)?.focus();
  }

  private async saveEdit(event: SubmitEvent, note: Note): Promise<void> {
    event.preventDefault();
    const people = this.#people;
    const text = this.editText.trim();
    if (!people || this.busy.has(note.id)) return;
    if (!text) {
      this.problem = 'A note cannot be empty.';
      return;
    }
    this.setBusy(note.id, true);
    const result = await people.editNote(note.id, { text });
    this.setBusy(note.id, false);
    if (!result.ok) return this.fail('The note was not changed.', result.error);
    this.replaceNote(result.data);
    this.say('Note changed. The earlier text is kept in its history.');
    this.emit('cp-fan-card-changed', { userId: this.userId, change: 'note' });
    await this.stopEdit(note.id);
  }

  private async setPromise(note: Note, status: 'open' | 'done'): Promise<void> {
    const people = this.#people;
    if (!people || this.busy.has(note.id)) return;
    this.setBusy(note.id, true);
    const result = await people.editNote(note.id, { promise: { status } });
    this.setBusy(note.id, false);
    if (!result.ok) return this.fail('The promise was not changed.', result.error);
    this.replaceNote(result.data);
    this.say(status === 'done' ? 'Promise marked done.' : 'Promise reopened.');
    this.emit('cp-fan-card-changed', { userId: this.userId, change: 'promise' });
  }

  private async toggleHistory(noteId: string): Promise<void> {
    if (this.histories.has(noteId)) {
      const next = new Map(this.histories);
      next.delete(noteId);
      this.histories = next;
      return;
    }
    await this.loadHistory(noteId);
  }

  private async loadHistory(noteId: string): Promise<void> {
    const people = this.#people;
    if (!people) return;
    this.histories = new Map(this.histories).set(noteId, 'loading');
    const result = await people.history(noteId);
    if (!this.histories.has(noteId)) return;
    if (!result.ok) {
      const next = new Map(this.histories);
      next.delete(noteId);
      this.histories = next;
      return this.fail('The history could not be loaded.', result.error);
    }
    this.histories = new Map(this.histories).set(noteId, result.data);
  }

  private async spotlight(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const people = this.#people;
    const text = this.spotlightText.trim();
    if (!people || this.busy.has('spotlight')) return;
    if (!text) {
      this.problem = 'Say what you thank them for.';
      this.spotlightInput?.focus();
      return;
    }
    this.setBusy('spotlight', true);
    const result = await people.spotlight(this.userId, { text }, newIdempotencyKey());
    this.setBusy('spotlight', false);
    if (!result.ok) return this.fail('The spotlight was not sent.', result.error);
    this.spotlightText = '';
    if (this.card) this.card = { ...this.card, spotlights: [result.data, ...this.card.spotlights] };
    this.say(`Spotlight sent: ${result.data.person.displayName} is thanked on their profile and in the space.`);
    this.emit('cp-fan-card-changed', { userId: this.userId, change: 'spotlight' });
  }

  private heading(level: number, id: string, text: unknown) {
    return html`<div class="heading heading--${Math.min(level, 6)}" role="heading" aria-level=${Math.min(level, 6)} id=${id}>${text}</div>`;
  }

  private renderHeader(card: FanCard) {
    const profileHref = `/s/${encodeURIComponent(this.slug)}/people/${encodeURIComponent(card.person.id)}`;
    return html`<header class="head">
      <cp-avatar size="lg" user-id=${card.person.id} name=${card.person.displayName}></cp-avatar>
      <div class="head__text">
        ${this.heading(this.headingLevel, 'card-title', card.person.displayName)}
        <p class="muted">
          ${ROLE_LABELS[card.role]} · joined <cp-relative-time datetime=${card.joinedAt}></cp-relative-time> ·
          <a href=${profileHref} target="_blank" rel="noopener">Public profile<span class="visually-hidden"> (opens in a new tab)</span></a>
        </p>
        ${card.bio ? html`<p class="bio">${card.bio}</p>` : html`<p class="muted">No bio yet.</p>`}
        ${card.interests.length
          ? html`<ul class="chips" aria-label="Interests">
              ${card.interests.map((i) => html`<li class="chip">${i}</li>`)}
            </ul>`
          : nothing}
        ${card.pending && (card.pending.bio !== null || card.pending.displayName !== null)
          ? html`<p class="pending">
              Waiting for review:
              ${card.pending.displayName !== null ? html`name “${card.pending.displayName}”` : nothing}
              ${card.pending.displayName !== null && card.pending.bio !== null ? ' · ' : nothing}
              ${card.pending.bio !== null ? html`bio “${oneLine(card.pending.bio)}”` : nothing}
            </p>`
          : nothing}
      </div>
    </header>`;
  }

  private renderNoteForm() {
    const busy = this.busy.has('add');
    return html`<form class="form" @submit=${this.addNote}>
      <label for="note-text">Add a note</label>
      <span class="hint" id="note-hint">Interests, what they care about, what you promised. Shared with this space’s staff; never shown to them.</span>
      <textarea
        id="note-text"
        rows="3"
        maxlength=${PEOPLE_LIMITS.noteMax}
        aria-describedby="note-hint"
        .value=${this.draft}
        @input=${(e: InputEvent) => (this.draft = (e.target as HTMLTextAreaElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            (e.currentTarget as HTMLTextAreaElement).form?.requestSubmit();
          }
        }}
      ></textarea>
      <div class="form__row">
        <label class="check">
          <input type="checkbox" .checked=${this.draftPromise} @change=${(e: Event) => (this.draftPromise = (e.target as HTMLInputElement).checked)} />
          This is a promise
        </label>
        ${this.draftPromise
          ? html`<label class="due"
              >Due
              <input type="date" .value=${this.draftDue} @input=${(e: InputEvent) => (this.draftDue = (e.target as HTMLInputElement).value)}
            /></label>`
          : nothing}
        <button class="button" type="submit" ?disabled=${busy}>${busy ? 'Saving…' : 'Save note'}</button>
      </div>
    </form>`;
  }

  private renderHistory(noteId: string) {
    const history = this.histories.get(noteId);
    if (!history) return nothing;
    if (history === 'loading') return html`<p class="muted" role="status">Loading the history…</p>`;
    return html`<ol class="history" aria-label="Versions of this note, oldest first">
      ${history.map(
        (r) => html`<li>
          <span class="muted">${r.by?.displayName ?? 'Former member'} · <cp-relative-time datetime=${r.at}></cp-relative-time></span>
          <p class="note__text">${r.text}</p>
          ${r.promise ? html`<span class="muted">${promiseLabel(r.promise, todayUtc(this.now()))}</span>` : nothing}
        </li>`,
      )}
    </ol>`;
  }

  private renderNote(note: Note) {
    const today = todayUtc(this.now());
    const busy = this.busy.has(note.id);
    const overdue = isOverdue(note.promise, today);
    const author = note.author?.displayName ?? 'Former member';
    return html`<li class="note ${overdue ? 'note--overdue' : ''}" aria-labelledby="note-by-${note.id}">
      <p class="note__meta" id="note-by-${note.id}">
        <span>${author}</span> · <cp-relative-time datetime=${note.createdAt}></cp-relative-time>${note.editedAt ? html` · edited` : nothing}
      </p>
      ${this.editing === note.id
        ? html`<form
            class="form"
            @submit=${(e: SubmitEvent) => this.saveEdit(e, note)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                void this.stopEdit(note.id);
              }
            }}
          >
            <label for="edit-${note.id}">Edit your note</label>
            <textarea
              id="edit-${note.id}"
              rows="3"
              maxlength=${PEOPLE_LIMITS.noteMax}
              .value=${this.editText}
              @input=${(e: InputEvent) => (this.editText = (e.target as HTMLTextAreaElement).value)}
            ></textarea>
            <div class="form__row">
              <button class="button" type="submit" ?disabled=${busy}>${busy ? 'Saving…' : 'Save'}</button>
              <button class="button button--quiet" type="button" @click=${() => this.stopEdit(note.id)}>Cancel</button>
            </div>
          </form>`
        : html`<p class="note__text">${note.text}</p>`}
      ${note.promise
        ? html`<p class="promise promise--${overdue ? 'overdue' : note.promise.status}">
            ${promiseLabel(note.promise, today)}${note.promise.status === 'done' && note.promise.doneBy
              ? html` by ${note.promise.doneBy.displayName}`
              : nothing}
          </p>`
        : nothing}
      <div class="note__actions">
        ${note.promise?.status === 'open'
          ? html`<button class="link-button" type="button" ?disabled=${busy} @click=${() => this.setPromise(note, 'done')}>
              Mark done<span class="visually-hidden">: ${oneLine(note.text, 60)}</span>
            </button>`
          : note.promise?.status === 'done'
            ? html`<button class="link-button" type="button" ?disabled=${busy} @click=${() => this.setPromise(note, 'open')}>
                Reopen<span class="visually-hidden">: ${oneLine(note.text, 60)}</span>
              </button>`
            : nothing}
        ${note.viewerIsAuthor && this.editing !== note.id
          ? html`<button class="link-button" type="button" data-edit=${note.id} @click=${() => this.startEdit(note)}>
              Edit<span class="visually-hidden"> your note: ${oneLine(note.text, 60)}</span>
            </button>`
          : nothing}
        ${note.editedAt || note.promise
          ? html`<button class="link-button" type="button" aria-expanded=${this.histories.has(note.id) ? 'true' : 'false'} @click=${() => this.toggleHistory(note.id)}>
              History
            </button>`
          : nothing}
      </div>
      ${this.renderHistory(note.id)}
    </li>`;
  }

  private renderNotes(card: FanCard) {
    const level = this.headingLevel + 1;
    const open = card.notes.filter((n) => n.promise?.status === 'open').length;
    return html`<section class="section" aria-labelledby="notes-title">
      ${this.heading(level, 'notes-title', html`Staff notes${open ? html` <span class="count">(${open} open ${open === 1 ? 'promise' : 'promises'})</span>` : nothing}`)}
      ${this.renderNoteForm()}
      ${card.notes.length
        ? html`<ul class="notes">
            ${repeat(card.notes, (n) => n.id, (n) => this.renderNote(n))}
          </ul>`
        : html`<p class="muted">No notes yet.</p>`}
    </section>`;
  }

  private renderConversations(card: FanCard) {
    return html`<section class="section" aria-labelledby="talks-title">
      ${this.heading(this.headingLevel + 1, 'talks-title', 'Last conversations with staff')}
      ${card.conversations.length
        ? html`<ul class="list">
            ${card.conversations.map(
              (c) => html`<li>
                <a href=${c.href} target="_blank" rel="noopener">${conversationLabel(c)}: “${c.title}”<span class="visually-hidden"> (opens in a new tab)</span></a>
                <span class="muted"> · <cp-relative-time datetime=${c.at}></cp-relative-time></span>
                ${c.excerpt ? html`<p class="excerpt">${c.excerpt}</p>` : nothing}
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">No conversations with staff yet.</p>`}
    </section>`;
  }

  private renderContributions(card: FanCard) {
    const c = card.counts;
    const waveLink = (id: string) => `/s/${encodeURIComponent(this.slug)}/waves/${encodeURIComponent(id)}`;
    const waves = (label: string, list: { id: string; title: string }[]) =>
      list.length
        ? html`<details>
            <summary>${label} (${list.length})</summary>
            <ul class="list">
              ${list.map((w) => html`<li><a href=${waveLink(w.id)} target="_blank" rel="noopener">${w.title}</a></li>`)}
            </ul>
          </details>`
        : nothing;
    return html`<section class="section" aria-labelledby="made-title">
      ${this.heading(this.headingLevel + 1, 'made-title', 'Contributions')}
      <dl class="counts">
        <div><dt>Waves started</dt><dd>${c.wavesStarted}</dd></div>
        <div><dt>Documents shaped</dt><dd>${c.documentsShaped}</dd></div>
        <div><dt>Blips</dt><dd>${c.blips}</dd></div>
        <div><dt>Supports</dt><dd>${c.supports}</dd></div>
        <div><dt>Tables hosted</dt><dd>${c.tablesHosted}</dd></div>
        <div><dt>Tables sat at</dt><dd>${c.tablesSatAt}</dd></div>
        <div><dt>Ideas shipped</dt><dd>${c.ideasShipped}</dd></div>
        <div><dt>Spotlights</dt><dd>${c.spotlights}</dd></div>
      </dl>
      ${waves('Started', card.started)} ${waves('Shaped', card.shaped)} ${waves('Supports', card.supported)}
      ${card.tables.length
        ? html`<details>
            <summary>Tables (${card.tables.length})</summary>
            <ul class="list">
              ${card.tables.map(
                (t) => html`<li>
                  ${t.topic}${t.hosted ? ' (host)' : ''}
                  <span class="muted"> · <cp-relative-time datetime=${t.lastSatAt}></cp-relative-time></span>
                </li>`,
              )}
            </ul>
          </details>`
        : nothing}
      ${card.credits.length
        ? html`<details>
            <summary>Shipped ideas (${card.credits.length})</summary>
            <ul class="list">
              ${card.credits.map(
                (cr) => html`<li>
                  <a href=${waveLink(cr.wave.id)} target="_blank" rel="noopener">${cr.wave.title}</a>
                  ${cr.with.length ? html`<span class="muted"> · made with ${cr.with.map((p) => p.displayName).join(', ')}</span>` : nothing}
                </li>`,
              )}
            </ul>
          </details>`
        : nothing}
    </section>`;
  }

  private renderSpotlight(card: FanCard) {
    const busy = this.busy.has('spotlight');
    return html`<section class="section" aria-labelledby="spot-title">
      ${this.heading(this.headingLevel + 1, 'spot-title', 'Spotlights')}
      ${card.spotlights.length
        ? html`<ul class="list">
            ${card.spotlights.map(
              (s) => html`<li>
                <p class="note__text">${s.text}</p>
                <span class="muted">${s.by?.displayName ?? 'Former member'} · <cp-relative-time datetime=${s.at}></cp-relative-time></span>
              </li>`,
            )}
          </ul>`
        : nothing}
      <details>
        <summary>Spotlight ${card.person.displayName}…</summary>
        <form class="form" @submit=${this.spotlight}>
          <label for="spotlight-text">Public thank-you</label>
          <span class="hint" id="spotlight-hint">Shown on their profile and in the space; they get a notification.</span>
          <textarea
            id="spotlight-text"
            rows="2"
            maxlength=${PEOPLE_LIMITS.spotlightMax}
            aria-describedby="spotlight-hint"
            .value=${this.spotlightText}
            @input=${(e: InputEvent) => (this.spotlightText = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          <div class="form__row">
            <button class="button" type="submit" ?disabled=${busy}>${busy ? 'Sending…' : 'Send spotlight'}</button>
          </div>
        </form>
      </details>
    </section>`;
  }

  private renderModeration(card: FanCard) {
    const { items, sanctions } = card.moderation;
    return html`<section class="section" aria-labelledby="mod-title">
      ${this.heading(this.headingLevel + 1, 'mod-title', 'Moderation history')}
      ${sanctions.length
        ? html`<ul class="list" aria-label="Bans and suspensions">
            ${sanctions.map(
              (s) => html`<li class=${s.liftedAt ? '' : 'sanction'}>
                ${s.kind === 'ban' ? 'Banned' : html`Suspended until ${s.until ? formatDay(s.until.slice(0, 10)) : '—'}`}: ${s.reason}
                <span class="muted"> · <cp-relative-time datetime=${s.createdAt}></cp-relative-time>${s.liftedAt ? ' · lifted' : ''}</span>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${items.length
        ? html`<ul class="list" aria-label="Moderated posts, newest first">
            ${items.map(
              (i) => html`<li>
                <span class="status status--${i.status}">${moderationOutcome(i)}</span>
                <span class="excerpt">${oneLine(i.body, 120)}</span>
                <span class="muted"> · <cp-relative-time datetime=${i.createdAt}></cp-relative-time>${i.decisionNote ? html` · “${i.decisionNote}”` : nothing}</span>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">Nothing moderated.</p>`}
    </section>`;
  }

  override render() {
    const card = this.card;
    const live = html`<p class="visually-hidden" role="status" aria-live="polite">${this.said}</p>
      ${this.problem ? html`<p class="alert" role="alert">${this.problem}</p>` : nothing}`;
    if (this.error) {
      return html`<div class="card">
        <p class="alert" role="alert">This fan card could not be loaded. ${this.error.message}</p>
        <button class="button button--quiet" type="button" @click=${() => this.load()}>Try again</button>
      </div>`;
    }
    if (!card) return html`<div class="card" aria-busy="true"><p class="muted" role="status">${this.loading ? 'Loading the fan card…' : ''}</p></div>`;
    return html`<article class="card" aria-labelledby="card-title" aria-busy=${this.loading ? 'true' : 'false'}>
      ${this.renderHeader(card)} ${live} ${this.renderNotes(card)} ${this.renderConversations(card)} ${this.renderContributions(card)}
      ${this.renderSpotlight(card)} ${this.renderModeration(card)}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-fan-card': CpFanCard;
  }
}
