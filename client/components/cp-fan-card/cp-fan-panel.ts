import { css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { AppElement } from '../../base-element.js';
import type { ApiClient } from '../../services/api.js';
import { shared } from '../../styles/shared.js';
import './cp-fan-card.js';
import './fan-card-events.js';

/**
 * @summary A fan card in a side panel beside whatever the staff member is doing (the queue, a
 * table's chat, a wave). Not modal: the page behind stays usable. Focus moves into the panel when
 * it opens or shows another person; Escape or the close button closes it (the host puts focus back).
 *
 *     <cp-fan-panel .api=${api} slug="lumen" user-id="…" @cp-fan-panel-close=${…}></cp-fan-panel>
 *
 * @fires cp-fan-panel-close - Close was asked for.
 */
@customElement('cp-fan-panel')
export class CpFanPanel extends AppElement {
  static override styles = [
    shared,
    css`
      :host {
        position: fixed;
        z-index: 20;
        inset: 0 0 0 auto;
        width: min(30rem, 100vw);
        display: block;
      }

      .panel {
        display: grid;
        grid-template-rows: auto minmax(0, 1fr);
        height: 100%;
        border-left: 1px solid var(--cp-color-border);
        background: var(--cp-color-bg);
        box-shadow: -0.5rem 0 1.5rem rgb(0 0 0 / 0.12);
      }

      .panel:focus {
        outline: none;
      }

      .panel:focus-visible {
        outline: var(--cp-focus-ring);
        outline-offset: -3px;
      }

      .bar {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--cp-space-2);
        padding: var(--cp-space-2) var(--cp-space-4);
        border-bottom: 1px solid var(--cp-color-border-subtle);
      }

      .bar h2 {
        margin: 0;
        font-size: var(--cp-font-size-md);
      }

      .body {
        overflow: auto;
        padding: var(--cp-space-4);
      }
    `,
  ];

  @property({ attribute: false }) api: ApiClient | null = null;
  @property() slug = '';
  @property({ attribute: 'user-id' }) userId = '';

  @query('.panel') private panel?: HTMLElement;

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('userId') && this.userId) this.panel?.focus();
  }

  private close(): void {
    this.emit('cp-fan-panel-close', null);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.close();
  }

  override render() {
    return html`<aside class="panel" tabindex="-1" aria-labelledby="panel-title" @keydown=${this.onKeydown}>
      <div class="bar">
        <h2 id="panel-title">Fan card</h2>
        <button class="button button--quiet" type="button" @click=${this.close}>Close<span class="visually-hidden"> the fan card</span></button>
      </div>
      <div class="body">
        <cp-fan-card .api=${this.api} slug=${this.slug} user-id=${this.userId} heading-level="3"></cp-fan-card>
      </div>
    </aside>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-fan-panel': CpFanPanel;
  }
}
