import type { Membership } from '../../shared/schemas/auth.js';
import { hasRole } from '../../shared/roles.js';

/** Memberships whose role lets the person work in the console. */
export function staffMemberships(memberships: readonly Membership[]): Membership[] {
  return memberships.filter((m) => hasRole(m.role, 'staff'));
}

/** The space named by `slug` (an old `?space=` link), or the only one when there is exactly one; otherwise none yet. */
export function pickStaffSpace(slug: string | null, staff: readonly Membership[]): Membership | null {
  if (slug) return staff.find((m) => m.space.slug === slug) ?? null;
  return staff.length === 1 ? staff[0]! : null;
}
