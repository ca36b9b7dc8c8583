import type { SearchHit } from '../../shared/schemas/waves.js';

export interface SearchGroup {
  wave: SearchHit['wave'];
  hits: SearchHit[];
}

/** Hits grouped by wave, waves in the order of their best hit (the server ranks best first). */
export function groupByWave(hits: readonly SearchHit[]): SearchGroup[] {
  const groups = new Map<string, SearchGroup>();
  for (const hit of hits) {
    const group = groups.get(hit.wave.id) ?? { wave: hit.wave, hits: [] };
    group.hits.push(hit);
    groups.set(hit.wave.id, group);
  }
  return [...groups.values()];
}
