import { describe, expect, it } from 'vitest';
import { initials } from './initials.js';

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Ana Souza')).toBe('AS');
    expect(initials('Kenji')).toBe('K');
    expect(initials('  maria de la cruz ')).toBe('MC');
  });

  it('skips punctuation and keeps whole characters', () => {
    expect(initials('(Ana) — Souza')).toBe('AS');
    expect(initials('Émile Zola')).toBe('ÉZ');
    expect(initials('')).toBe('?');
    expect(initials('!!!')).toBe('?');
  });
});
