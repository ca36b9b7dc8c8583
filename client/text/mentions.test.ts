import { describe, expect, it } from 'vitest';
import { decodeMentions, encodeMentions, insertMention, livePicks, mentionQuery } from './mentions.js';

const ana = { id: 'user_ana001', displayName: 'Ana' };
const anaLopez = { id: 'user_ana002', displayName: 'Ana Lopez' };

describe('mentionQuery', () => {
  it('finds the @word before the caret', () => {
    expect(mentionQuery('hello @an', 9)).toEqual({ start: 6, query: 'an' });
    expect(mentionQuery('@Ana Lo', 7)).toEqual({ start: 0, query: 'Ana Lo' });
    expect(mentionQuery('(@bo', 4)).toEqual({ start: 1, query: 'bo' });
  });

  it('ignores emails, bare @, and finished words', () => {
    expect(mentionQuery('mail me@example', 15)).toBeNull();
    expect(mentionQuery('just @', 6)).toBeNull();
    expect(mentionQuery('@ana ', 5)).toBeNull();
    expect(mentionQuery('@ana  x', 7)).toBeNull();
  });
});

describe('insertMention', () => {
  it('replaces the query with the name and a space', () => {
    const at = mentionQuery('hi @an and more', 6)!;
    expect(insertMention('hi @an and more', 6, at, anaLopez)).toEqual({ text: 'hi @Ana Lopez and more', caret: 14 });
  });
});

describe('encodeMentions / decodeMentions', () => {
  it('turns chosen names into tokens, longest first, on word boundaries', () => {
    const picks = [
      { id: ana.id, name: ana.displayName },
      { id: anaLopez.id, name: anaLopez.displayName },
    ];
    expect(encodeMentions('@Ana Lopez and @Ana, not @Anabel or x@Ana', picks)).toBe(
      '<@user_ana002> and <@user_ana001>, not @Anabel or x@Ana',
    );
  });

  it('leaves names nobody picked as text', () => {
    expect(encodeMentions('@Ana hi', [])).toBe('@Ana hi');
  });

  it('escapes names with regex characters', () => {
    expect(encodeMentions('@J.R. (x)', [{ id: 'user_jr0001', name: 'J.R. (x)' }])).toBe('<@user_jr0001>');
  });

  it('round-trips a stored body for editing', () => {
    const body = 'thanks <@user_ana002>! cc <@user_gone01>';
    const { text, picks } = decodeMentions(body, [anaLopez]);
    expect(text).toBe('thanks @Ana Lopez! cc <@user_gone01>');
    expect(encodeMentions(text, picks)).toBe(body);
  });

  it('forgets picks whose name was deleted', () => {
    expect(livePicks('no names', [{ id: ana.id, name: 'Ana' }])).toEqual([]);
  });
});
