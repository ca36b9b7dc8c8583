import { describe, expect, it } from 'vitest';
import type { CatalystEntry } from '../../../shared/schemas/insights.js';
import { drawnPhrases, peopleText, scoreText, spotlightWave, volumeText, waysText } from './catalyst-text.js';

const entry = (components: Partial<CatalystEntry['components']>, volumeByKind: Partial<CatalystEntry['components']['volumeByKind']> = {}): CatalystEntry => ({
  rank: 1,
  person: { id: 'u_quiet01', displayName: 'Quinn' },
  score: 1.5,
  reach: 6,
  components: {
    repliers: 0,
    coEditors: 0,
    tableGuests: 0,
    returningNewcomers: 0,
    volume: 0,
    ...components,
    volumeByKind: { blips: 0, waves: 0, edits: 0, tables: 0, messages: 0, ...volumeByKind },
  },
  evidence: [],
});

describe('catalyst text', () => {
  it('says what they made possible, leaving out what did not happen', () => {
    expect(drawnPhrases(entry({ repliers: 5, tableGuests: 1, returningNewcomers: 2 }))).toEqual([
      '5 people replied to them',
      '1 person sat at their tables',
      '2 newcomers came back after talking with them',
    ]);
    expect(drawnPhrases(entry({ coEditors: 1 }))).toEqual(['1 person edited an idea after them']);
  });

  it('says their own volume', () => {
    expect(volumeText(entry({}, { blips: 1 }))).toBe('from 1 post');
    expect(volumeText(entry({}, { blips: 8, waves: 1, edits: 2 }))).toBe('from 8 posts, 1 idea started and 2 days of editing');
    expect(volumeText(entry({}))).toBe('with nothing of their own in this window');
  });

  it('names people briefly', () => {
    expect(peopleText([])).toBe('');
    expect(peopleText([{ displayName: 'Ana' }])).toBe('Ana');
    expect(peopleText([{ displayName: 'Ana' }, { displayName: 'Kenji' }, { displayName: 'Priya' }])).toBe('Ana, Kenji and Priya');
    expect(peopleText(['Ana', 'Kenji', 'Priya', 'Ravi', 'Mia'].map((displayName) => ({ displayName })))).toBe('Ana, Kenji and 3 others');
  });

  it('formats the score, the ways and the wave to thank for', () => {
    expect(scoreText(5 / 3)).toBe('1.67');
    expect(waysText(['reply', 'guest'])).toBe('replied, sat at their table');
    const withWave = { ...entry({}), evidence: [{ kind: 'table' as const, id: 't1', title: 'Saddles', blipId: null, href: '/s/x/tables/t1', people: [], ways: [], lastAt: '' }, { kind: 'wave' as const, id: 'w1', title: 'Lights', blipId: null, href: '/s/x/waves/w1', people: [], ways: [], lastAt: '' }] };
    expect(spotlightWave(withWave)).toEqual({ id: 'w1', title: 'Lights' });
    expect(spotlightWave(entry({}))).toBeNull();
  });
});
