import WebSocket from 'ws';

/**
 * A Socket.IO watcher for the big-wave benchmark's 5,000 connections in one process: the frames
 * socket.io-client sends (Engine.IO 4 / Socket.IO 5 over one `ws` WebSocket, main namespace), like
 * cafe-wire.ts's WireClient, but an event frame is handed over as the raw Buffer it arrived in,
 * never decoded into a string: at 50,000 frames a second the generator's core is the limit, and
 * finding a tag with `Buffer.indexOf` costs a fraction of decoding 600 bytes of UTF-8 per frame.
 */
export class SioWatcher {
  private readonly acks = new Map<number, (data: unknown) => void>();
  private nextAck = 0;
  private closedByUs = false;
  /** Every `42` event frame, as received. */
  onEvent: (frame: Buffer) => void = () => {};
  onClose: () => void = () => {};

  private constructor(private readonly ws: WebSocket) {}

  static connect(url: string, auth: Record<string, unknown> | null, timeoutMs = 60_000): Promise<SioWatcher> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false, skipUTF8Validation: true });
    const watcher = new SioWatcher(ws);
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
        } else if (!watcher.closedByUs) watcher.onClose();
      });
      ws.on('message', (data: Buffer) => {
        const type = data[0];
        if (type === 52 /* '4' message */) {
          const packet = data[1];
          if (packet === 50 /* '2' event */) watcher.onEvent(data);
          else if (packet === 51 /* '3' ack */) watcher.ack(data.toString());
          else if (packet === 48 /* '0' connect */) {
            open = true;
            clearTimeout(timer);
            resolve(watcher);
          } else if (packet === 52 /* '4' connect error */) {
            clearTimeout(timer);
            reject(new Error(`connect refused: ${data.toString().slice(2)}`));
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
    const done = this.acks.get(Number(frame.slice(2, i)));
    if (!done) return;
    this.acks.delete(Number(frame.slice(2, i)));
    done((JSON.parse(frame.slice(i)) as unknown[])[0]);
  }

  /** `socket.emitWithAck(event, data)`. */
  emitWithAck(event: string, data: unknown): Promise<unknown> {
    return new Promise((resolve) => {
      const id = this.nextAck++;
      this.acks.set(id, resolve);
      this.ws.send(`42${id}${JSON.stringify([event, data])}`);
    });
  }

  close(): void {
    this.closedByUs = true;
    this.ws.terminate();
  }
}

/**
 * Reads `#bw<k>@<ms>#` out of a frame without decoding it: the message number and its intended
 * send time (performance.now(), ms with a fraction). Null when the frame holds no tag.
 */
export function readTag(frame: Buffer, tagStart: Buffer): { k: number; intended: number } | null {
  const at = frame.indexOf(tagStart);
  if (at < 0) return null;
  let i = at + tagStart.length;
  let k = 0;
  for (let c = frame[i]!; c >= 48 && c <= 57; c = frame[++i]!) k = k * 10 + (c - 48);
  if (frame[i] !== 64 /* @ */) return null;
  i++;
  let whole = 0;
  for (let c = frame[i]!; c >= 48 && c <= 57; c = frame[++i]!) whole = whole * 10 + (c - 48);
  let fraction = 0;
  let scale = 1;
  if (frame[i] === 46 /* . */) {
    i++;
    for (let c = frame[i]!; c >= 48 && c <= 57; c = frame[++i]!) {
      fraction = fraction * 10 + (c - 48);
      scale *= 10;
    }
  }
  if (frame[i] !== 35 /* # */) return null;
  return { k, intended: whole + fraction / scale };
}
