/**
 * The contract between the loader (`embed.ts`, a classic script with no dependencies) and the
 * views it loads on demand (`views/*.ts`, ES modules): the loader owns the element, its
 * attributes and the brand's token; a view renders into `container` and talks to the server.
 */
export const WIDGET_VIEWS = ['ideas', 'wave', 'cafe'] as const;
export type WidgetViewName = (typeof WIDGET_VIEWS)[number];

export interface EmbedSettings {
  space: string;
  view: WidgetViewName;
  /** `view="wave"`: the wave to show. */
  wave: string | null;
  /** `view="cafe"`: show only tables whose topic contains these words. */
  topic: string | null;
  lang: string;
}

/** Public events of `<commonplace-embed>` (docs/widget.md); all bubble and cross shadow roots. */
export interface EmbedEvents {
  'commonplace-ready': { view: WidgetViewName; space: string };
  'commonplace-signed-in': { user: { id: string; displayName: string } };
  'commonplace-signed-out': Record<string, never>;
  'commonplace-sign-in-requested': { view: WidgetViewName; reason: string };
  'commonplace-error': { code: string; message: string };
}

export interface EmbedHost {
  /** Where the view renders (inside the element's shadow root). */
  readonly container: HTMLElement;
  readonly shadowRoot: ShadowRoot;
  /** The Commonplace server the loader came from. */
  readonly serverOrigin: string;
  settings(): EmbedSettings;
  /**
   * The brand's sign-in token, from `getToken()` (called each time, so it may refresh) or the
   * `token` attribute; null when the visitor is not signed in on the brand's site.
   */
  brandToken(): Promise<string | null>;
  /** Whether the brand can sign a visitor in at all (a `getToken` callback or a `token` attribute). */
  canSignIn(): boolean;
  emit<K extends keyof EmbedEvents>(name: K, detail: EmbedEvents[K]): boolean;
}

export interface MountedView {
  /** Signs in with the brand's token (again), e.g. after the brand's own sign-in. */
  signIn(): Promise<void>;
  signOut(): void;
  destroy(): void;
}

export type MountView = (host: EmbedHost) => MountedView;
