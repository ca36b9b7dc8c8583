import { LitElement } from 'lit';
import { i18n } from './i18n/app.js';

/** Names of the app's own events, declared in `events.ts`. */
export type AppEventName = Extract<keyof GlobalEventHandlersEventMap, `cp-${string}`>;

export type AppEventDetail<K extends AppEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

export class AppElement extends LitElement {
  #offLanguage: (() => void) | null = null;

  /** Every element renders again in a new language (docs/i18n.md). */
  override connectedCallback(): void {
    super.connectedCallback();
    this.#offLanguage ??= i18n.onChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#offLanguage?.();
    this.#offLanguage = null;
  }

  /** Dispatches a typed cp-* event; it bubbles out of shadow roots so app roots can listen. */
  emit<K extends AppEventName>(name: K, detail: AppEventDetail<K>): CustomEvent<AppEventDetail<K>> {
    const event = new CustomEvent(name, { bubbles: true, composed: true, detail });
    this.dispatchEvent(event);
    return event;
  }
}
