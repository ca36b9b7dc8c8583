export interface TreeNode {
  id: string;
  parentId: string | null;
  createdAt: string;
  deleted: boolean;
}

const olderFirst = (a: TreeNode, b: TreeNode) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Display order of a wave's thread: depth-first, each blip followed by its replies, siblings
 * oldest first. A deleted blip stays (as a placeholder) only while something below it is shown.
 */
export function displayOrder(nodes: TreeNode[]): string[] {
  const children = new Map<string | null, TreeNode[]>();
  const known = new Set(nodes.map((n) => n.id));
  for (const node of nodes) {
    const parent = node.parentId !== null && known.has(node.parentId) ? node.parentId : null;
    const list = children.get(parent);
    if (list) list.push(node);
    else children.set(parent, [node]);
  }
  for (const list of children.values()) list.sort(olderFirst);

  // Iterative: threads can be deeper than the call stack.
  const preorder: TreeNode[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    preorder.push(node);
    const below = children.get(node.id);
    if (below) for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]!);
  }

  // Reverse pre-order visits every reply before its parent.
  const shown = new Set<string>();
  for (let i = preorder.length - 1; i >= 0; i--) {
    const node = preorder[i]!;
    if (!node.deleted || (children.get(node.id) ?? []).some((c) => shown.has(c.id))) shown.add(node.id);
  }
  return preorder.filter((n) => shown.has(n.id)).map((n) => n.id);
}

interface Cursor {
  /** The last blip of the previous page. */
  id: string;
  /** Its position then, to resume near it if it has since disappeared from the order. */
  at: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string): Cursor | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof value.id === 'string' && Number.isInteger(value.at) && value.at! >= 0) return { id: value.id, at: value.at! };
  } catch {
    // fall through: not one of ours
  }
  return null;
}

/** Where the page after `cursor` starts in `order`. */
export function pageStart(order: string[], cursor: Cursor | null): number {
  if (!cursor) return 0;
  const index = order.indexOf(cursor.id);
  // Gone since: what followed it moved up one place.
  return index >= 0 ? index + 1 : Math.min(cursor.at, order.length);
}
