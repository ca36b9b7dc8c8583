import type { Person } from '../../shared/schemas/waves.js';

/**
 * Mentions in the composer. The textarea shows "@Display Name"; the stored body holds
 * `<@userId>`. The composer remembers whom each chosen name stands for (`MentionPick`)
 * and converts on send, so typing "@Ana" by hand without choosing her stays plain text.
 */
export interface MentionPick {
  id: string;
  name: string;
}

export interface MentionQuery {
  /** Index of the "@" in the text. */
  start: number;
  /** What follows the "@" up to the caret. */
  query: string;
}

const QUERY = /(?:^|[\s(])@([\p{L}\p{N}._-](?:[\p{L}\p{N}._-]| (?! )){0,29})$/u;

/** The "@…" being typed right before the caret, if any. */
export function mentionQuery(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = QUERY.exec(before);
  if (!match) return null;
  const query = match[1]!;
  if (query.endsWith(' ')) return null;
  return { start: caret - query.length - 1, query };
}

/** Replaces the "@query" with "@Name " and says where the caret goes. */
export function insertMention(text: string, caret: number, at: MentionQuery, person: Person): { text: string; caret: number } {
  const inserted = `@${person.displayName} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, at.start) + inserted + after, caret: at.start + inserted.length };
}

/** Textarea text → stored body: each chosen "@Name" becomes `<@id>`. */
export function encodeMentions(text: string, picks: readonly MentionPick[]): string {
  const byName = new Map<string, string>();
  for (const pick of picks) byName.set(pick.name, pick.id);
  if (byName.size === 0) return text;
  // Longest names first, so "@Ana Lopez" wins over "@Ana".
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}_])@(${names.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  return text.replace(pattern, (_all, lead: string, name: string) => `${lead}<@${byName.get(name)}>`);
}

/** Stored body → textarea text and the picks that turn it back (for editing a blip). */
export function decodeMentions(body: string, people: readonly Person[]): { text: string; picks: MentionPick[] } {
  const byId = new Map(people.map((p) => [p.id, p.displayName]));
  const picks = new Map<string, MentionPick>();
  const text = body.replace(/<@([A-Za-z0-9_-]{6,40})>/g, (all, id: string) => {
    const name = byId.get(id);
    if (!name) return all;
    picks.set(id, { id, name });
    return `@${name}`;
  });
  return { text, picks: [...picks.values()] };
}

/** Picks whose "@Name" is still in the text (the rest were deleted). */
export function livePicks(text: string, picks: readonly MentionPick[]): MentionPick[] {
  return picks.filter((p) => text.includes(`@${p.name}`));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
