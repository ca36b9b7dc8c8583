import WebSocket from 'ws';

/**
 * A minimal Socket.IO client for the load generator: Engine.IO 4 / Socket.IO 5 frames over one
 * `ws` WebSocket, main namespace, text only. The server sees exactly what socket.io-client sends
 * (`40{auth}`, `42<ack>[event, data]`, pongs); this side skips socket.io-client's per-frame layers
 * (Engine.IO socket, Manager, decoder, three emitters) and hands event frames over as raw text,
 * so one core can play thousands of fans. `npm run bench -- cafe` can use socket.io-client instead
 * (`client: 'socket.io-client'`), to show the difference.
 */
export class WireClient {
  private readonly acks = new Map<number, (data: unknown) => void>();
  private nextAck = 0;
  private closedByUs = false;
  /** Every `42` event frame, as received (`42["name",{…}]`). */
  onEvent: (frame: string) => void = () => {};
  onClose: () => void = () => {};

  private constructor(private readonly ws: WebSocket) {}

  /** Opens the socket and the main namespace (with `auth`, as socket.io-client's `auth` option). */
  static connect(url: string, auth: Record<string, unknown> | null, timeoutMs = 60_000): Promise<WireClient> {
    const wsUrl = `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const ws = new WebSocket(wsUrl, { perMessageDeflate: false, skipUTF8Validation: true });
    const client = new WireClient(ws);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no Socket.IO connect within ${timeoutMs} ms`));
        ws.terminate();
      }, timeoutMs);
      let open = false;
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
        const frame = data.toString();
        const type = frame.charCodeAt(0);
        if (type === 52 /* '4' message */) {
          const packet = frame.charCodeAt(1);
          if (packet === 50 /* '2' event */) client.onEvent(frame);
          else if (packet === 51 /* '3' ack */) client.ack(frame);
          else if (packet === 48 /* '0' connect */) {
            open = true;
            clearTimeout(timer);
            resolve(client);
          } else if (packet === 52 /* '4' connect error */) {
            clearTimeout(timer);
            reject(new Error(`connect refused: ${frame.slice(2)}`));
            ws.close();
          }
        } else if (type === 50 /* '2' ping */) ws.send('3');
        else if (type === 48 /* '0' open */) ws.send(auth ? `40${JSON.stringify(auth)}` : '40');
        else if (type === 49 /* '1' close */) ws.close();
      });
    });
  }

  private ack(frame: string): void {
    let i = 2;
    while (i < frame.length && frame.charCodeAt(i) >= 48 && frame.charCodeAt(i) <= 57) i++;
    const id = Number(frame.slice(2, i));
    const done = this.acks.get(id);
    if (!done) return;
    this.acks.delete(id);
    const args = JSON.parse(frame.slice(i)) as unknown[];
    done(args[0]);
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

  close(): void {
    this.closedByUs = true;
    this.ws.terminate();
  }
}
