import type { Result } from '../../shared/protocol/result.js';
import type { MyProfile, Profile, ProfilePatch } from '../../shared/schemas/people.js';
import type { ApiClient } from './api.js';

const v1 = '/api/v1';
const seg = encodeURIComponent;

/** A person's public page in a space: bio, interests, what they started, shaped, support, tables, spotlights, credits. */
export function getProfile(api: ApiClient, slug: string, userId: string): Promise<Result<Profile>> {
  return api.get(`${v1}/spaces/${seg(slug)}/people/${seg(userId)}`);
}

/** Your own profile texts, with what still waits for review. */
export function getMyProfile(api: ApiClient): Promise<Result<MyProfile>> {
  return api.get(`${v1}/me/profile`);
}

/**
 * Changes your profile; the display name and the bio are moderated, so the answer may carry them
 * in `pending` (waiting for review) while the public profile keeps the old text.
 */
export function updateMyProfile(api: ApiClient, patch: ProfilePatch): Promise<Result<MyProfile>> {
  return api.patch(`${v1}/me/profile`, patch);
}
