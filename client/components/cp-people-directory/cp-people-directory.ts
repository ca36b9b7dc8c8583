import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ErrorBody } from '../../../shared/errors.js';
import type { DirectoryEntry } from '../../../shared/schemas/people.js';
import { AppElement } from '../../base-element.js';
import { PeopleApi } from '../../console/api/people-api.js';
import { consoleLinks } from '../../console/console-router.js';
import type { ApiClient } from '../../services/api.js';
import { shared } from '../../styles/shared.js';
import { fieldBox } from '../../styles/forms.js';
import '../cp-avatar/cp-avatar.js';
import '../cp-relative-time/cp-relative-time.js';
import '../cp-fan-card/fan-card-events.js';

const PAGE = 25;
const SEARCH_DELAY_MS = 250;

/**
 * @summary The space's people for staff: search by name, a few numbers each, notes and open
 * promises; a name opens the person's page, "Fan card" opens the card in the side panel.
 * @fires cp-fan-card-open - "Fan card" was pressed.
 */
@customElement('cp-people-directory')
export class CpPeopleDirectory extends AppElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      .search {
        display: grid;
        gap: var(--cp-space-1);
        max-width: 24rem;
        margin-bottom: var(--cp-space-4);
      }
      .search label {
        font-weight: 600;
      }
      input {
        min-height: 2.5rem;
        ${fieldBox}
      }
      .people {
        display: grid;
        gap: var(--cp-space-2);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .person {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--cp-space-2) var(--cp-space-3);
        padding: var(--cp-space-2) var(--cp-space-3);
        border: 1px solid var(--cp-color-border-subtle);
        border-radius: var(--cp-radius);
      }
      .person__name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .person__facts {
        flex: 1 1 16rem;
        color: var(--cp-color-text-muted);
        font-size: var(--cp-font-size-sm);
      }
      .promises {
        color: var(--cp-color-danger);
        font-weight: 600;
      }
      a {
        color: var(--cp-color-accent);
      }
      .more {
        margin-top: var(--cp-space-3);
      }
    `,
  ];

  @property({ attribute: false }) api: ApiClient | null = null;
  @property() slug = '';

  @state() private items: DirectoryEntry[] = [];
  @state() private next: string | null = null;
  @state() private loading = false;
  @state() private error: ErrorBody | null = null;
  @state() private q = '';

  #people: PeopleApi | null = null;
  #generation = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('slug')) {
      this.#people = this.api && this.slug ? new PeopleApi(this.api, this.slug) : null;
      void this.load(false);
    }
  }

  private async load(append: boolean): Promise<void> {
    const people = this.#people;
    if (!people) return;
    const generation = append ? this.#generation : ++this.#generation;
    this.loading = true;
    this.error = null;
    const result = await people.directory({ q: this.q.trim(), cursor: append ? this.next : null, limit: PAGE });
    if (generation !== this.#generation) return;
    this.loading = false;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.items = append ? [...this.items, ...result.data.items] : result.data.items;
    this.next = result.data.nextCursor;
  }

  private onSearch(event: InputEvent): void {
    this.q = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.load(false), SEARCH_DELAY_MS);
  }

  private renderPerson(entry: DirectoryEntry) {
    const { person, counts } = entry;
    return html`<li class="person">
      <cp-avatar user-id=${person.id} name=${person.displayName}></cp-avatar>
      <a class="person__name" href=${consoleLinks.person(this.slug, person.id)}>${person.displayName}</a>
      <span class="person__facts">
        ${entry.role !== 'fan' ? html`${entry.role} · ` : nothing}joined <cp-relative-time datetime=${entry.joinedAt}></cp-relative-time> ·
        ${counts.wavesStarted} waves · ${counts.blips} blips · ${counts.tablesSatAt} tables · ${entry.notes}
        ${entry.notes === 1 ? 'note' : 'notes'}
        ${entry.openPromises
          ? html` · <span class="promises">${entry.openPromises} open ${entry.openPromises === 1 ? 'promise' : 'promises'}</span>`
          : nothing}
      </span>
      <button class="button button--quiet" type="button" @click=${() => this.emit('cp-fan-card-open', { userId: person.id, slug: this.slug })}>
        Fan card<span class="visually-hidden"> of ${person.displayName}</span>
      </button>
    </li>`;
  }

  override render() {
    return html`<form class="search" role="search" @submit=${(e: Event) => e.preventDefault()}>
        <label for="people-q">Search people by name</label>
        <input id="people-q" type="search" autocomplete="off" maxlength="60" .value=${this.q} @input=${this.onSearch} />
      </form>
      ${this.error ? html`<p class="alert" role="alert">The people could not be loaded. ${this.error.message}</p>` : nothing}
      <ul class="people" aria-label="People of this space" aria-busy=${this.loading ? 'true' : 'false'}>
        ${repeat(this.items, (e) => e.person.id, (e) => this.renderPerson(e))}
      </ul>
      ${!this.loading && !this.error && this.items.length === 0
        ? html`<p class="muted">${this.q.trim() ? 'Nobody’s name matches.' : 'Nobody here yet.'}</p>`
        : nothing}
      <p class="visually-hidden" role="status">${this.loading ? 'Loading…' : `${this.items.length} people shown${this.next ? ', more to load' : ''}.`}</p>
      ${this.next
        ? html`<button class="button button--quiet more" type="button" ?disabled=${this.loading} @click=${() => this.load(true)}>
            ${this.loading ? 'Loading…' : 'Load more'}
          </button>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-people-directory': CpPeopleDirectory;
  }
}
