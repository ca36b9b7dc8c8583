import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Membership } from '../../../shared/schemas/auth.js';
import { AppElement } from '../../base-element.js';
import { i18n, msg } from '../../i18n/app.js';
import { shared } from '../../styles/shared.js';
import { styles } from './cp-space-switcher.styles.js';

/**
 * @summary The spaces a person belongs to (several brands), as a disclosure button and a list of
 * links to each space's ideas, with each space's unread notifications. Escape closes it and
 * gives focus back to the button; so does following a link. Hidden for a single space (and so
 * for brand sign-ins, which are scoped to one space).
 */
@customElement('cp-space-switcher')
export class CpSpaceSwitcher extends AppElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) memberships: Membership[] = [];
  /** The space shown now. */
  @property() current = '';
  /** Unread notifications per space slug. */
  @property({ attribute: false }) unread: Record<string, number> = {};
  /** Builds the address of a space (the app's router). */
  @property({ attribute: false }) hrefOf: (slug: string) => string = (slug) => `/s/${encodeURIComponent(slug)}`;

  @state() private open = false;
  @query('.toggle') private toggleButton?: HTMLButtonElement;

  private readonly onDocumentClick = (event: MouseEvent) => {
    if (this.open && !event.composedPath().includes(this)) this.open = false;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this.onDocumentClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('click', this.onDocumentClick);
  }

  private async toggle(): Promise<void> {
    this.open = !this.open;
    if (!this.open) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('a[aria-current]')?.focus() ?? this.renderRoot.querySelector<HTMLElement>('a')?.focus();
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.open) return;
    event.preventDefault();
    event.stopPropagation();
    this.open = false;
    this.toggleButton?.focus();
  }

  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (this.open && next && !this.renderRoot.contains(next) && !this.contains(next)) this.open = false;
  }

  override render() {
    if (this.memberships.length < 2) return nothing;
    const elsewhere = Object.entries(this.unread)
      .filter(([slug]) => slug !== this.current)
      .reduce((sum, [, n]) => sum + n, 0);
    return html`<div class="switcher" @keydown=${this.onKeydown} @focusout=${this.onFocusOut}>
      <button class="button button--quiet toggle" type="button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="spaces" @click=${this.toggle}>
        <span>${msg('Switch space')}</span>
        ${elsewhere > 0
          ? html`<span class="count" aria-hidden="true">${i18n.number(elsewhere)}</span
              ><span class="visually-hidden">${msg('({count} unread in your other spaces)', { count: elsewhere })}</span>`
          : nothing}
        <span class="chevron" aria-hidden="true">▾</span>
      </button>
      <ul id="spaces" class="menu" ?hidden=${!this.open} aria-label=${msg('Your spaces')}>
        ${this.memberships.map(({ space, role }) => {
          const count = this.unread[space.slug] ?? 0;
          return html`<li>
            <a href=${this.hrefOf(space.slug)} aria-current=${space.slug === this.current ? 'true' : nothing} @click=${() => (this.open = false)}>
              <span class="name">${space.name}</span>
              ${role !== 'fan' ? html`<span class="role">${role === 'admin' ? msg('admin') : msg('staff')}</span>` : nothing}
              ${count > 0
                ? html`<span class="count"
                    ><span aria-hidden="true">${i18n.number(count)}</span><span class="visually-hidden">${msg('{count} unread', { count })}</span></span
                  >`
                : nothing}
            </a>
          </li>`;
        })}
      </ul>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-space-switcher': CpSpaceSwitcher;
  }
}
