import { Schema, type MarkSpec, type NodeSpec } from 'prosemirror-model';
import { nodes as basic, marks as basicMarks } from 'prosemirror-schema-basic';
import { bulletList, listItem, orderedList } from 'prosemirror-schema-list';
import { safeHref } from '../text/markdown.js';

/**
 * The idea document's schema. Its node and mark names are the document contract: y-prosemirror
 * stores each node as a Y.XmlElement named after it, and marks as Y.XmlText attributes, inside
 * the Y.XmlFragment `content` (server/collab/rich-text.ts writes first drafts as `paragraph`s,
 * and reads these names for search and previews). Renaming one orphans existing documents.
 */

/** Headings stop at level 3: an idea needs sections, not an outline. */
const heading: NodeSpec = {
  attrs: { level: { default: 2, validate: 'number' } },
  content: 'inline*',
  group: 'block',
  defining: true,
  parseDOM: [
    { tag: 'h1', attrs: { level: 1 } },
    { tag: 'h2', attrs: { level: 2 } },
    { tag: 'h3', attrs: { level: 3 } },
    { tag: 'h4', attrs: { level: 3 } },
    { tag: 'h5', attrs: { level: 3 } },
    { tag: 'h6', attrs: { level: 3 } },
  ],
  toDOM: (node) => [`h${Math.min(3, Math.max(1, Number(node.attrs.level) || 2))}`, 0],
};

/**
 * Links may come from any collaborator's client, not only from ours: the href is checked when
 * it is drawn, so a `javascript:` href written straight into the shared document never becomes
 * a live link here.
 */
const link: MarkSpec = {
  attrs: { href: { validate: 'string' }, title: { default: null } },
  inclusive: false,
  parseDOM: [
    {
      tag: 'a[href]',
      getAttrs: (dom) => {
        const href = safeHref((dom as HTMLElement).getAttribute('href') ?? '');
        return href ? { href, title: (dom as HTMLElement).getAttribute('title') } : false;
      },
    },
  ],
  toDOM: (mark) => {
    const href = safeHref(String(mark.attrs.href ?? ''));
    return ['a', { href, title: mark.attrs.title, rel: 'nofollow ugc noopener', target: '_blank' }, 0];
  },
};

export const NODE_NAMES = [
  'doc',
  'paragraph',
  'heading',
  'blockquote',
  'horizontal_rule',
  'code_block',
  'text',
  'hard_break',
  'bullet_list',
  'ordered_list',
  'list_item',
] as const;
export const MARK_NAMES = ['strong', 'em', 'code', 'link'] as const;

export const schema = new Schema({
  nodes: {
    doc: basic.doc,
    paragraph: basic.paragraph,
    heading,
    blockquote: basic.blockquote,
    horizontal_rule: basic.horizontal_rule,
    code_block: basic.code_block,
    text: basic.text,
    hard_break: basic.hard_break,
    bullet_list: { ...bulletList, content: 'list_item+', group: 'block' },
    ordered_list: { ...orderedList, content: 'list_item+', group: 'block' },
    list_item: { ...listItem, content: 'paragraph block*' },
  },
  marks: { strong: basicMarks.strong, em: basicMarks.em, code: basicMarks.code, link },
});

/** The Y.XmlFragment every idea document keeps its text in (server/collab/rich-text.ts CONTENT_FIELD). */
export const CONTENT_FIELD = 'content';
