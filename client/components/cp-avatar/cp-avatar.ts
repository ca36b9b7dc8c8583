import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { AppElement } from '../../base-element.js';
import { userColor } from '../../editor/user-color.js';
import { initials } from './initials.js';
import { styles } from './cp-avatar.styles.js';

/**
 * @summary A generated avatar: the person's initials in white on their colour (`userColor(id)`,
 * whose palette keeps 4.5:1 contrast with white). Decorative next to a visible name; with
 * `labelled` it is an image named after the person (where no name is written beside it).
 */
@customElement('cp-avatar')
export class CpAvatar extends AppElement {
  static override styles = styles;

  /** The person's id: picks the colour, the same on every screen. */
  @property({ attribute: 'user-id' }) userId = '';
  @property() name = '';
  @property({ reflect: true }) size: 'sm' | 'md' | 'lg' = 'md';
  /** Announce it as an image named after the person (otherwise hidden from screen readers). */
  @property({ type: Boolean }) labelled = false;

  override render() {
    const style = styleMap({ background: userColor(this.userId || this.name) });
    return this.labelled
      ? html`<span class="avatar" role="img" aria-label=${this.name} style=${style}>${initials(this.name)}</span>`
      : html`<span class="avatar" aria-hidden="true" style=${style}>${initials(this.name)}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-avatar': CpAvatar;
  }
}
