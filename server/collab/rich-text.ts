import * as Y from 'yjs';

/**
 * The shared type every Commonplace document keeps its text in: a Y.XmlFragment named
 * `content`, written by y-prosemirror with the schema in client/editor/schema.ts: block
 * elements `paragraph`, `heading` (attribute `level` 1–3), `blockquote`, `bullet_list` and
 * `ordered_list` of `list_item`, `horizontal_rule`; text in Y.XmlText with formatting
 * attributes `strong`, `em`, `code` and `link` (`{href}`).
 */
export const CONTENT_FIELD = 'content';

export function writeParagraphs(doc: Y.Doc, paragraphs: string[]): void {
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  doc.transact(() => {
    fragment.insert(
      fragment.length,
      paragraphs.map((text) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(text)]);
        return paragraph;
      }),
    );
  });
}

/** Plain text of a document, one line per block: for search and previews. */
export function plainText(doc: Y.Doc): string {
  const lines: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment) => {
    if (node instanceof Y.XmlText) {
      const text = (node.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
      if (lines.length === 0) lines.push('');
      lines[lines.length - 1] += text;
      return;
    }
    if (node instanceof Y.XmlElement) lines.push('');
    node.toArray().forEach((child) => walk(child as Y.XmlElement | Y.XmlText));
  };
  walk(doc.getXmlFragment(CONTENT_FIELD));
  return lines.filter((l) => l.length > 0).join('\n');
}
