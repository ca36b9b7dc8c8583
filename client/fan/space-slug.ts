import type { Membership } from '../../shared/schemas/auth.js';

export const DEFAULT_SPACE_SLUG = 'demo';

/** The space to show: `?space=` wins, then the person's first space, then the demo space. */
export function chooseSpaceSlug(search: string, memberships: readonly Membership[]): string {
  const fromQuery = new URLSearchParams(search).get('space')?.trim();
  return fromQuery || memberships[0]?.space.slug || DEFAULT_SPACE_SLUG;
}
