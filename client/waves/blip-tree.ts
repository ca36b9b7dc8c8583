import type { Blip, ReactionCount } from '../../shared/schemas/waves.js';

export interface BlipNode {
  blip: Blip;
  depth: number;
  children: BlipNode[];
}

/**
 * Nests blips (given in the server's depth-first display order) under their parents.
 * Inline replies (with an anchor) come first under their parent, right below the text
 * they answer; otherwise the given order is kept. A blip whose parent is not loaded yet
 * (paging) sits at the top level until it is.
 */
export function buildTree(blips: readonly Blip[]): BlipNode[] {
  const nodes = new Map<string, BlipNode>();
  for (const blip of blips) nodes.set(blip.id, { blip, depth: 0, children: [] });
  const roots: BlipNode[] = [];
  for (const blip of blips) {
    const node = nodes.get(blip.id)!;
    const parent = blip.parentId ? nodes.get(blip.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const settle = (list: BlipNode[], depth: number, seen: Set<BlipNode>) => {
    list.sort((a, b) => Number(b.blip.anchor !== null) - Number(a.blip.anchor !== null));
    for (const node of list) {
      if (seen.has(node)) continue;
      seen.add(node);
      node.depth = depth;
      settle(node.children, depth + 1, seen);
    }
  };
  settle(roots, 0, new Set());
  return roots;
}

/** Adds a blip, or replaces the one with its id (a stream event and an ack may both bring it). */
export function upsertBlip(blips: readonly Blip[], blip: Blip): Blip[] {
  const index = blips.findIndex((b) => b.id === blip.id);
  if (index < 0) return [...blips, blip];
  const next = blips.slice();
  next[index] = blip;
  return next;
}

/** Appends a page of blips, skipping ones already known (live events may have brought them). */
export function mergePage(blips: readonly Blip[], page: readonly Blip[]): Blip[] {
  const known = new Set(blips.map((b) => b.id));
  return [...blips, ...page.filter((b) => !known.has(b.id))];
}

/** A deleted blip with replies keeps its place (the replies stay) without its text; one without replies goes. */
export function markDeleted(blips: readonly Blip[], blipId: string): Blip[] {
  const hasReplies = blips.some((b) => b.parentId === blipId);
  if (!hasReplies) return blips.filter((b) => b.id !== blipId);
  return blips.map((b) => (b.id === blipId ? { ...b, deleted: true, body: '', mentions: [], reactions: [] } : b));
}

export function setReactions(blips: readonly Blip[], blipId: string, reactions: ReactionCount[]): Blip[] {
  return blips.map((b) => (b.id === blipId ? { ...b, reactions } : b));
}

/** Toggles one person's reaction locally (optimistic), keeping counts consistent. */
export function toggleReaction(reactions: readonly ReactionCount[], reaction: ReactionCount['reaction'], userId: string, on: boolean): ReactionCount[] {
  const list = reactions.map((r) => ({ ...r, by: [...r.by] }));
  let entry = list.find((r) => r.reaction === reaction);
  if (!entry) {
    if (!on) return list;
    entry = { reaction, count: 0, by: [] };
    list.push(entry);
  }
  const has = entry.by.includes(userId);
  if (on && !has) {
    entry.by.push(userId);
    entry.count++;
  } else if (!on && has) {
    entry.by = entry.by.filter((id) => id !== userId);
    entry.count--;
  }
  return list.filter((r) => r.count > 0);
}
