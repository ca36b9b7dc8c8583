import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { WaveSummary } from '../../../shared/schemas/waves.js';
import { AppElement } from '../../base-element.js';
import { i18n, msg, msgRich } from '../../i18n/app.js';
import { href } from '../../fan/router.js';
import { tagChip } from '../../styles/chips.js';
import { shared } from '../../styles/shared.js';
import '../cp-relative-time/cp-relative-time.js';
import '../cp-status-badge/cp-status-badge.js';
import { styles } from './cp-wave-card.styles.js';


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
        <span class="support__count">${i18n.number(wave.supporters)}</span>
        <span class="support__label">${msg('{count, plural, one {supporter} other {supporters}}', { count: wave.supporters })}</span>
        ${wave.viewerSupports ? html`<span class="support__you">✓ ${msg('you')}</span>` : nothing}
      </div>
      <div class="body">
        <div class="top">
          <cp-status-badge status=${wave.status}></cp-status-badge>
          <span>${msg('by {name}', { name: wave.author.displayName })}</span>
        </div>
        <h3 class="title" id=${titleId}><a href=${href.wave(this.slug, wave.id)}>${wave.title}</a></h3>
        ${wave.tags.length
          ? html`<ul class="tags" aria-label=${msg('Tags')}>
              ${wave.tags.map(
                (tag) => html`<li><a class="tag" href=${href.ideas(this.slug, { tag })} aria-label=${msg('Show ideas tagged {tag}', { tag })}>#${tag}</a></li>`,
              )}
            </ul>`
          : nothing}
        <ul class="stats">
          <li class="visually-hidden">
            ${wave.viewerSupports
              ? msg('{count, plural, one {# supporter, including you} other {# supporters, including you}}', { count: wave.supporters })
              : msg('{count, plural, one {# supporter} other {# supporters}}', { count: wave.supporters })}
          </li>
          <li>
            ${msgRich('{count, plural, one {{number} contributor} other {{number} contributors}}', {
              count: wave.contributors,
              number: html`<strong>${i18n.number(wave.contributors)}</strong>`,
            })}
          </li>
          <li>
            ${msgRich('{count, plural, one {{number} reply} other {{number} replies}}', { count: wave.replies, number: html`<strong>${i18n.number(wave.replies)}</strong>` })}
          </li>
          <li>${msgRich('Active {when}', { when: html`<cp-relative-time datetime=${wave.lastActivityAt}></cp-relative-time>` })}</li>
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
