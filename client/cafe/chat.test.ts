import { describe, expect, it } from 'vitest';
import type { Hand, TableMessage } from '../../shared/schemas/cafe.js';
import { addBanner, clockDuration, entriesFrom, promotable, raiseInList, spokenDuration, upsertMessage } from './chat.js';

const message = (id: string, over: Partial<TableMessage> = {}): TableMessage => ({
  id,
  tableId: 'tbl_000001',
  author: { id: 'usr_000001', displayName: 'Ana' },
  body: `text of ${id}`,
  createdAt: '2026-11-22T10:00:00.000Z',
  visibility: 'visible',
  ...over,
});

const hand = (id: string, raisedAt: string, over: Partial<Hand> = {}): Hand => ({
  id,
  tableId: 'tbl_000001',
  person: { id: 'usr_000001', displayName: 'Ana' },
  question: null,
  raisedAt,
  loweredAt: null,
  answeredAt: null,
  answeredBy: null,
  waitSeconds: null,
  ...over,
});

describe('the table chat', () => {
  it('never shows rejected messages from the loaded conversation', () => {
    const entries = entriesFrom([message('msg_aaaaaa'), message('msg_bbbbbb', { visibility: 'rejected', body: '' }), message('msg_cccccc', { visibility: 'held' })]);
    expect(entries.map((e) => e.id)).toEqual(['msg_aaaaaa', 'msg_cccccc']);
  });

  it('replaces a held message in place when approved, removes it when rejected, appends new ones once', () => {
    let entries = entriesFrom([message('msg_aaaaaa', { visibility: 'held' }), message('msg_bbbbbb')]);
    entries = upsertMessage(entries, message('msg_aaaaaa'));
    expect(entries.map((e) => e.kind === 'message' && e.message.visibility)).toEqual(['visible', 'visible']);
    entries = upsertMessage(entries, message('msg_cccccc'));
    entries = upsertMessage(entries, message('msg_cccccc'));
    expect(entries.map((e) => e.id)).toEqual(['msg_aaaaaa', 'msg_bbbbbb', 'msg_cccccc']);
    entries = upsertMessage(entries, message('msg_bbbbbb', { visibility: 'rejected', body: '' }));
    expect(entries.map((e) => e.id)).toEqual(['msg_aaaaaa', 'msg_cccccc']);
    expect(upsertMessage(entries, message('msg_zzzzzz', { visibility: 'rejected' }))).toBe(entries);
  });

  it('shows a banner once and offers only visible messages for a wave', () => {
    let entries = entriesFrom([message('msg_aaaaaa'), message('msg_bbbbbb', { visibility: 'held' })]);
    const banner = { kind: 'announcement' as const, id: 'ann_000001', text: 'Hello', author: 'Dana', at: '2026-11-22T10:01:00.000Z' };
    entries = addBanner(addBanner(entries, banner), banner);
    expect(entries).toHaveLength(3);
    expect(promotable(entries).map((m) => m.id)).toEqual(['msg_aaaaaa']);
  });
});

describe('raised hands', () => {
  it('keeps hands up in the order they were raised and drops lowered ones', () => {
    let hands = raiseInList([], hand('hnd_bbbbbb', '2026-11-22T10:05:00.000Z'));
    hands = raiseInList(hands, hand('hnd_aaaaaa', '2026-11-22T10:01:00.000Z'));
    hands = raiseInList(hands, hand('hnd_aaaaaa', '2026-11-22T10:01:00.000Z', { question: 'When?' }));
    expect(hands.map((h) => [h.id, h.question])).toEqual([
      ['hnd_aaaaaa', 'When?'],
      ['hnd_bbbbbb', null],
    ]);
    expect(raiseInList(hands, hand('hnd_bbbbbb', '2026-11-22T10:05:00.000Z', { loweredAt: '2026-11-22T10:06:00.000Z' })).map((h) => h.id)).toEqual(['hnd_aaaaaa']);
  });

  it('says how long a hand has been up', () => {
    expect(clockDuration(42)).toBe('0:42');
    expect(clockDuration(185)).toBe('3:05');
    expect(clockDuration(3729)).toBe('1:02:09');
    expect(spokenDuration(1)).toBe('1 second');
    expect(spokenDuration(185)).toBe('3 minutes 5 seconds');
    expect(spokenDuration(120)).toBe('2 minutes');
    expect(spokenDuration(3729)).toBe('1 hour 2 minutes');
  });
});
