import { describe, expect, it } from 'vitest';
import { parseTags } from './tags.js';

describe('parseTags', () => {
  it('trims, lower-cases and de-duplicates', () => {
    expect(parseTags(' Dark  Mode, UI,, ui ,')).toEqual({ tags: ['dark mode', 'ui'], problems: [] });
  });

  it('explains what it dropped', () => {
    const parsed = parseTags('ok, <b>, a,b,c,d,e');
    expect(parsed.tags).toEqual(['ok', 'a', 'b', 'c', 'd']);
    expect(parsed.problems).toEqual(['“<b>” may only use letters, digits, spaces, - and _', 'at most 5 tags']);
  });
});
