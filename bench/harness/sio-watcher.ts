import { WireSocket } from './wire-socket.js';

/**
 * A Socket.IO watcher for the big-wave benchmark's 5,000 connections in one process: the frames
 * socket.io-client sends (WireSocket), like cafe-wire.ts's WireClient, but an event frame is
 * handed over as the raw Buffer it arrived in, never decoded into a string: at 50,000 frames a second the generator's core is the limit, and
 * finding a tag with `Buffer.indexOf` costs a fraction of decoding 600 bytes of UTF-8 per frame.
 */
export class SioWatcher extends WireSocket {
  /** Every `42` event frame, as received. */
  onEvent: (frame: Buffer) => void = () => {};

  private constructor() {
    super();
  }

  static async connect(url: string, auth: Record<string, unknown> | null, timeoutMs = 60_000): Promise<SioWatcher> {
    const watcher = new SioWatcher();
    await watcher.open(url, auth, timeoutMs);
    return watcher;
  }

  protected event(frame: Buffer): void {
    this.onEvent(frame);
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
