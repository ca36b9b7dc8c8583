import { describe, expect, it } from 'vitest';
import type { SpaceSettings } from '../../../shared/schemas/spaces.js';
import { draftFieldOf, fieldMessage, fromDraft, settingsPatch, toDraft, toLines } from './settings-form.js';

const SETTINGS: SpaceSettings = {
  moderationMode: 'new-members',
  newMemberPosts: 3,
  widgetOrigins: ['https://shop.example.com'],
  tableCapacity: 6,
  maxTableCapacity: 12,
  emptyTableCloseMinutes: 5,
  public: true,
  bannedWords: ['casino', 'pills'],
  watchedWords: [],
  blockedLinkSites: ['spam-shop.example'],
  flagThreshold: 3,
  rateLimit: { posts: 10, windowSeconds: 60 },
};

describe('settings form ↔ payload', () => {
  it('round-trips settings through the draft', () => {
    const draft = toDraft(SETTINGS);
    expect(draft.bannedWords).toBe('casino\npills');
    expect(draft.ratePosts).toBe('10');
    expect(fromDraft(draft)).toEqual({ ok: true, settings: SETTINGS });
  });

  it('reads one entry per line, trimmed, without blanks or repeats', () => {
    expect(toLines('  casino \n\nPills\r\npills\n')).toEqual(['casino', 'Pills']);
    const draft = { ...toDraft(SETTINGS), blockedLinkSites: 'Spam-Shop.example\n' };
    const result = fromDraft(draft);
    expect(result.ok && result.settings.blockedLinkSites).toEqual(['spam-shop.example']);
  });

  it('asks for whole numbers', () => {
    const result = fromDraft({ ...toDraft(SETTINGS), flagThreshold: '2.5', ratePosts: '' });
    expect(result).toEqual({ ok: false, errors: { flagThreshold: 'Enter a whole number.', ratePosts: 'This is required.' } });
  });

  it('sends only what changed', () => {
    const after = { ...SETTINGS, bannedWords: ['casino', 'pills', 'crypto'], rateLimit: { posts: 5, windowSeconds: 60 } };
    expect(settingsPatch(SETTINGS, after)).toEqual({ bannedWords: ['casino', 'pills', 'crypto'], rateLimit: { posts: 5, windowSeconds: 60 } });
    expect(settingsPatch(SETTINGS, SETTINGS)).toEqual({});
  });

  it('puts server errors next to the right field', () => {
    expect(draftFieldOf('rateLimit.posts')).toEqual({ field: 'ratePosts', line: null });
    expect(draftFieldOf('rateLimit.windowSeconds')).toEqual({ field: 'rateWindowSeconds', line: null });
    expect(draftFieldOf('bannedWords.3')).toEqual({ field: 'bannedWords', line: 4 });
    expect(draftFieldOf('widgetOrigins')).toEqual({ field: 'widgetOrigins', line: null });
    expect(draftFieldOf('tableCapacity')).toEqual({ field: 'tableCapacity', line: null });
    expect(draftFieldOf('nonsense')).toBeNull();
    expect(draftFieldOf(undefined)).toBeNull();
    expect(fieldMessage('widgetOrigins.0: an origin like https://shop.example.com', 'widgetOrigins.0', 1)).toBe(
      'Line 1: An origin like https://shop.example.com',
    );
    expect(fieldMessage('tableCapacity: must not exceed maxTableCapacity', 'tableCapacity', null)).toBe(
      'Must not exceed maxTableCapacity',
    );
  });
});
