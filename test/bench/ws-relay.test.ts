import { afterEach, describe, expect, it } from 'vitest';
import { startWsRelay, textFrame, type WsRelay } from '../../bench/baselines/ws-relay.js';
import { FlakyClient } from '../../bench/harness/flaky-client.js';

const until = async (check: () => boolean, ms = 5000) => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('ws floor relay and the flaky client', () => {
  let relay: WsRelay | null = null;
  afterEach(async () => {
    await relay?.close();
    relay = null;
  });

  it('builds complete unmasked text frames', () => {
    expect([...textFrame('hi')]).toEqual([0x81, 2, 0x68, 0x69]);
    const long = textFrame('x'.repeat(300));
    expect([...long.subarray(0, 4)]).toEqual([0x81, 126, 1, 44]);
    expect(long.length).toBe(304);
  });

  it('speaks enough Socket.IO for a client to join a room and relay to the others in it, and a cut client hears nothing', async () => {
    relay = await startWsRelay();
    const url = `http://127.0.0.1:${relay.port}`;
    const heard: string[][] = [[], [], []];
    const clients = await Promise.all(
      heard.map((log) => FlakyClient.connect(url, null, { onEvent: (name, args) => log.push(`${name}:${String(args[0])}`) })),
    );
    for (const c of clients) expect(await c.emitWithAck('join', 'room')).toBe(true);
    expect(await clients[0]!.emitWithAck('say', { room: 'room', body: 'one' })).toBe(true);
    await until(() => heard[1]!.length === 1 && heard[2]!.length === 1);
    expect(heard).toEqual([[], ['said:one'], ['said:one']]);

    clients[2]!.cut();
    expect(await clients[0]!.emitWithAck('say', { room: 'room', body: 'two' })).toBe(true);
    await until(() => heard[1]!.length === 2);
    clients[2]!.reset(); // ws reads what is still buffered as the socket closes: still dropped
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard[2]).toEqual(['said:one']);
    for (const c of clients) c.close();
  });
});
