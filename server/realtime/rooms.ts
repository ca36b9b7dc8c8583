/** Socket.IO room of a stream: every subscriber of `space:<id>` is in `stream:space:<id>`. */
export const streamRoom = (stream: string) => `stream:${stream}`;
/** Socket.IO room of the people watching a space's cafe floor (`floor:watch`). */
export const floorRoom = (spaceId: string, audience: 'members' | 'public' = 'members') =>
  audience === 'members' ? `floor:${spaceId}` : `floor:${spaceId}:public`;
/**
 * Socket.IO room of one person's own live events (notifications). Every signed-in socket joins
 * on connect: a full sign-in `person:<userId>`, a sign-in scoped to one space (brand SSO)
 * `person:<userId>:<spaceId>`, so it only hears about that space.
 */
export const personRoom = (userId: string, scopedSpaceId: string | null = null) =>
  scopedSpaceId === null ? `person:${userId}` : `person:${userId}:${scopedSpaceId}`;
