import { describe, expect, it } from 'vitest';
import { USER_COLORS, userColor } from './user-color.js';

describe('userColor', () => {
  it('is stable per user, a 6-digit hex from the palette, and spreads people out', () => {
    expect(userColor('user_abc123')).toBe(userColor('user_abc123'));
    expect(userColor('user_abc123')).toMatch(/^#[0-9a-f]{6}$/);
    const seen = new Set(Array.from({ length: 50 }, (_, i) => userColor(`user_${i}`)));
    expect(seen.size).toBeGreaterThan(USER_COLORS.length / 2);
  });
});
