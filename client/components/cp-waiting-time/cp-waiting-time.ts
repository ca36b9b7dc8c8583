import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { AppElement } from '../../base-element.js';
import { clockDuration, spokenDuration } from '../../cafe/chat.js';
import { shared } from '../../styles/shared.js';
import { styles } from './cp-waiting-time.styles.js';

/** One shared timer ticks every visible clock once a second. */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function watch(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/**
 * @summary How long since `since`, ticking every second ("3:05"); screen readers get it in
 * words when they reach it (it is never a live region, so it does not chatter).
 */
@customElement('cp-waiting-time')
export class CpWaitingTime extends AppElement {
  static override styles = [shared, styles];

  #unwatch: (() => void) | null = null;

  /** ISO 8601 start. */
  @property() since = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unwatch = watch(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatch?.();
  }

  override render() {
    const start = Date.parse(this.since);
    const seconds = Number.isNaN(start) ? 0 : (Date.now() - start) / 1000;
    return html`<span aria-hidden="true">${clockDuration(seconds)}</span><span class="visually-hidden">${spokenDuration(seconds)}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-waiting-time': CpWaitingTime;
  }
}
