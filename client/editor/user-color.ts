/**
 * Cursor and presence colours. y-prosemirror only accepts 6-digit hex; every colour here
 * keeps 4.5:1 contrast with white text (the name label on a cursor).
 */
export const USER_COLORS = [
  '#b42318', '#b54708', '#027a48', '#026aa2', '#175cd3', '#5925dc', '#9e165f', '#c11574', '#4e5ba6', '#107569',
] as const;

/** The same person always gets the same colour, on every screen. */
export function userColor(userId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return USER_COLORS[(hash >>> 0) % USER_COLORS.length]!;
}
