import { describe, expect, it } from 'vitest';
import { decisionLine, excerpt, readableMessage, safeAppHref, statusLabel } from './item-text.js';

describe('queue item text', () => {
  it('rewrites ISO timestamps in server messages', () => {
    expect(readableMessage('Already approved by Dana at 2025-03-03T10:04:05.123Z', () => 'March 3, 10:04')).toBe(
      'Already approved by Dana at March 3, 10:04',
    );
    expect(readableMessage('Already rejected', () => 'x')).toBe('Already rejected');
  });

  it('says who decided', () => {
    expect(decisionLine({ status: 'approved', decidedBy: { id: 'u_000001', displayName: 'Dana' } })).toBe('Approved by Dana');
    expect(decisionLine({ status: 'allowed', decidedBy: null })).toBe('Passed');
    expect(statusLabel('held')).toBe('Held');
  });

  it('links only to app paths', () => {
    expect(safeAppHref('/s/acme/waves/abc123#blip-x')).toBe('/s/acme/waves/abc123#blip-x');
    expect(safeAppHref('javascript:alert(1)')).toBeNull();
    expect(safeAppHref('//evil.example/x')).toBeNull();
    expect(safeAppHref('/\\evil.example')).toBeNull();
    expect(safeAppHref('https://evil.example')).toBeNull();
    expect(safeAppHref(null)).toBeNull();
  });

  it('shortens long text on a word boundary-ish', () => {
    expect(excerpt('short')).toBe('short');
    expect(excerpt('a\nb   c')).toBe('a b c');
    expect(excerpt('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
