import { describe, expect, it } from 'vitest';
import { parseDocName } from './doc-names.js';
import { parseStreamName } from './streams.js';

describe('kind:id names', () => {
  it('parses known kinds with well-formed ids', () => {
    expect(parseDocName('wave:abc123XYZ_-')).toEqual({ kind: 'wave', id: 'abc123XYZ_-' });
    expect(parseStreamName('user:u1u2u3u4')).toEqual({ kind: 'user', id: 'u1u2u3u4' });
  });

  it.each(['wave', 'wave:', 'nope:abcdef12', 'wave:../../etc', 'wave:ab', 'space:abc def12', ':abcdef12'])(
    'refuses %s',
    (name) => {
      expect(parseDocName(name)).toBeNull();
      expect(parseStreamName(name)).toBeNull();
    },
  );
});
