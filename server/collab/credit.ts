import * as Y from 'yjs';

/**
 * Characters of text an update inserts: the string content of its new items. Formatting,
 * structure (paragraphs) and deletions count for nothing; a decoded update holds only the
 * content that survived, so text typed and removed within one update is not counted.
 */
export function insertedChars(update: Uint8Array): number {
  let chars = 0;
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) chars += struct.content.str.length;
  }
  return chars;
}
