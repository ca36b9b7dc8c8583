import type { Membership } from '../../shared/schemas/auth.js';
import { hasRole } from '../../shared/roles.js';

/** Memberships whose role lets the person work in the console. */
export function staffMemberships(memberships: readonly Membership[]): Membership[] {
  return memberships.filter((m) => hasRole(m.role, 'staff'));
}

/** The space named by `?space=`, or the only one when there is exactly one; otherwise none yet. */
export function pickStaffSpace(search: string, staff: readonly Membership[]): Membership | null {
  const slug = new URLSearchParams(search).get('space');
  if (slug) return staff.find((m) => m.space.slug === slug) ?? null;
  return staff.length === 1 ? staff[0] : null;
}
