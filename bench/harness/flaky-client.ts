import type { Socket } from 'node:net';
import WebSocket from 'ws';

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
export class FlakyClient {
  private readonly acks = new Map<number, (data: unknown) => void>();
  private nextAck = 0;
  private closedByUs = false;
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
  /** The connection closed without close() or reset(). */
  onClose: () => void = () => {};

  private constructor(
    private readonly ws: WebSocket,
    /** When set: a session to resume (connection state recovery). */
    resume: { pid: string; offset: string } | null,
  ) {
    if (resume) {
      this.pid = resume.pid;
      this.offset = resume.offset;
    }
  }

  /**
   * Opens the socket and the main namespace with `auth`; with `resume` (the `pid` and `offset` of
   * an earlier connection), asks Socket.IO to recover that session, as socket.io-client does.
   */
  static connect(
    url: string,
    auth: Record<string, unknown> | null,
    options: { resume?: { pid: string; offset: string } | null; timeoutMs?: number; onEvent?: FlakyClient['onEvent'] } = {},
  ): Promise<FlakyClient> {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false, skipUTF8Validation: true });
    const client = new FlakyClient(ws, options.resume ?? null);
    if (options.onEvent) client.onEvent = options.onEvent;
    return new Promise((resolve, reject) => {
      let open = false;
      const timer = setTimeout(() => {
        reject(new Error(`no Socket.IO connect within ${timeoutMs} ms`));
        ws.terminate();
      }, timeoutMs);
      ws.on('error', (err) => {
        if (!open) {
          clearTimeout(timer);
          reject(err);
        }
      });
      ws.on('close', () => {
        if (!open) {
          clearTimeout(timer);
          reject(new Error('closed before the namespace connected'));
        } else if (!client.closedByUs) client.onClose();
      });
      ws.on('message', (data: Buffer) => {
        if (client.down) return;
        const frame = data.toString();
        const type = frame.charCodeAt(0);
        if (type === 52 /* '4' message */) {
          const packet = frame.charCodeAt(1);
          if (packet === 50 /* '2' event */) client.event(frame);
          else if (packet === 51 /* '3' ack */) client.ack(frame);
          else if (packet === 48 /* '0' connect */) {
            const info = frame.length > 2 ? (JSON.parse(frame.slice(2)) as { sid?: string; pid?: string }) : {};
            client.recovered = !!info.pid && info.pid === options.resume?.pid;
            if (info.pid) client.pid = info.pid;
            open = true;
            clearTimeout(timer);
            resolve(client);
          } else if (packet === 52 /* '4' connect error */) {
            clearTimeout(timer);
            reject(new Error(`connect refused: ${frame.slice(2)}`));
            ws.close();
          }
        } else if (type === 50 /* '2' ping */) ws.send('3');
        else if (type === 48 /* '0' open */) {
          const resume = options.resume ? { pid: options.resume.pid, offset: options.resume.offset } : {};
          const payload = { ...auth, ...resume };
          ws.send(Object.keys(payload).length > 0 ? `40${JSON.stringify(payload)}` : '40');
        } else if (type === 49 /* '1' close */) ws.close();
      });
    });
  }

  private event(frame: string): void {
    let i = 2;
    while (i < frame.length && frame.charCodeAt(i) >= 48 && frame.charCodeAt(i) <= 57) i++;
    const args = JSON.parse(frame.slice(i)) as unknown[];
    // With recovery on, Socket.IO appends the packet's offset to broadcast events (socket.io-client takes it off the same way).
    if (this.pid && args.length > 1 && typeof args[args.length - 1] === 'string') this.offset = args.pop() as string;
    this.onEvent(String(args[0]), args.slice(1));
  }

  private ack(frame: string): void {
    let i = 2;
    while (i < frame.length && frame.charCodeAt(i) >= 48 && frame.charCodeAt(i) <= 57) i++;
    const id = Number(frame.slice(2, i));
    const done = this.acks.get(id);
    if (!done) return;
    this.acks.delete(id);
    done((JSON.parse(frame.slice(i)) as unknown[])[0]);
  }

  /** `socket.emit(event, data, ack)`. */
  emit(event: string, data: unknown, ack?: (reply: unknown) => void): void {
    if (ack) {
      const id = this.nextAck++;
      this.acks.set(id, ack);
      this.ws.send(`42${id}${JSON.stringify([event, data])}`);
    } else this.ws.send(`42${JSON.stringify([event, data])}`);
  }

  emitWithAck(event: string, data: unknown): Promise<unknown> {
    return new Promise((resolve) => this.emit(event, data, resolve));
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

  close(): void {
    this.closedByUs = true;
    this.ws.terminate();
  }
}
