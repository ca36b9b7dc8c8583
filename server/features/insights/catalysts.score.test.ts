import { describe, expect, it } from 'vitest';
import {
  CATALYST_PRIOR,
  coeditInteractions,
  scoreCatalysts,
  type Activity,
  type CatalystInput,
  type EvidenceRef,
  type Interaction,
} from './catalysts.score.js';

const WINDOW = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z' };
const at = (day: number, hour = 12) => `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const wave = (waveId: string, blipId: string | null = null): EvidenceRef => ({ type: 'wave', waveId, blipId });
const table = (tableId: string): EvidenceRef => ({ type: 'table', tableId });
const reply = (from: string, to: string, when = at(3), ref = wave('w1')): Interaction => ({ kind: 'reply', from, to, at: when, ref });
const posts = (person: string, count: number, when = at(2), kind: Activity['kind'] = 'blip'): Activity => ({ person, kind, at: when, count });

function input(parts: Partial<CatalystInput>): CatalystInput {
  return { window: WINDOW, interactions: [], activity: [], firstSeen: new Map(), staff: new Set(), ...parts };
}

describe('catalyst scoring', () => {
  it('ranks a quiet person whose one post drew ten people above a loud poster who drew more', () => {
    const fans = Array.from({ length: 10 }, (_, n) => `fan${n}`);
    const crowd = Array.from({ length: 14 }, (_, n) => `crowd${n}`);
    const scores = scoreCatalysts(
      input({
        interactions: [...fans.map((f) => reply(f, 'quiet', at(3), wave('w1', 'b-quiet'))), ...crowd.map((c) => reply(c, 'loud'))],
        activity: [posts('quiet', 1), posts('loud', 60), posts('loud', 3, at(2), 'wave'), ...fans.map((f) => posts(f, 1, at(3)))],
      }),
    );
    expect(scores.map((s) => s.person)).toEqual(['quiet', 'loud']);
    const [quiet, loud] = scores;
    expect(quiet).toMatchObject({ reach: 10, repliers: 10, volume: 1, score: 10 / (1 + CATALYST_PRIOR) });
    expect(loud).toMatchObject({ reach: 14, repliers: 14, volume: 63, score: 14 / (63 + CATALYST_PRIOR) });
    // The evidence is the conversation, linked at the quiet person's blip, with the ten people.
    expect(quiet!.evidence).toEqual([{ ref: wave('w1', 'b-quiet'), people: [...fans].sort(), ways: ['reply'], lastAt: at(3) }]);
  });

  it('gives zero to someone who only talks to themselves, and leaves them out', () => {
    const scores = scoreCatalysts(
      input({
        interactions: [reply('solo', 'solo'), reply('solo', 'solo', at(4)), { kind: 'coedit', from: 'solo', to: 'solo', at: at(4), ref: wave('w2') }],
        activity: [posts('solo', 40)],
      }),
    );
    expect(scores).toEqual([]);
  });

  it('counts distinct people once, whichever ways they were drawn in', () => {
    const [ana] = scoreCatalysts(
      input({
        interactions: [
          reply('kenji', 'ana'),
          reply('kenji', 'ana', at(4)),
          { kind: 'coedit', from: 'kenji', to: 'ana', at: at(5), ref: wave('w1') },
          { kind: 'guest', from: 'priya', to: 'ana', at: at(5), ref: table('t1') },
        ],
        activity: [posts('ana', 2)],
      }),
    );
    expect(ana).toMatchObject({ person: 'ana', reach: 2, repliers: 1, coEditors: 1, tableGuests: 1, volume: 2 });
    expect(ana!.evidence.map((e) => [e.ref, e.ways])).toEqual([
      [wave('w1'), ['reply', 'coedit']],
      [table('t1'), ['guest']],
    ]);
  });

  it('counts only the window: from is included, to is not', () => {
    const scores = scoreCatalysts(
      input({
        interactions: [
          reply('a', 'first', WINDOW.from),
          reply('b', 'before', '2026-10-31T23:59:59.999Z'),
          reply('c', 'last', '2026-11-07T23:59:59.999Z'),
          reply('d', 'after', WINDOW.to),
        ],
        activity: [posts('first', 5, '2026-10-31T10:00:00.000Z'), posts('last', 1, WINDOW.to)],
      }),
    );
    expect(scores.map((s) => s.person).sort()).toEqual(['first', 'last']);
    // Volume outside the window does not count against anyone.
    expect(scores.every((s) => s.volume === 0)).toBe(true);
  });

  it('breaks ties by volume (the quieter first), then by id', () => {
    // 2/(0+2) = 4/(2+2) = 1: the same score.
    const scores = scoreCatalysts(
      input({
        interactions: [reply('p1', 'zed'), reply('p2', 'zed'), ...['p3', 'p4', 'p5', 'p6'].map((p) => reply(p, 'amy')), reply('p7', 'bob'), reply('p8', 'bob')],
        activity: [posts('amy', 2)],
      }),
    );
    expect(scores.map((s) => [s.person, s.score])).toEqual([
      ['bob', 1],
      ['zed', 1],
      ['amy', 1],
    ]);
  });

  it('does not rank staff, and does not count staff as drawn in', () => {
    const scores = scoreCatalysts(
      input({
        interactions: [reply('dana', 'ana'), reply('kenji', 'ana'), reply('ana', 'dana'), reply('kenji', 'dana')],
        staff: new Set(['dana']),
      }),
    );
    expect(scores.map((s) => [s.person, s.reach])).toEqual([['ana', 1]]);
  });

  it('credits newcomers who talked with someone and came back on a later day, twice', () => {
    const scores = scoreCatalysts(
      input({
        interactions: [
          reply('newbie', 'guide', at(3)), // replied to the guide, came back on day 5
          reply('guide', 'shy', at(3)), // the guide answered a newcomer's post; shy came back on day 6
          reply('once', 'guide', at(3)), // a newcomer who never came back
          reply('sameday', 'guide', at(3, 9)), // came back the same day only
          reply('regular', 'guide', at(3)), // not a newcomer
        ],
        activity: [
          posts('guide', 3, at(3)),
          posts('newbie', 1, at(3)),
          posts('newbie', 1, at(5), 'support'),
          posts('shy', 1, at(2)),
          posts('shy', 1, at(6), 'seat'),
          posts('once', 1, at(3)),
          posts('sameday', 1, at(3, 9)),
          posts('sameday', 1, at(3, 20)),
          posts('regular', 1, at(3)),
          posts('regular', 1, at(6)),
        ],
        firstSeen: new Map([
          ['newbie', at(3)],
          ['shy', at(2)],
          ['once', at(3)],
          ['sameday', at(3, 9)],
          ['regular', '2026-09-01T00:00:00.000Z'],
        ]),
      }),
    );
    const guide = scores.find((s) => s.person === 'guide')!;
    // Drawn: newbie, once, sameday, regular (4) + shy via the newcomer rule; newbie and shy add one each.
    expect(guide).toMatchObject({ repliers: 4, returningNewcomers: 2, reach: 5 + 2, volume: 3 });
    expect(guide.evidence[0]!.ways).toEqual(['reply', 'newcomer']);
    expect(guide.evidence[0]!.people).toEqual(['newbie', 'once', 'regular', 'sameday', 'shy']);
  });

  it('ranks the one who brought a newcomer back above an equal catalyst who did not', () => {
    const scores = scoreCatalysts(
      input({
        interactions: [reply('n1', 'welcomer', at(2)), reply('r1', 'other', at(2))],
        activity: [posts('n1', 1, at(4))],
        firstSeen: new Map([
          ['n1', at(2)],
          ['r1', '2026-01-01T00:00:00.000Z'],
        ]),
      }),
    );
    expect(scores.map((s) => [s.person, s.reach])).toEqual([
      ['welcomer', 2],
      ['other', 1],
    ]);
  });

  it('keeps the evidence with the most people first, up to a limit', () => {
    const [c] = scoreCatalysts(
      input({
        interactions: [
          reply('a', 'c', at(2), wave('w1')),
          reply('a', 'c', at(3), wave('w2')),
          reply('b', 'c', at(4), wave('w2')),
          { kind: 'guest', from: 'd', to: 'c', at: at(5), ref: table('t1') },
        ],
      }),
      { evidenceMax: 2 },
    );
    expect(c!.evidence.map((e) => [e.ref, e.people])).toEqual([
      [wave('w2'), ['a', 'b']],
      [table('t1'), ['d']],
    ]);
  });
});

describe('co-editing after someone', () => {
  it('pairs each editor in the window with those who edited the document before them', () => {
    const doc = wave('w1');
    const interactions = coeditInteractions([
      { ref: doc, person: 'ana', firstAt: '2026-10-01T00:00:00.000Z', lastInWindowAt: null }, // wrote it before the window
      { ref: doc, person: 'kenji', firstAt: at(2, 9), lastInWindowAt: at(3) },
      { ref: doc, person: 'dana', firstAt: at(2, 10), lastInWindowAt: at(2, 11) },
      { ref: wave('w2'), person: 'priya', firstAt: at(2), lastInWindowAt: at(2) }, // alone on w2
    ]);
    expect(interactions.map((i) => `${i.from}→${i.to}`).sort()).toEqual(['dana→ana', 'dana→kenji', 'kenji→ana', 'kenji→dana']);
    expect(interactions.find((i) => i.from === 'kenji' && i.to === 'ana')).toEqual({ kind: 'coedit', from: 'kenji', to: 'ana', at: at(3), ref: doc });
  });

  it('does not count someone who only edited before the others started', () => {
    const interactions = coeditInteractions([
      { ref: table('t1'), person: 'first', firstAt: at(2, 8), lastInWindowAt: at(2, 9) },
      { ref: table('t1'), person: 'second', firstAt: at(2, 10), lastInWindowAt: null },
    ]);
    expect(interactions).toEqual([]);
  });
});
