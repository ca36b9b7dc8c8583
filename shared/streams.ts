import { parseKindAndId } from './ids.js';

/**
 * Ordered live streams. Every event in a stream has a per-stream sequence number
 * stored with it, so a client that reconnects asks for "everything after N".
 * - `space:<spaceId>` space-wide events (announcements, …)
 * - `user:<userId>` one person's own events (notifications, …)
 * - `wave:<waveId>` a wave's thread and changes
 * - `staff:<spaceId>` what only the space's staff see (the moderation queue, live)
 * Later features add `table:<id>`.
 */
export const STREAM_KINDS = ['space', 'user', 'wave', 'table', 'staff'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];
export interface StreamName {
  kind: StreamKind;
  id: string;
}

export const streamName = {
  space: (id: string) => `space:${id}`,
  user: (id: string) => `user:${id}`,
  wave: (id: string) => `wave:${id}`,
  table: (id: string) => `table:${id}`,
  staff: (spaceId: string) => `staff:${spaceId}`,
};

export function parseStreamName(name: string): StreamName | null {
  return parseKindAndId(name, STREAM_KINDS);
}
