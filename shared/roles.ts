export const ROLES = ['fan', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const rank: Record<Role, number> = { fan: 0, staff: 1, admin: 2 };

/** True when `role` is at least `needed` (admin ⊇ staff ⊇ fan). */
export function hasRole(role: Role | null | undefined, needed: Role): boolean {
  return role != null && rank[role] >= rank[needed];
}
