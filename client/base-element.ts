import { LitElement } from 'lit';

/** Names of the app's own events, declared in `events.ts`. */
export type AppEventName = Extract<keyof GlobalEventHandlersEventMap, `cp-${string}`>;

export type AppEventDetail<K extends AppEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

export class AppElement extends LitElement {
  /** Dispatches a typed cp-* event; it bubbles out of shadow roots so app roots can listen. */
  emit<K extends AppEventName>(name: K, detail: AppEventDetail<K>): CustomEvent<AppEventDetail<K>> {
    const event = new CustomEvent(name, { bubbles: true, composed: true, detail });
    this.dispatchEvent(event);
    return event;
  }
}
