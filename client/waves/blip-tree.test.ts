import { describe, expect, it } from 'vitest';
import type { Blip } from '../../shared/schemas/waves.js';
import { buildTree, markDeleted, mergePage, toggleReaction, upsertBlip, type BlipNode } from './blip-tree.js';

let n = 0;
function blip(id: string, parentId: string | null = null, anchored = false): Blip {
  return {
    id,
    waveId: 'wave_000001',
    parentId,
    anchor: anchored ? { offset: 3, quote: 'abc' } : null,
    author: { id: 'user_000001', displayName: 'Ana' },
    body: `body ${id}`,
    mentions: [],
    reactions: [],
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, n++)).toISOString(),
    editedAt: null,
    deleted: false,
    visibility: 'visible',
  };
}

const shape = (nodes: BlipNode[]): unknown => nodes.map((n) => (n.children.length ? [n.blip.id, n.depth, shape(n.children)] : [n.blip.id, n.depth]));

describe('buildTree', () => {
  it('nests depth-first lists and records depth', () => {
    const tree = buildTree([blip('a_00001'), blip('b_00001', 'a_00001'), blip('c_00001', 'b_00001'), blip('d_00001')]);
    expect(shape(tree)).toEqual([
      ['a_00001', 0, [['b_00001', 1, [['c_00001', 2]]]]],
      ['d_00001', 0],
    ]);
  });

  it('puts inline replies first under their parent', () => {
    const tree = buildTree([blip('a_00001'), blip('b_00001', 'a_00001'), blip('c_00001', 'a_00001', true)]);
    expect(shape(tree)).toEqual([['a_00001', 0, [['c_00001', 1], ['b_00001', 1]]]]);
  });

  it('shows a reply whose parent is not loaded yet at the top level', () => {
    expect(shape(buildTree([blip('b_00001', 'zz_00001')]))).toEqual([['b_00001', 0]]);
  });
});

describe('blip list updates', () => {
  it('dedupes by id when an ack and a stream event both bring a blip', () => {
    const a = blip('a_00001');
    const list = upsertBlip(upsertBlip([], a), { ...a, body: 'edited' });
    expect(list).toHaveLength(1);
    expect(list[0]!.body).toBe('edited');
    expect(mergePage(list, [a, blip('b_00001')]).map((b) => b.id)).toEqual(['a_00001', 'b_00001']);
  });

  it('keeps a deleted blip with replies in place without its text, and drops one without', () => {
    const [a] = markDeleted([blip('a_00001'), blip('b_00001', 'a_00001')], 'a_00001');
    expect(a).toMatchObject({ deleted: true, body: '' });
    expect(markDeleted([blip('a_00001')], 'a_00001')).toEqual([]);
  });

  it('toggles a reaction with consistent counts', () => {
    const on = toggleReaction([], 'heart', 'user_1', true);
    expect(on).toEqual([{ reaction: 'heart', count: 1, by: ['user_1'] }]);
    expect(toggleReaction(on, 'heart', 'user_1', true)).toEqual(on);
    expect(toggleReaction(on, 'heart', 'user_1', false)).toEqual([]);
  });
});
