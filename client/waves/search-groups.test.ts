import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../shared/schemas/waves.js';
import { groupByWave } from './search-groups.js';

const hit = (waveId: string, kind: SearchHit['kind'], snippet: string): SearchHit => ({
  wave: { id: waveId, title: `Wave ${waveId}`, status: 'open' },
  kind,
  blipId: kind === 'blip' ? `blip_${snippet}` : null,
  snippet,
});

describe('groupByWave', () => {
  it('keeps the ranking of each wave’s best hit and the order inside a wave', () => {
    const groups = groupByWave([hit('wave_b', 'title', '1'), hit('wave_a', 'blip', '2'), hit('wave_b', 'blip', '3')]);
    expect(groups.map((g) => [g.wave.id, g.hits.map((h) => h.snippet)])).toEqual([
      ['wave_b', ['1', '3']],
      ['wave_a', ['2']],
    ]);
  });
});
