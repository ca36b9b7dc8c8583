import { WireSocket } from '../harness/wire-socket.js';

/**
 * A minimal Socket.IO client for the load generator (see WireSocket): the server sees exactly what
 * socket.io-client sends (`40{auth}`, `42<ack>[event, data]`, pongs); this side skips
 * socket.io-client's per-frame layers (Engine.IO socket, Manager, decoder, three emitters) and hands
 * event frames over as raw text, so one core can play thousands of fans. `npm run bench -- cafe`
 * can use socket.io-client instead (`client: 'socket.io-client'`), to show the difference.
 */
export class WireClient extends WireSocket {
  /** Every `42` event frame, as received (`42["name",{…}]`). */
  onEvent: (frame: string) => void = () => {};

  private constructor() {
    super();
  }

  /** Opens the socket and the main namespace (with `auth`, as socket.io-client's `auth` option). */
  static async connect(url: string, auth: Record<string, unknown> | null, timeoutMs = 60_000): Promise<WireClient> {
    const client = new WireClient();
    await client.open(url, auth, timeoutMs);
    return client;
  }

  protected event(frame: Buffer): void {
    this.onEvent(frame.toString());
  }
}
