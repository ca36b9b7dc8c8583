/**
 * `<commonplace-embed>`: the loader brands paste with one script tag (docs/widget.md).
 * A classic script with no imports and no globals besides the element: it reads its
 * attributes, waits until the element comes near the viewport, then loads the view's code
 * from the server it came from and hands it the element's shadow root.
 */
import type { EmbedEvents, EmbedHost, EmbedSettings, MountedView, MountView, WidgetViewName } from './host.js';

/** View → its module and every module it imports, relative to embed.js; filled in by the build (vite.config.ts). */
declare const __CP_WIDGET_VIEWS__: Record<WidgetViewName, { entry: string; files: string[] }>;

// document.currentScript is set while a classic script runs; a module script finds its tag by name.
const scriptUrl =
  (document.currentScript as HTMLScriptElement | null)?.src ??
  Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'))
    .map((s) => s.src)
    .find((src) => /\/embed\.js(\?|#|$)/.test(src)) ??
  location.href;
const serverOrigin = new URL(scriptUrl).origin;

const VIEWS = new Set<string>(['ideas', 'wave', 'cafe']);
const NEAR_VIEWPORT = '300px';

const baseCss = `
:host { display: block; contain: content; font-family: var(--cp-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif); color: var(--cp-color-text, #1f2328); }
:host([hidden]) { display: none; }
.cp-loading { padding: 16px; border: 1px solid var(--cp-color-border-subtle, #d0d7de); border-radius: var(--cp-radius, 8px); color: var(--cp-color-text-muted, #57606a); font: inherit; }
.cp-loading[role="alert"] { color: var(--cp-color-danger, #b42318); }
`;

type GetToken = () => string | null | undefined | Promise<string | null | undefined>;

function nearViewport(element: Element): boolean {
  const box = element.getBoundingClientRect();
  const margin = parseInt(NEAR_VIEWPORT, 10);
  return box.top < innerHeight + margin && box.bottom > -margin && box.left < innerWidth + margin && box.right > -margin;
}

const preloaded = new Set<string>();

/** Fetches a view's whole module graph at once, instead of discovering it import by import. */
function preload(files: string[]): void {
  for (const file of files) {
    const href = new URL(file, scriptUrl).href;
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    link.crossOrigin = 'anonymous';
    document.head.append(link);
  }
}

class CommonplaceEmbed extends HTMLElement {
  static observedAttributes = ['space', 'view', 'wave', 'topic', 'lang', 'token'];

  /**
   * The brand's way to hand over a fresh signed token (preferred over the `token` attribute).
   * Declared, not initialized: a page may set it before this script upgrades the element.
   */
  declare getToken: GetToken | null | undefined;

  readonly #root: ShadowRoot;
  readonly #container: HTMLDivElement;
  #observer: IntersectionObserver | null = null;
  #mounted: MountedView | null = null;
  #mounting = 0;
  #visible = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = baseCss;
    this.#container = document.createElement('div');
    this.#container.setAttribute('part', 'frame');
    this.#root.append(style, this.#container);
  }

  connectedCallback(): void {
    if (this.#mounted || this.#observer) return;
    this.#placeholder('Loading the conversation…', false);
    // Already on screen (the common case above the fold): start now rather than a frame later.
    if (typeof IntersectionObserver === 'undefined' || nearViewport(this)) {
      this.#visible = true;
      return void this.#mount();
    }
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.#visible = true;
        this.#observer?.disconnect();
        this.#observer = null;
        void this.#mount();
      },
      { rootMargin: NEAR_VIEWPORT },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#unmount();
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (before === after || !this.isConnected) return;
    if (name === 'token') return void this.#mounted?.signIn();
    if (this.#visible || this.#mounted) void this.#mount();
  }

  /** Signs the visitor in with the brand's token (call after the brand's own sign-in). */
  async signIn(): Promise<void> {
    await this.#mounted?.signIn();
  }

  /** Forgets the Commonplace sign-in; the widget turns anonymous and read-only. */
  signOut(): void {
    this.#mounted?.signOut();
  }

  #settings(): EmbedSettings {
    const view = (this.getAttribute('view') ?? 'ideas').trim();
    return {
      space: (this.getAttribute('space') ?? '').trim(),
      view: (VIEWS.has(view) ? view : 'ideas') as WidgetViewName,
      wave: this.getAttribute('wave')?.trim() || null,
      topic: this.getAttribute('topic')?.trim() || null,
      lang: this.getAttribute('lang')?.trim() || document.documentElement.lang || 'en',
    };
  }

  #emit<K extends keyof EmbedEvents>(name: K, detail: EmbedEvents[K]): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: name === 'commonplace-sign-in-requested' }));
  }

  #placeholder(text: string, problem: boolean): void {
    const box = document.createElement('p');
    box.className = 'cp-loading';
    box.textContent = text;
    if (problem) box.setAttribute('role', 'alert');
    else box.setAttribute('aria-busy', 'true');
    this.#container.replaceChildren(box);
  }

  #host(): EmbedHost {
    return {
      container: this.#container,
      shadowRoot: this.#root,
      serverOrigin,
      settings: () => this.#settings(),
      canSignIn: () => typeof this.getToken === 'function' || this.hasAttribute('token'),
      brandToken: async () => {
        if (typeof this.getToken === 'function') return (await this.getToken()) || null;
        return this.getAttribute('token') || null;
      },
      emit: (name, detail) => this.#emit(name, detail),
    };
  }

  async #mount(): Promise<void> {
    const attempt = ++this.#mounting;
    this.#unmount();
    const settings = this.#settings();
    if (!settings.space) {
      const message = 'Set the space attribute to the slug of a Commonplace space.';
      this.#placeholder(message, true);
      this.#emit('commonplace-error', { code: 'INVALID_INPUT', message });
      return;
    }
    this.#placeholder('Loading the conversation…', false);
    const view = __CP_WIDGET_VIEWS__[settings.view];
    preload(view.files);
    try {
      const module = (await import(/* @vite-ignore */ new URL(view.entry, scriptUrl).href)) as { mount: MountView };
      if (attempt !== this.#mounting || !this.isConnected) return;
      this.#container.replaceChildren();
      this.#mounted = module.mount(this.#host());
    } catch (err) {
      if (attempt !== this.#mounting) return;
      console.error('commonplace-embed:', err);
      const message = `Commonplace could not be loaded from ${serverOrigin}.`;
      this.#placeholder(message, true);
      this.#emit('commonplace-error', { code: 'UNAVAILABLE', message });
    }
  }

  #unmount(): void {
    this.#mounted?.destroy();
    this.#mounted = null;
  }
}

if (!customElements.get('commonplace-embed')) customElements.define('commonplace-embed', CommonplaceEmbed);
