import { describe, expect, it } from 'vitest';
import { MARK_NAMES, NODE_NAMES, schema } from './schema.js';

describe('the idea document schema', () => {
  it('has exactly the node and mark names of the document contract', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual([...NODE_NAMES].sort());
    expect(Object.keys(schema.marks).sort()).toEqual([...MARK_NAMES].sort());
  });

  it('never draws a non-http link href', () => {
    const spec = schema.marks.link.spec.toDOM!;
    const bad = spec(schema.marks.link.create({ href: 'javascript:alert(1)' }), true) as [string, Record<string, unknown>];
    expect(bad[1].href).toBeNull();
    const good = spec(schema.marks.link.create({ href: 'https://example.com' }), true) as [string, Record<string, unknown>];
    expect(good[1]).toMatchObject({ href: 'https://example.com/', rel: 'nofollow ugc noopener', target: '_blank' });
  });

  it('caps heading levels at 3', () => {
    const h = schema.nodes.heading.spec.toDOM!(schema.nodes.heading.create({ level: 6 })) as [string];
    expect(h[0]).toBe('h3');
  });
});
