import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../shared/schemas/notifications.js';
import { markIn, mergeNotifications } from './notification-list.js';

const n = (id: string, createdAt: string, slug = 'acme', readAt: string | null = null): Notification => ({
  id,
  kind: 'reply',
  space: { id: `space_${slug}`, slug, name: slug },
  actor: null,
  waveId: null,
  blipId: null,
  tableId: null,
  title: 't',
  excerpt: null,
  reason: null,
  status: null,
  link: '/',
  createdAt,
  readAt,
});

describe('mergeNotifications', () => {
  it('keeps each once, newest first, and never un-reads one', () => {
    const older = [n('ntf_000002', '2026-01-02T00:00:00Z', 'acme', '2026-01-03T00:00:00Z'), n('ntf_000001', '2026-01-01T00:00:00Z')];
    const fresh = [n('ntf_000003', '2026-01-04T00:00:00Z'), n('ntf_000002', '2026-01-02T00:00:00Z')];
    const merged = mergeNotifications(fresh, older);
    expect(merged.map((x) => x.id)).toEqual(['ntf_000003', 'ntf_000002', 'ntf_000001']);
    expect(merged[1]!.readAt).toBe('2026-01-03T00:00:00Z');
  });

  it('orders ties by id, descending', () => {
    const at = '2026-01-01T00:00:00Z';
    expect(mergeNotifications([n('ntf_aaaaaa', at)], [n('ntf_bbbbbb', at)]).map((x) => x.id)).toEqual(['ntf_bbbbbb', 'ntf_aaaaaa']);
  });
});

describe('markIn', () => {
  const items = [n('ntf_000001', '2026-01-01T00:00:00Z', 'acme'), n('ntf_000002', '2026-01-01T00:00:01Z', 'lumen')];
  const at = '2026-02-01T00:00:00Z';

  it('marks the ids named', () => {
    const out = markIn(items, { ids: ['ntf_000002'], all: false, space: null, unread: 1 }, at);
    expect(out.map((x) => x.readAt)).toEqual([null, at]);
  });

  it('marks all, or all of one space', () => {
    expect(markIn(items, { ids: null, all: true, space: null, unread: 0 }, at).every((x) => x.readAt === at)).toBe(true);
    expect(markIn(items, { ids: null, all: true, space: 'acme', unread: 1 }, at).map((x) => x.readAt)).toEqual([at, null]);
  });
});
