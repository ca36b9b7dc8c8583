/**
 * bench/baselines/socketio-relay.ts with Socket.IO's own connection state recovery switched on
 * (`connectionStateRecovery`, its defaults: sessions and broadcast packets kept 2 minutes,
 * middlewares skipped on recovery), for the `drop` scenario's second baseline. Same events:
 * `join` a room, `say` relays the body to the others in it. Socket.IO then appends an offset to
 * every broadcast event; a client that reconnects with its session id (`pid`) and the last offset
 * it received gets the room's packets after that offset replayed, and its rooms back, provided
 * the server noticed the old connection close first and no more than 2 minutes went by.
 *
 *   node --import tsx bench/baselines/socketio-recovery.ts   → prints {"port": N}, runs until SIGTERM
 */
import { pathToFileURL } from 'node:url';
import { runRelayProcess, startSocketIoRelay, type SocketIoRelay } from './socketio-relay.js';

export function startRecoveringRelay(host = '127.0.0.1'): Promise<SocketIoRelay> {
  return startSocketIoRelay(host, { recovery: true });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runRelayProcess(() => startRecoveringRelay());
