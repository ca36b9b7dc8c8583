import type { CatalystEntry, CatalystWay } from '../../../shared/schemas/insights.js';

/** "1 person", "3 people": each phrase written out whole, so a message catalog can take it over. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a catalyst made possible, one phrase per way, the strongest first; empty ways are left out. */
export function drawnPhrases(entry: CatalystEntry): string[] {
  const c = entry.components;
  const phrases: string[] = [];
  if (c.repliers) phrases.push(`${count(c.repliers, 'person', 'people')} replied to them`);
  if (c.coEditors) phrases.push(`${count(c.coEditors, 'person', 'people')} edited an idea after them`);
  if (c.tableGuests) phrases.push(`${count(c.tableGuests, 'person', 'people')} sat at their tables`);
  if (c.returningNewcomers) phrases.push(`${count(c.returningNewcomers, 'newcomer', 'newcomers')} came back after talking with them`);
  return phrases;
}

/** Their own volume in words: "from 1 post and 1 table opened". */
export function volumeText(entry: CatalystEntry): string {
  const v = entry.components.volumeByKind;
  const parts = [
    v.blips ? count(v.blips, 'post', 'posts') : '',
    v.waves ? count(v.waves, 'idea started', 'ideas started') : '',
    v.tables ? count(v.tables, 'table opened', 'tables opened') : '',
    v.messages ? count(v.messages, 'table message', 'table messages') : '',
    v.edits ? count(v.edits, 'day of editing', 'days of editing') : '',
  ].filter(Boolean);
  if (parts.length === 0) return 'with nothing of their own in this window';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `from ${list}`;
}

/** The score, as the list shows it (two decimals). */
export function scoreText(score: number): string {
  return score.toFixed(2);
}

const WAY_WORDS: Record<CatalystWay, string> = {
  reply: 'replied',
  coedit: 'edited after them',
  guest: 'sat at their table',
  newcomer: 'came back as newcomers',
};

export function waysText(ways: readonly CatalystWay[]): string {
  return ways.map((w) => WAY_WORDS[w] ?? w).join(', ');
}

/** "Ana", "Ana and Kenji", "Ana, Kenji and 3 others". */
export function peopleText(people: readonly { displayName: string }[], shown = 2): string {
  const names = people.map((p) => p.displayName);
  if (names.length <= shown + 1) return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const rest = names.length - shown;
  return `${names.slice(0, shown).join(', ')} and ${count(rest, 'other', 'others')}`;
}

/** The wave a spotlight should name: the one with the most people in the evidence, if any. */
export function spotlightWave(entry: CatalystEntry): { id: string; title: string } | null {
  const wave = entry.evidence.find((e) => e.kind === 'wave');
  return wave ? { id: wave.id, title: wave.title } : null;
}
