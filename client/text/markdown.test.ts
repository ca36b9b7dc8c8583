import { describe, expect, it } from 'vitest';
import { plainText, safeHref, tokenize, type Inline } from './markdown.js';

/** Flattens tokens to a compact string for readable assertions. */
const show = (tokens: Inline[]): string =>
  tokens
    .map((t) => {
      switch (t.type) {
        case 'text':
          return t.text;
        case 'code':
          return `<code:${t.text}>`;
        case 'mention':
          return `<mention:${t.id}>`;
        case 'break':
          return '<br>';
        case 'strong':
          return `<b:${show(t.children)}>`;
        case 'em':
          return `<i:${show(t.children)}>`;
        case 'link':
          return `<a ${t.href}:${show(t.children)}>`;
      }
    })
    .join('');
const one = (body: string) => tokenize(body).map(show);

describe('tokenize', () => {
  it('splits paragraphs on blank lines and keeps single newlines as breaks', () => {
    expect(one('first\nstill first\n\n  \nsecond')).toEqual(['first<br>still first', 'second']);
    expect(one('\n\nonly\n\n')).toEqual(['only']);
  });

  it('reads bold, italic and code', () => {
    expect(one('a **bold** and _it_ or *it* with `x < y`')).toEqual([
      'a <b:bold> and <i:it> or <i:it> with <code:x < y>',
    ]);
    expect(one('**bold with _inner_**')).toEqual(['<b:bold with <i:inner>>']);
  });

  it('leaves unmatched or intra-word markers alone', () => {
    expect(one('snake_case_name and 2*3*4 and ** not bold **')).toEqual(['snake_case_name and 2*3*4 and ** not bold **']);
    expect(one('`unclosed and **open')).toEqual(['`unclosed and **open']);
  });

  it('makes links of http(s) URLs only', () => {
    expect(one('see [the docs](https://example.com/a?b=1) now')).toEqual([
      'see <a https://example.com/a?b=1:the docs> now',
    ]);
    expect(one('at https://example.com/x.')).toEqual(['at <a https://example.com/x:https://example.com/x>.']);
    expect(one('(https://en.wikipedia.org/wiki/Foo_(bar))')).toEqual([
      '(<a https://en.wikipedia.org/wiki/Foo_(bar):https://en.wikipedia.org/wiki/Foo_(bar)>)',
    ]);
  });

  it('keeps javascript: and data: links as plain text', () => {
    expect(one('[click](javascript:alert(1))')).toEqual(['[click](javascript:alert(1))']);
    expect(one('javascript:alert(1) data:text/html,<b>x</b>')).toEqual(['javascript:alert(1) data:text/html,<b>x</b>']);
    expect(one('[x](JAVASCRIPT://%0aalert(1))')).toEqual(['[x](JAVASCRIPT://%0aalert(1))']);
  });

  it('keeps HTML as text: there is no HTML token at all', () => {
    const tokens = tokenize('<img src=x onerror=alert(1)> <script>alert(1)</script>')[0]!;
    expect(tokens).toEqual([{ type: 'text', text: '<img src=x onerror=alert(1)> <script>alert(1)</script>', start: 0 }]);
  });

  it('reads mentions with their source span', () => {
    const [tokens] = tokenize('hi <@user_abc123>!');
    expect(tokens).toEqual([
      { type: 'text', text: 'hi ', start: 0 },
      { type: 'mention', id: 'user_abc123', start: 3, end: 17 },
      { type: 'text', text: '!', start: 17 },
    ]);
    expect(one('<@x> <@bad id>')).toEqual(['<@x> <@bad id>']);
  });

  it('records source offsets of text inside formatting', () => {
    const [tokens] = tokenize('ab **cd** `ef`');
    expect(tokens).toEqual([
      { type: 'text', text: 'ab ', start: 0 },
      { type: 'strong', children: [{ type: 'text', text: 'cd', start: 5 }] },
      { type: 'text', text: ' ', start: 9 },
      { type: 'code', text: 'ef', start: 11 },
    ]);
  });

  it('handles long hostile input in reasonable time', () => {
    const body = '**_['.repeat(2500);
    const started = Date.now();
    tokenize(body);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('safeHref', () => {
  it('accepts http and https only', () => {
    expect(safeHref('https://example.com')).toBe('https://example.com/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('http://')).toBeNull();
  });
});

describe('plainText', () => {
  it('strips markup and names mentions', () => {
    expect(plainText('**Hi** <@user_abc123>, see [this](https://x.example)', () => 'Ana')).toBe('Hi @Ana, see this');
  });
});
