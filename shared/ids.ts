/** Ids are opaque URL-safe strings made by the server (see server/lib/ids.ts). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{6,40}$/;

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}
