import { describe, expect, it } from 'vitest';
import type { Pipeline, PipelineWave } from '../../shared/schemas/pipeline.js';
import { breadthLine, countsLine, findCard, moveChoices, reasonPrompt } from './pipeline-board.js';

const card = (id: string, over: Partial<PipelineWave['wave']> = {}): PipelineWave => ({
  wave: {
    id,
    spaceId: 'space_1',
    title: `Wave ${id}`,
    status: 'open',
    tags: [],
    author: { id: 'p1', displayName: 'Ana' },
    supporters: 1,
    contributors: 3,
    replies: 0,
    locked: false,
    mergedInto: null,
    createdAt: '2026-05-01T10:00:00.000Z',
    lastActivityAt: '2026-05-01T10:00:00.000Z',
    viewerSupports: false,
    ...over,
  },
  breadth: { tables: 2, firstTimeContributors: 1 },
  mergeCandidates: [],
  lastChange: null,
});

describe('the ideas board', () => {
  it('says counts and breadth in words', () => {
    expect(countsLine(card('w1'))).toBe('1 supporter · 3 contributors');
    expect(breadthLine({ tables: 2, firstTimeContributors: 1 })).toBe('2 tables · 1 first-time contributor');
    expect(breadthLine({ tables: 1, firstTimeContributors: 0 })).toBe('1 table · 0 first-time contributors');
  });

  it('offers every other status, and asks for a shipping note when shipping', () => {
    expect(moveChoices('planned').map((c) => c.value)).toEqual(['open', 'under-review', 'in-progress', 'shipped', 'declined']);
    expect(reasonPrompt('shipped').label).toBe('Shipping note (public)');
    expect(reasonPrompt('declined').label).toBe('Public reason');
  });

  it('finds a card after a reload', () => {
    const pipeline: Pipeline = {
      at: '2026-05-01T10:00:00.000Z',
      columns: [
        { status: 'open', total: 1, waves: [card('w1')] },
        { status: 'planned', total: 1, waves: [card('w2', { status: 'planned' })] },
      ],
    };
    expect(findCard(pipeline, 'w2')?.column).toBe('planned');
    expect(findCard(pipeline, 'nope')).toBeNull();
  });
});
