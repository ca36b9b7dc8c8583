import type { Breadth, Pipeline, PipelineWave } from '../../shared/schemas/pipeline.js';
import { SETTABLE_STATUSES, type WaveStatus } from '../../shared/waves.js';
import { STATUS_LABELS } from '../waves/status.js';

/** The ideas board's words and choices (pure, tested). */

export type Settable = (typeof SETTABLE_STATUSES)[number];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 tables · 2 first-time contributors" (what breadth counts, next to the vote count). */
export function breadthLine(breadth: Breadth): string {
  return `${plural(breadth.tables, 'table')} · ${plural(breadth.firstTimeContributors, 'first-time contributor')}`;
}

export function countsLine(card: PipelineWave): string {
  return `${plural(card.wave.supporters, 'supporter')} · ${plural(card.wave.contributors, 'contributor')}`;
}

/** Where a wave may move: every settable status but the one it has (setting it again is the "respond" action). */
export function moveChoices(current: WaveStatus): { value: Settable; label: string }[] {
  return SETTABLE_STATUSES.filter((s) => s !== current).map((value) => ({ value, label: STATUS_LABELS[value] }));
}

/** The reason field's wording: shipping asks for the short note everyone who made it receives. */
export function reasonPrompt(to: Settable): { label: string; hint: string } {
  if (to === 'shipped') {
    return {
      label: 'Shipping note (public)',
      hint: 'A short note from the brand. Everyone who supported it, co-wrote it or discussed it at a table is notified and named on the wave.',
    };
  }
  return { label: 'Public reason', hint: 'Everyone sees it in the idea’s status history; supporters and co-authors are notified.' };
}

/** Finds a wave on the board (after a reload, to put focus back on it). */
export function findCard(pipeline: Pipeline, waveId: string): { column: Settable; card: PipelineWave } | null {
  for (const column of pipeline.columns) {
    const card = column.waves.find((w) => w.wave.id === waveId);
    if (card) return { column: column.status, card };
  }
  return null;
}
