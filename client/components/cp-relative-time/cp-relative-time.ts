import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { AppElement } from '../../base-element.js';
import { absoluteTime, relativeTime } from '../../text/relative-time.js';
import { styles } from './cp-relative-time.styles.js';

/** One shared timer re-renders every visible time once a minute. */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function watch(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), 60_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/**
 * @summary "5 minutes ago", kept fresh; the full date is in the title and the datetime attribute.
 */
@customElement('cp-relative-time')
export class CpRelativeTime extends AppElement {
  static override styles = styles;

  #unwatch: (() => void) | null = null;

  /** ISO 8601 timestamp. */
  @property() datetime = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unwatch = watch(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatch?.();
  }

  override render() {
    return html`<time datetime=${this.datetime} title=${absoluteTime(this.datetime)}>${relativeTime(this.datetime)}</time>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-relative-time': CpRelativeTime;
  }
}
