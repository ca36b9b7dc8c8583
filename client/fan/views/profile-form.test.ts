import { describe, expect, it } from 'vitest';
import { parseInterests } from './profile-form.js';

describe('parseInterests', () => {
  it('splits on commas, trims and drops repeats in any case', () => {
    expect(parseInterests(' Night rides, cargo bikes,,night RIDES ')).toEqual({ interests: ['Night rides', 'cargo bikes'], problems: [] });
  });

  it('says what it could not take', () => {
    expect(parseInterests('bikes, <script>').problems).toEqual(['“<script>” may only use letters, digits, spaces and - _ \' &']);
    expect(parseInterests('x'.repeat(41)).problems[0]).toMatch(/longer than 40/);
    expect(parseInterests(Array.from({ length: 11 }, (_, i) => `topic ${i}`).join(',')).problems).toEqual(['at most 10 interests']);
  });
});
