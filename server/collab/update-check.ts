import * as Y from 'yjs';

/**
 * Whether applying `update` would change `doc`; throws when the bytes are not a Yjs update,
 * so nothing undecodable is ever stored. Reconnecting clients resend their whole delete set
 * in SyncStep2, which would otherwise add a no-op row to the log on every connect.
 */
export function changesDoc(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true;
  }
  for (const [client, ranges] of ds.clients) {
    const known = doc.store.clients.get(client);
    for (const { clock, len } of ranges) {
      if (len === 0) continue;
      if (!known || clock + len > Y.getState(doc.store, client)) return true;
      for (let i = Y.findIndexSS(known, clock); i < known.length && known[i]!.id.clock < clock + len; i++) {
        if (!known[i]!.deleted) return true;
      }
    }
  }
  return false;
}
