import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../shared/schemas/notifications.js';
import { notificationHeadline, reasonLabel } from './notification-text.js';

const base: Notification = {
  id: 'ntf_000001',
  kind: 'reply',
  space: { id: 'space_000001', slug: 'lumen', name: 'Lumen Bikes' },
  actor: { id: 'user_000001', displayName: 'Kenji Watanabe' },
  waveId: 'wave_000001',
  blipId: 'blip_000001',
  tableId: null,
  title: 'Rain-proof cargo cover',
  excerpt: 'Yes! Priya tested one.',
  reason: null,
  status: null,
  link: '/s/lumen/waves/wave_000001#blip-blip_000001',
  createdAt: '2026-01-01T00:00:00.000Z',
  readAt: null,
};

describe('notificationHeadline', () => {
  it('says who did what, where, for every kind', () => {
    expect(notificationHeadline(base)).toBe('Kenji Watanabe replied to you in “Rain-proof cargo cover”');
    expect(notificationHeadline({ ...base, kind: 'mention' })).toBe('Kenji Watanabe mentioned you in “Rain-proof cargo cover”');
    expect(notificationHeadline({ ...base, kind: 'status', status: 'planned' })).toBe('“Rain-proof cargo cover” is now Planned');
    expect(notificationHeadline({ ...base, kind: 'status', status: 'merged' })).toBe('“Rain-proof cargo cover” was merged into another idea');
    expect(notificationHeadline({ ...base, kind: 'shipped', status: 'shipped' })).toContain('shipped');
    expect(notificationHeadline({ ...base, kind: 'hand-answered', title: 'Night rides' })).toBe('Kenji Watanabe answered your raised hand at “Night rides”');
    expect(notificationHeadline({ ...base, kind: 'staff-joined', title: 'Night rides' })).toBe(
      'Kenji Watanabe from Lumen Bikes sat down at your table “Night rides”',
    );
    expect(notificationHeadline({ ...base, kind: 'moderation', status: 'rejected' })).toBe('Your post in “Rain-proof cargo cover” was not published');
    expect(notificationHeadline({ ...base, kind: 'spotlight', actor: null })).toBe('Someone put your contribution to “Rain-proof cargo cover” in the spotlight');
  });

  it('labels the reason by who gave it', () => {
    expect(reasonLabel({ ...base, kind: 'status' })).toBe('Reason:');
    expect(reasonLabel({ ...base, kind: 'moderation' })).toBe('Note from the moderators:');
  });
});
