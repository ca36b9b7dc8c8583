import WebSocket from 'ws';

/**
 * The frames socket.io-client sends and understands, without its layers: Engine.IO 4 / Socket.IO 5
 * over one `ws` WebSocket, main namespace, text. The handshake (`40{payload}`), pongs, events out
 * with or without an acknowledgement, and the acknowledgements back. The benchmarks' load
 * generators (cafe-wire, sio-watcher, flaky-client) build on it so that one core can play
 * thousands of clients; each decides what to do with an event frame.
 */
export abstract class WireSocket {
  protected ws!: WebSocket;
  protected closedByUs = false;
  private readonly acks = new Map<number, (data: unknown) => void>();
  private nextAck = 0;
  /** The connection closed after it opened, without close() (or a subclass's own ending). */
  onClose: () => void = () => {};

  /** A `42` event frame, as it arrived. */
  protected abstract event(frame: Buffer): void;

  /** The namespace's CONNECT answer: its payload (`sid`, and `pid` with state recovery on). */
  protected connected(_info: { sid?: string; pid?: string }): void {}

  /** While true, frames that still arrive are dropped unread (a cut network). */
  protected ignoring(): boolean {
    return false;
  }

  /** Opens the socket and the main namespace, with `payload` in CONNECT (socket.io-client's `auth`). */
  protected open(url: string, payload: Record<string, unknown> | null, timeoutMs = 60_000): Promise<void> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false, skipUTF8Validation: true });
    this.ws = ws;
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
        } else if (!this.closedByUs) this.onClose();
      });
      ws.on('message', (data: Buffer) => {
        if (this.ignoring()) return;
        const type = data[0];
        if (type === 52 /* '4' message */) {
          const packet = data[1];
          if (packet === 50 /* '2' event */) this.event(data);
          else if (packet === 51 /* '3' ack */) this.ack(data.toString());
          else if (packet === 48 /* '0' connect */) {
            this.connected(data.length > 2 ? (JSON.parse(data.toString().slice(2)) as { sid?: string; pid?: string }) : {});
            open = true;
            clearTimeout(timer);
            resolve();
          } else if (packet === 52 /* '4' connect error */) {
            clearTimeout(timer);
            reject(new Error(`connect refused: ${data.toString().slice(2)}`));
            ws.close();
          }
        } else if (type === 50 /* '2' ping */) ws.send('3');
        else if (type === 48 /* '0' open */) ws.send(payload && Object.keys(payload).length > 0 ? `40${JSON.stringify(payload)}` : '40');
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

  /** `socket.emitWithAck(event, data)`. */
  emitWithAck(event: string, data: unknown): Promise<unknown> {
    return new Promise((resolve) => this.emit(event, data, resolve));
  }

  close(): void {
    this.closedByUs = true;
    this.ws.terminate();
  }
}
