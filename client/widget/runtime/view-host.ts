import { adoptStyles, render, type CSSResultGroup, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Localizer } from '../../i18n/localizer.js';
import { matchLanguage, useLanguage } from '../../i18n/locales.js';

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
  /** The view's language, from the element's `lang` attribute (docs/i18n.md); one per view, so two widgets may differ. */
  readonly l = new Localizer();

  constructor(
    protected readonly container: HTMLElement,
    shadowRoot: ShadowRoot,
    styles: CSSResultGroup[],
  ) {
    adoptStyles(shadowRoot, styles.flat() as never);
  }

  /** Loads the view's language (English at once; others are a chunk of their own) and marks the frame with it. */
  protected async useLanguage(lang: string): Promise<void> {
    await useLanguage(this.l, matchLanguage([lang]), ['widget']);
    this.container.lang = this.l.locale;
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
          render(this.template(), this.#target(), { host: this });
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
    this.#root?.remove();
    this.#root = null;
  }

  #root: HTMLElement | null = null;

  /**
   * This view's own rendering root inside the container (layout-transparent). Lit remembers what
   * it rendered on the element it renders into; the loader empties the container between views
   * (a changed attribute mounts a new one), so each view renders into a fresh element of its own.
   */
  #target(): HTMLElement {
    if (!this.#root) {
      this.#root = document.createElement('div');
      this.#root.style.display = 'contents';
      this.container.append(this.#root);
    }
    return this.#root;
  }

  protected abstract template(): TemplateResult;
}
