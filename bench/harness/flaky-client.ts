import type { Socket } from 'node:net';
import { WireSocket } from './wire-socket.js';

/**
 * A minimal Socket.IO client (Engine.IO 4 / Socket.IO 5 text frames over one `ws` WebSocket, main
 * namespace, the frames socket.io-client sends) whose network can be cut, for the `drop`
 * scenario. It also does what socket.io-client does for Socket.IO's connection state recovery:
 * it keeps the session id (`pid`) from the server's CONNECT packet and the offset Socket.IO
 * appends to every broadcast event, and presents both when it connects again.
 *
 * `cut()` is the network going away: the client stops reading its TCP socket and sends nothing,
 * so whatever the server writes meanwhile never reaches the application, and the server notices
 * nothing. `reset()` is the network coming back to a client that has given the old connection
 * up: the socket is destroyed with a TCP RST (as a host answers segments of a connection it no
 * longer knows), unread data is dropped, and the server sees the connection close at once.
 */
export class FlakyClient extends WireSocket {
  /** Cut off: whatever still reaches this process (ws reads a socket's buffered bytes as it closes) is dropped. */
  private down = false;
  /** Socket.IO's connection state recovery: the session id the server gave, when it has it on. */
  pid: string | null = null;
  /** The offset of the last broadcast event received (connection state recovery). */
  offset: string | null = null;
  /** The server's CONNECT packet said this connection resumed the previous session (same pid). */
  recovered = false;
  /** Every event, as `[name, ...args]` (the recovery offset taken off). */
  onEvent: (name: string, args: unknown[]) => void = () => {};

  private constructor(
    /** When set: a session to resume (connection state recovery). */
    private readonly resume: { pid: string; offset: string } | null,
  ) {
    super();
    if (resume) {
      this.pid = resume.pid;
      this.offset = resume.offset;
    }
  }

  /**
   * Opens the socket and the main namespace with `auth`; with `resume` (the `pid` and `offset` of
   * an earlier connection), asks Socket.IO to recover that session, as socket.io-client does.
   * `onClose` is called when the connection closes without close() or reset().
   */
  static async connect(
    url: string,
    auth: Record<string, unknown> | null,
    options: { resume?: { pid: string; offset: string } | null; timeoutMs?: number; onEvent?: FlakyClient['onEvent'] } = {},
  ): Promise<FlakyClient> {
    const client = new FlakyClient(options.resume ?? null);
    if (options.onEvent) client.onEvent = options.onEvent;
    const resume = options.resume ? { pid: options.resume.pid, offset: options.resume.offset } : {};
    await client.open(url, { ...auth, ...resume }, options.timeoutMs);
    return client;
  }

  protected override ignoring(): boolean {
    return this.down;
  }

  protected override connected(info: { sid?: string; pid?: string }): void {
    this.recovered = !!info.pid && info.pid === this.resume?.pid;
    if (info.pid) this.pid = info.pid;
  }

  protected event(data: Buffer): void {
    const frame = data.toString();
    let i = 2;
    while (i < frame.length && frame.charCodeAt(i) >= 48 && frame.charCodeAt(i) <= 57) i++;
    const args = JSON.parse(frame.slice(i)) as unknown[];
    // With recovery on, Socket.IO appends the packet's offset to broadcast events (socket.io-client takes it off the same way).
    if (this.pid && args.length > 1 && typeof args[args.length - 1] === 'string') this.offset = args.pop() as string;
    this.onEvent(String(args[0]), args.slice(1));
  }

  private get socket(): Socket {
    return (this.ws as unknown as { _socket: Socket })._socket;
  }

  /** The network goes away: nothing is read or sent from now on; the server is not told. */
  cut(): void {
    this.down = true;
    this.socket.pause();
  }

  /** The client gives the connection up: TCP RST, unread data dropped, the server sees it close. */
  reset(): void {
    this.closedByUs = true;
    const socket = this.socket;
    if (socket && !socket.destroyed) socket.resetAndDestroy();
    else this.ws.terminate();
  }
}
