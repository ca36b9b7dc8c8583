import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Contributor } from '../../../shared/schemas/waves.js';
import { AppElement } from '../../base-element.js';
import { i18n, msg } from '../../i18n/app.js';
import { userColor } from '../../editor/user-color.js';
import { shared } from '../../styles/shared.js';
import { styles } from './cp-contributors.styles.js';

/**
 * @summary "Shaped by": everyone who wrote the idea document, replied, or sat at the cafe table it came from, with their share.
 */
@customElement('cp-contributors')
export class CpContributors extends AppElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) contributors: Contributor[] = [];

  override render() {
    if (this.contributors.length === 0) return html`<p class="muted">${msg('Nobody yet: edit the document or reply to be the first.')}</p>`;
    const totalChars = this.contributors.reduce((sum, c) => sum + Math.max(0, c.documentChars), 0);
    const sorted = [...this.contributors].sort((a, b) => b.documentChars - a.documentChars || b.blips - a.blips);
    return html`<ol>
      ${sorted.map((c) => {
        const share = totalChars > 0 ? Math.round((Math.max(0, c.documentChars) / totalChars) * 100) : 0;
        const parts = [
          c.documentChars > 0 ? msg('{share} of the document', { share: i18n.number(share / 100, { style: 'percent' }) }) : '',
          c.blips > 0 ? msg('{count, plural, one {# reply} other {# replies}}', { count: c.blips }) : '',
          c.tables > 0 ? msg('talked it through at a cafe table') : '',
        ].filter(Boolean);
        return html`<li>
          <span class="avatar" aria-hidden="true" style=${styleMap({ background: userColor(c.person.id) })}>${c.person.displayName.slice(0, 1).toUpperCase()}</span>
          <span class="name">${c.person.displayName}</span>
          <span class="share">
            <span>${parts.length ? i18n.list(parts, 'unit') : msg('contributed')}</span>
            ${c.documentChars > 0
              ? html`<span class="bar" aria-hidden="true"><span style=${styleMap({ width: `${Math.max(share, 3)}%`, background: userColor(c.person.id) })}></span></span>`
              : nothing}
          </span>
        </li>`;
      })}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-contributors': CpContributors;
  }
}
