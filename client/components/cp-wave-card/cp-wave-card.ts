import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { WaveSummary } from '../../../shared/schemas/waves.js';
import { AppElement } from '../../base-element.js';
import { href } from '../../fan/router.js';
import { tagChip } from '../../styles/chips.js';
import { shared } from '../../styles/shared.js';
import '../cp-relative-time/cp-relative-time.js';
import '../cp-status-badge/cp-status-badge.js';
import { styles } from './cp-wave-card.styles.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * @summary One idea in the list: title (a link to the wave), status, tags and its counters.
 * @csspart card - The card's box.
 */
@customElement('cp-wave-card')
export class CpWaveCard extends AppElement {
  static override styles = [shared, tagChip, styles];

  @property({ attribute: false }) wave?: WaveSummary;

  /** Space slug, for links. */
  @property() slug = '';

  /** Mirrors `wave.viewerSupports` for styling. */
  @property({ type: Boolean, reflect: true }) supported = false;

  override willUpdate(): void {
    this.supported = Boolean(this.wave?.viewerSupports);
  }

  override render() {
    const wave = this.wave;
    if (!wave) return nothing;
    const titleId = `title-${wave.id}`;
    return html`<article class="card" part="card" aria-labelledby=${titleId}>
      <div class="support" aria-hidden="true">
        <span class="support__count">${wave.supporters}</span>
        <span class="support__label">${wave.supporters === 1 ? 'supporter' : 'supporters'}</span>
        ${wave.viewerSupports ? html`<span class="support__you">✓ you</span>` : nothing}
      </div>
      <div class="body">
        <div class="top">
          <cp-status-badge status=${wave.status}></cp-status-badge>
          <span>by ${wave.author.displayName}</span>
        </div>
        <h3 class="title" id=${titleId}><a href=${href.wave(this.slug, wave.id)}>${wave.title}</a></h3>
        ${wave.tags.length
          ? html`<ul class="tags" aria-label="Tags">
              ${wave.tags.map(
                (tag) => html`<li><a class="tag" href=${href.ideas(this.slug, { tag })} aria-label="Show ideas tagged ${tag}">#${tag}</a></li>`,
              )}
            </ul>`
          : nothing}
        <ul class="stats">
          <li class="visually-hidden">${plural(wave.supporters, 'supporter')}${wave.viewerSupports ? ', including you' : ''}</li>
          <li><strong>${wave.contributors}</strong> ${wave.contributors === 1 ? 'contributor' : 'contributors'}</li>
          <li><strong>${wave.replies}</strong> ${wave.replies === 1 ? 'reply' : 'replies'}</li>
          <li>Active <cp-relative-time datetime=${wave.lastActivityAt}></cp-relative-time></li>
        </ul>
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-wave-card': CpWaveCard;
  }
}
