import { baseKeymap, chainCommands, exitCode, lift, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import { inputRules, textblockTypeInputRule, undoInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import type { MarkType, NodeType } from 'prosemirror-model';
import type { Command, EditorState, Plugin } from 'prosemirror-state';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { redo, undo } from 'y-prosemirror';
import { schema } from './schema.js';

const { nodes, marks } = schema;

/** Whether a mark is on at the cursor (or across the whole selection). */
export function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return Boolean(type.isInSet(state.storedMarks ?? $from.marks()));
  return state.doc.rangeHasMark(from, to, type);
}

/** Whether the cursor's textblock is of `type` (with `attrs`). */
export function blockActive(state: EditorState, type: NodeType, attrs?: Record<string, unknown>): boolean {
  return state.selection.$from.parent.hasMarkup(type, attrs);
}

/** Whether the cursor sits inside a node of `type` (a list or a quote). */
export function insideNode(state: EditorState, type: NodeType): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) if ($from.node(depth).type === type) return true;
  return false;
}

/** Heading ⇄ paragraph. */
export function toggleHeading(level: 2 | 3): Command {
  return (state, dispatch) =>
    blockActive(state, nodes.heading, { level })
      ? setBlockType(nodes.paragraph)(state, dispatch)
      : setBlockType(nodes.heading, { level })(state, dispatch);
}

/** Wraps in a list, or lifts out of one of the same kind. */
export function toggleList(type: NodeType): Command {
  return (state, dispatch) => (insideNode(state, type) ? liftListItem(nodes.list_item)(state, dispatch) : wrapInList(type)(state, dispatch));
}

export const toggleQuote: Command = (state, dispatch) =>
  insideNode(state, nodes.blockquote) ? lift(state, dispatch) : wrapIn(nodes.blockquote)(state, dispatch);

/** Puts a link on the selection (or removes every link there when `href` is null). */
export function setLink(href: string | null): Command {
  return (state, dispatch) => {
    const { from, to, empty } = state.selection;
    if (empty) return false;
    if (dispatch) {
      const tr = state.tr.removeMark(from, to, marks.link);
      if (href) tr.addMark(from, to, marks.link.create({ href }));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

export const toggleStrong = toggleMark(marks.strong);
export const toggleEm = toggleMark(marks.em);
export const toggleCode = toggleMark(marks.code);

const insertHardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView());
  return true;
});

/** Markdown-ish typing: "# " heading, "- " list, "1. " numbered list, "> " quote, "```" code. */
function markdownRules(): Plugin {
  return inputRules({
    rules: [
      textblockTypeInputRule(/^(#{1,3})\s$/, nodes.heading, (match) => ({ level: match[1]!.length })),
      wrappingInputRule(/^\s*>\s$/, nodes.blockquote),
      wrappingInputRule(/^\s*([-+*])\s$/, nodes.bullet_list),
      wrappingInputRule(
        /^(\d+)\.\s$/,
        nodes.ordered_list,
        (match) => ({ order: Number(match[1]) }),
        (match, node) => node.childCount + Number(node.attrs.order) === Number(match[1]),
      ),
      textblockTypeInputRule(/^```$/, nodes.code_block),
    ],
  });
}

/**
 * Keyboard: Mod-b/i/` marks, Mod-z undo and Mod-Shift-z / Mod-y redo (y-prosemirror's undo
 * only reverts this person's own edits), Mod-Alt-0..3 block types, Enter/Mod-[/Mod-] in lists.
 * Tab is left alone so keyboard users can leave the editor.
 */
export function editingPlugins(extraKeys: Record<string, Command> = {}): Plugin[] {
  return [
    markdownRules(),
    keymap({
      ...extraKeys,
      'Mod-z': undo,
      'Mod-y': redo,
      'Mod-Shift-z': redo,
      'Mod-b': toggleStrong,
      'Mod-i': toggleEm,
      'Mod-`': toggleCode,
      'Mod-Alt-0': setBlockType(nodes.paragraph),
      'Mod-Alt-1': setBlockType(nodes.heading, { level: 1 }),
      'Mod-Alt-2': setBlockType(nodes.heading, { level: 2 }),
      'Mod-Alt-3': setBlockType(nodes.heading, { level: 3 }),
      'Mod-Shift-8': toggleList(nodes.bullet_list),
      'Mod-Shift-9': toggleList(nodes.ordered_list),
      'Mod-Shift-.': toggleQuote,
      'Shift-Enter': insertHardBreak,
      Enter: splitListItem(nodes.list_item),
      'Mod-[': liftListItem(nodes.list_item),
      'Mod-]': sinkListItem(nodes.list_item),
      Backspace: undoInputRule,
    }),
    keymap(baseKeymap),
  ];
}
