/** Ids are opaque URL-safe strings made by the server (see server/lib/ids.ts). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{6,40}$/;

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** Splits `kind:id` names (documents, streams); null unless the kind is listed and the id is well formed. */
export function parseKindAndId<K extends string>(name: string, kinds: readonly K[]): { kind: K; id: string } | null {
  const at = name.indexOf(':');
  if (at < 0) return null;
  const kind = name.slice(0, at) as K;
  const id = name.slice(at + 1);
  return kinds.includes(kind) && isId(id) ? { kind, id } : null;
}
