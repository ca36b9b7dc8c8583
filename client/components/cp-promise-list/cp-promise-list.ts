import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ErrorBody } from '../../../shared/errors.js';
import type { PromiseStatus } from '../../../shared/people.js';
import type { PromiseItem } from '../../../shared/schemas/people.js';
import { AppElement } from '../../base-element.js';
import { PeopleApi } from '../../console/api/people-api.js';
import { consoleLinks } from '../../console/console-router.js';
import type { ApiClient } from '../../services/api.js';
import { shared } from '../../styles/shared.js';
import '../cp-relative-time/cp-relative-time.js';
import '../cp-fan-card/fan-card-events.js';
import { promiseLabel, todayUtc } from '../cp-fan-card/fan-card-text.js';

/**
 * @summary The promises staff of a space made to people ("I'll ask the design team"): open ones,
 * overdue first, each closable here; or the done ones. Reloads when a fan card changes a note.
 * @fires cp-fan-card-open - "Fan card" was pressed.
 */
@customElement('cp-promise-list')
export class CpPromiseList extends AppElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      .filter {
        display: flex;
        gap: var(--cp-space-4);
        margin: 0 0 var(--cp-space-4);
        padding: 0;
        border: 0;
      }
      .filter legend {
        margin-bottom: var(--cp-space-1);
        font-weight: 600;
      }
      .promises {
        display: grid;
        gap: var(--cp-space-2);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .promise {
        display: grid;
        gap: var(--cp-space-1);
        padding: var(--cp-space-2) var(--cp-space-3);
        border: 1px solid var(--cp-color-border-subtle);
        border-radius: var(--cp-radius);
      }
      .promise--overdue {
        border-left: 4px solid var(--cp-color-danger);
      }
      .promise p {
        margin: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .meta {
        color: var(--cp-color-text-muted);
        font-size: var(--cp-font-size-sm);
      }
      .overdue {
        color: var(--cp-color-danger);
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cp-space-3);
      }
      a {
        color: var(--cp-color-accent);
      }
    `,
  ];

  @property({ attribute: false }) api: ApiClient | null = null;
  @property() slug = '';
  @property({ attribute: false }) now: () => number = Date.now;

  @state() private status: PromiseStatus = 'open';
  @state() private items: PromiseItem[] = [];
  @state() private loading = false;
  @state() private error: ErrorBody | null = null;
  @state() private said = '';
  @state() private busy = new Set<string>();

  #people: PeopleApi | null = null;
  #generation = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // A note changed in a fan card (here or in the side panel): the list may have changed.
    window.addEventListener('cp-fan-card-changed', this.#onCardChanged);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('cp-fan-card-changed', this.#onCardChanged);
  }

  #onCardChanged = (): void => void this.load();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('slug')) {
      this.#people = this.api && this.slug ? new PeopleApi(this.api, this.slug) : null;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const people = this.#people;
    if (!people) return;
    const generation = ++this.#generation;
    this.loading = true;
    this.error = null;
    const result = await people.promises(this.status);
    if (generation !== this.#generation) return;
    this.loading = false;
    if (result.ok) this.items = result.data;
    else this.error = result.error;
  }

  private setStatus(status: PromiseStatus): void {
    this.status = status;
    void this.load();
  }

  private async toggle(item: PromiseItem): Promise<void> {
    const people = this.#people;
    const id = item.note.id;
    if (!people || this.busy.has(id)) return;
    this.busy = new Set(this.busy).add(id);
    const next = item.note.promise?.status === 'open' ? 'done' : 'open';
    const result = await people.editNote(id, { promise: { status: next } });
    const busy = new Set(this.busy);
    busy.delete(id);
    this.busy = busy;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.items = this.items.filter((i) => i.note.id !== id);
    this.said = next === 'done' ? `Marked done: the promise to ${item.person.displayName}.` : `Reopened: the promise to ${item.person.displayName}.`;
  }

  private renderItem(item: PromiseItem) {
    const { note, person } = item;
    const today = todayUtc(this.now());
    const busy = this.busy.has(note.id);
    return html`<li class="promise ${item.overdue ? 'promise--overdue' : ''}">
      <span class="meta">
        To <a href=${consoleLinks.person(this.slug, person.id)}>${person.displayName}</a> · by ${note.author?.displayName ?? 'Former member'} ·
        <cp-relative-time datetime=${note.createdAt}></cp-relative-time>
      </span>
      <p>${note.text}</p>
      <span class=${item.overdue ? 'overdue' : 'meta'}>${note.promise ? promiseLabel(note.promise, today) : nothing}${note.promise?.doneBy
          ? ` by ${note.promise.doneBy.displayName}`
          : nothing}</span>
      <div class="actions">
        <button class="button button--quiet" type="button" ?disabled=${busy} @click=${() => this.toggle(item)}>
          ${note.promise?.status === 'open' ? 'Mark done' : 'Reopen'}<span class="visually-hidden">: the promise to ${person.displayName}</span>
        </button>
        <button class="link-button" type="button" @click=${() => this.emit('cp-fan-card-open', { userId: person.id, slug: this.slug })}>
          Fan card<span class="visually-hidden"> of ${person.displayName}</span>
        </button>
      </div>
    </li>`;
  }

  override render() {
    return html`<fieldset class="filter">
        <legend>Show</legend>
        ${(['open', 'done'] as const).map(
          (s) => html`<label
            ><input type="radio" name="promise-status" value=${s} .checked=${this.status === s} @change=${() => this.setStatus(s)} />
            ${s === 'open' ? 'Open promises' : 'Done'}</label
          >`,
        )}
      </fieldset>
      ${this.error ? html`<p class="alert" role="alert">The promises could not be loaded. ${this.error.message}</p>` : nothing}
      <ul class="promises" aria-label=${this.status === 'open' ? 'Open promises, overdue first' : 'Promises kept, latest first'} aria-busy=${this.loading ? 'true' : 'false'}>
        ${repeat(this.items, (i) => i.note.id, (i) => this.renderItem(i))}
      </ul>
      ${!this.loading && !this.error && this.items.length === 0
        ? html`<p class="muted">${this.status === 'open' ? 'No open promises. Promises are notes on a fan card marked “This is a promise”.' : 'Nothing done yet.'}</p>`
        : nothing}
      <p class="visually-hidden" role="status">${this.said}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-promise-list': CpPromiseList;
  }
}
