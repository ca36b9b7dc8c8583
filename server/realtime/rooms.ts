/** Socket.IO room of a stream: every subscriber of `space:<id>` is in `stream:space:<id>`. */
export const streamRoom = (stream: string) => `stream:${stream}`;
/** Socket.IO room of the people watching a space's cafe floor (`floor:watch`). */
export const floorRoom = (spaceId: string, audience: 'members' | 'public' = 'members') =>
  audience === 'members' ? `floor:${spaceId}` : `floor:${spaceId}:public`;
