import { unauthenticated } from '../http/errors.js';
import type { Viewer } from '../features/users/viewer.js';
import type { AppSocket } from './io.js';

/** The socket's signed-in person; anonymous sockets may only read. */
export function signedIn(socket: AppSocket): Viewer {
  const viewer = socket.data.viewer;
  if (!viewer) throw unauthenticated();
  return viewer;
}
