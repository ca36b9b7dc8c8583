import { describe, expect, it } from 'vitest';
import type { Membership } from '../../shared/schemas/auth.js';
import { pickStaffSpace, staffMemberships } from './staff-spaces.js';

const m = (slug: string, role: Membership['role']): Membership => ({
  space: { id: `id_${slug}_123`, slug, name: slug.toUpperCase() },
  role,
});

describe('staff spaces', () => {
  it('keeps staff and admin memberships only', () => {
    const list = staffMemberships([m('a', 'fan'), m('b', 'staff'), m('c', 'admin')]);
    expect(list.map((x) => x.space.slug)).toEqual(['b', 'c']);
  });

  it('picks the named space, or the only one', () => {
    const staff = [m('b', 'staff'), m('c', 'admin')];
    expect(pickStaffSpace('c', staff)?.space.slug).toBe('c');
    expect(pickStaffSpace('zzz', staff)).toBeNull();
    expect(pickStaffSpace(null, staff)).toBeNull();
    expect(pickStaffSpace(null, [m('b', 'staff')])?.space.slug).toBe('b');
  });
});
