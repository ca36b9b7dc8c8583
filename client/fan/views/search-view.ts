import { html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ErrorBody } from '../../../shared/errors.js';
import type { Space } from '../../../shared/schemas/spaces.js';
import type { SearchHit } from '../../../shared/schemas/waves.js';
import { AppElement } from '../../base-element.js';
import { msg } from '../../i18n/app.js';
import '../../components/cp-status-badge/cp-status-badge.js';
import type { ApiClient } from '../../services/api.js';
import { search } from '../../services/waves.js';
import { shared } from '../../styles/shared.js';
import { viewPage, viewTitle } from '../../styles/views.js';
import { parseSnippet } from '../../text/snippet.js';
import { groupByWave } from '../../waves/search-groups.js';
import { navigate } from '../navigation.js';
import { href } from '../router.js';
import { styles } from './search-view.styles.js';

type Results = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; hits: SearchHit[] } | { status: 'error'; error: ErrorBody };

const kindLabel = (kind: SearchHit['kind']): string =>
  kind === 'title' ? msg('Title') : kind === 'document' ? msg('In the idea document') : msg('In a reply');

/**
 * @summary Full-text search in a space: results grouped by wave, matched words marked.
 */
@customElement('cp-search-view')
export class CpSearchView extends AppElement {
  static override styles = [shared, viewPage, viewTitle, styles];

  private request = 0;

  @state() private results: Results = { status: 'idle' };

  @property({ attribute: false }) api?: ApiClient;
  @property({ attribute: false }) space?: Space;
  /** The words searched for (from the address). */
  @property() query = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query') || changed.has('space')) void this.run();
  }

  private async run(): Promise<void> {
    const q = this.query.trim();
    if (this.space) {
      document.title = q ? msg('“{query}” · Search · {space}', { query: q, space: this.space.name }) : msg('Search · {space}', { space: this.space.name });
    }
    if (!q || !this.api || !this.space) {
      this.results = { status: 'idle' };
      return;
    }
    const request = ++this.request;
    this.results = { status: 'loading' };
    const result = await search(this.api, this.space.slug, q);
    if (request !== this.request) return;
    this.results = result.ok ? { status: 'ready', hits: result.data } : { status: 'error', error: result.error };
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '').trim();
    if (this.space) navigate(href.search(this.space.slug, q));
  }

  private renderSnippet(snippet: string) {
    return parseSnippet(snippet).map((part) => (part.match ? html`<mark>${part.text}</mark>` : part.text));
  }

  private renderResults() {
    const results = this.results;
    const slug = this.space?.slug ?? '';
    switch (results.status) {
      case 'idle':
        return html`<p class="muted">${msg('Search titles, idea documents and replies.')}</p>`;
      case 'loading':
        return html`<p class="muted">${msg('Searching…')}</p>`;
      case 'error':
        return html`<p class="alert" role="alert">${msg('Search failed. {problem}', { problem: results.error.message })}</p>`;
      case 'ready': {
        const groups = groupByWave(results.hits);
        if (groups.length === 0) return html`<p>${msg('No ideas or replies match “{query}”.', { query: this.query })}</p>`;
        return html`<ol class="groups" aria-label=${msg('Results')}>
          ${groups.map(
            (group) => html`<li class="group">
              <h3><a href=${href.wave(slug, group.wave.id)}>${group.wave.title}</a><cp-status-badge status=${group.wave.status}></cp-status-badge></h3>
              <ul class="hits">
                ${group.hits
                  .filter((hit) => hit.kind !== 'title' || group.hits.length === 1)
                  .map(
                    (hit) => html`<li>
                      <a class="hit" href=${href.wave(slug, group.wave.id, hit.kind === 'blip' ? hit.blipId : null)}>
                        <span class="kind">${kindLabel(hit.kind)}</span>
                        <span>${this.renderSnippet(hit.snippet)}</span>
                      </a>
                    </li>`,
                  )}
              </ul>
            </li>`,
          )}
        </ol>`;
      }
    }
  }

  override render() {
    const count = this.results.status === 'ready' ? this.results.hits.length : null;
    return html`<div class="page">
      <div>
        <a class="back" href=${href.ideas(this.space?.slug ?? '')}>← ${msg('All ideas')}</a>
        <h2>${msg('Search')}</h2>
      </div>
      <form role="search" @submit=${this.onSubmit}>
        <label class="visually-hidden" for="q">${msg('Search ideas and replies')}</label>
        <input id="q" name="q" type="search" maxlength="200" .value=${this.query} />
        <button class="button" type="submit">${msg('Search')}</button>
      </form>
      <p class="visually-hidden" role="status">${count === null ? '' : msg('{count, plural, one {# match} other {# matches}}', { count })}</p>
      ${this.renderResults()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-search-view': CpSearchView;
  }
}
