import { parseKindAndId } from './ids.js';

/**
 * Live Yjs documents, addressed as `ws://HOST/yjs/<docName>`.
 * - `space:<spaceId>` the space's welcome guide: staff write, everyone in the space reads.
 * - `wave:<waveId>` a wave's idea document.
 * - `table:<tableId>` a cafe table's shared notepad.
 */
export const DOC_KINDS = ['space', 'wave', 'table'] as const;
export type DocKind = (typeof DOC_KINDS)[number];
export interface DocName {
  kind: DocKind;
  id: string;
}

export const docName = {
  space: (id: string) => `space:${id}`,
  wave: (id: string) => `wave:${id}`,
  table: (id: string) => `table:${id}`,
};

/** Parses `kind:id`; null for anything else, so unknown names never reach a resolver. */
export function parseDocName(name: string): DocName | null {
  return parseKindAndId(name, DOC_KINDS);
}
