import { describe, expect, it } from 'vitest';
import { startSocketIoRelay } from '../../bench/baselines/socketio-relay.js';
import { readTag, SioWatcher } from '../../bench/harness/sio-watcher.js';
import { WireClient } from '../../bench/scenarios/cafe-wire.js';

const TAG = Buffer.from('#bw');

describe('Socket.IO watcher for the big wave', () => {
  it('reads a message number and intended time out of a raw frame', () => {
    expect(readTag(Buffer.from('42["said","{\\"body\\":\\"Hello there #bw1234@5678.125#\\"}"]'), TAG)).toEqual({ k: 1234, intended: 5678.125 });
    expect(readTag(Buffer.from('42["said","#bw7@90#"]'), TAG)).toEqual({ k: 7, intended: 90 });
    expect(readTag(Buffer.from('42["said","no tag"]'), TAG)).toBeNull();
    expect(readTag(Buffer.from('42["said","#bw12@"]'), TAG)).toBeNull();
  });

  it('joins a room on the bare relay and receives what is said there, as raw frames', async () => {
    const relay = await startSocketIoRelay();
    const url = `http://127.0.0.1:${relay.port}`;
    const watcher = await SioWatcher.connect(url, null);
    const sender = await WireClient.connect(url, null);
    try {
      expect(await watcher.emitWithAck('join', 'room')).toBe(true);
      const got = new Promise<Buffer>((resolve) => {
        watcher.onEvent = resolve;
      });
      await sender.emitWithAck('say', { room: 'room', body: 'Evening ride #bw3@12.5#' });
      const frame = await got;
      expect(frame.toString()).toBe('42["said","Evening ride #bw3@12.5#"]');
      expect(readTag(frame, TAG)).toEqual({ k: 3, intended: 12.5 });
    } finally {
      watcher.close();
      sender.close();
      await relay.close();
    }
  });
});
