import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

export interface ProviderOptions {
  /** Server origin; defaults to this page's. */
  origin?: string;
  /** Bearer token for cross-origin widgets; the apps use the session cookie. */
  token?: string | null;
}

/** The document socket for `docName` (e.g. `wave:<id>`), per docs/collab.md. */
export function createProvider(docName: string, doc: Y.Doc, options: ProviderOptions = {}): WebsocketProvider {
  const origin = options.origin ?? location.origin;
  const url = `${origin.replace(/^http/, 'ws')}/yjs`;
  return new WebsocketProvider(url, docName, doc, { params: options.token ? { token: options.token } : {} });
}
