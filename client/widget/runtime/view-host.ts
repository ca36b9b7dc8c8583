import { adoptStyles, render, type CSSResultGroup, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * A rendering root for a widget view without defining custom elements (the widget adds no
 * globals to the brand's page besides `<commonplace-embed>`): lit-html templates rendered into
 * the loader's shadow root, re-rendered on `requestUpdate()`, with Lit's reactive controllers
 * (streams, connection state) working as they do in the apps.
 */
export abstract class ViewHost implements ReactiveControllerHost {
  readonly #controllers = new Set<ReactiveController>();
  #connected = false;
  #scheduled = false;
  #done: Promise<boolean> = Promise.resolve(true);

  constructor(
    protected readonly container: HTMLElement,
    shadowRoot: ShadowRoot,
    styles: CSSResultGroup[],
  ) {
    adoptStyles(shadowRoot, styles.flat() as never);
  }

  get updateComplete(): Promise<boolean> {
    return this.#done;
  }

  addController(controller: ReactiveController): void {
    this.#controllers.add(controller);
    if (this.#connected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.#controllers.delete(controller);
  }

  requestUpdate(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#done = new Promise((resolve) =>
      queueMicrotask(() => {
        this.#scheduled = false;
        if (this.#connected) {
          render(this.template(), this.container, { host: this });
          for (const c of this.#controllers) c.hostUpdated?.();
        }
        resolve(true);
      }),
    );
  }

  connect(): void {
    this.#connected = true;
    for (const c of this.#controllers) c.hostConnected?.();
    this.requestUpdate();
  }

  disconnect(): void {
    this.#connected = false;
    for (const c of this.#controllers) c.hostDisconnected?.();
    render(null, this.container, { host: this });
  }

  protected abstract template(): TemplateResult;
}
