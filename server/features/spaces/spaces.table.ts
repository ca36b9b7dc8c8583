import type { Selectable } from 'kysely';
import type { Role } from '../../../shared/roles.js';

export interface SpacesTable {
  id: string;
  slug: string;
  name: string;
  /** JSON of SpaceSettings. */
  settings: string;
  sso_secret: string;
  created_at: string;
}

export interface MembershipsTable {
  space_id: string;
  user_id: string;
  role: Role;
  joined_at: string;
}

export type SpaceRow = Selectable<SpacesTable>;
