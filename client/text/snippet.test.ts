import { describe, expect, it } from 'vitest';
import { parseSnippet } from './snippet.js';

describe('parseSnippet', () => {
  it('marks the words between « and »', () => {
    expect(parseSnippet('a «dark» theme for «mode»')).toEqual([
      { text: 'a ', match: false },
      { text: 'dark', match: true },
      { text: ' theme for ', match: false },
      { text: 'mode', match: true },
    ]);
  });

  it('keeps unbalanced markers and HTML as plain text', () => {
    expect(parseSnippet('x « y')).toEqual([{ text: 'x « y', match: false }]);
    expect(parseSnippet('«<b>»')).toEqual([{ text: '<b>', match: true }]);
  });
});
