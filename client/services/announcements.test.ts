import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events.js';
import type { PostAnnouncementInput, StreamEvent } from '../../shared/schemas/streams.js';
import { postAnnouncement } from './announcements.js';
import { createSocket, type AppSocket } from './socket.js';

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((close) => close()));

/** A Socket.IO server that drops the first `lose` acks of announcement:post, then answers. */
async function start(lose: number) {
  const http = createServer();
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http);
  const received: PostAnnouncementInput[] = [];
  io.on('connection', (socket) => {
    socket.on('announcement:post', (input, ack) => {
      received.push(input);
      if (received.length <= lose) return;
      const event: StreamEvent = {
        stream: `space:${input.spaceId}`,
        seq: 1,
        type: 'announcement:posted',
        data: { id: 'ann_000001', text: input.text, author: { id: 'user_000001', displayName: 'Mara' } },
        actorId: 'user_000001',
        createdAt: new Date(0).toISOString(),
      };
      ack({ ok: true, data: { event } });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const socket: AppSocket = createSocket({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` });
  socket.connect();
  await new Promise((resolve) => socket.once('connect', () => resolve(null)));
  cleanup.push(() => {
    socket.disconnect();
    void io.close();
  });
  return { socket, received };
}

const input = { spaceId: 'space_000001', text: 'Hello', idempotencyKey: 'key-0000001' };

describe('postAnnouncement', () => {
  it('re-sends with the same idempotency key after a lost ack', async () => {
    const { socket, received } = await start(1);
    const result = await postAnnouncement(socket, input, { timeoutMs: 200 });
    expect(result).toMatchObject({ ok: true, data: { event: { data: { text: 'Hello' } } } });
    expect(received.map((r) => r.idempotencyKey)).toEqual(['key-0000001', 'key-0000001']);
  });

  it('gives up with a clear error when no ack ever comes', async () => {
    const { socket, received } = await start(Infinity);
    const result = await postAnnouncement(socket, input, { timeoutMs: 100, attempts: 2 });
    expect(result).toMatchObject({ ok: false, error: { message: /didn't confirm/ } });
    expect(received).toHaveLength(2);
  });
});
