import type { IncomingMessage } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { SESSION_COOKIE } from '../features/users/sessions.js';
import type { Viewer } from '../features/users/viewer.js';

export const DOC_PATH_PREFIX = '/yjs/';

export interface DocRequest {
  /** Null when the name is not valid percent-encoding. */
  docName: string | null;
  token: string | null;
  via: Viewer['via'];
}

/**
 * What a document-socket upgrade asks for; null when the path is not under /yjs/.
 * y-websocket puts the room name after the server URL and `params` in the query,
 * so a token arrives as `?token=`; browsers may instead send the session cookie.
 */
export function parseDocRequest(req: IncomingMessage): DocRequest | null {
  const raw = req.url ?? '';
  const queryAt = raw.indexOf('?');
  const path = queryAt < 0 ? raw : raw.slice(0, queryAt);
  if (!path.startsWith(DOC_PATH_PREFIX)) return null;
  const query = new URLSearchParams(queryAt < 0 ? '' : raw.slice(queryAt + 1));
  const docName = decodeOrNull(path.slice(DOC_PATH_PREFIX.length));
  const bearer = query.get('token');
  if (bearer) return { docName, token: bearer, via: 'bearer' };
  const cookie = req.headers.cookie ? parseCookies(req.headers.cookie)[SESSION_COOKIE] : undefined;
  return { docName, token: cookie || null, via: 'cookie' };
}

function decodeOrNull(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}
