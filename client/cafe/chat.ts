import type { Hand, TableMessage } from '../../shared/schemas/cafe.js';
import { i18n } from '../i18n/app.js';
import type { Localizer } from '../i18n/localizer.js';

/** One line of a table's chat: a message, or a banner (a staff announcement, a wave started from the table). */
export type ChatEntry =
  | { kind: 'message'; id: string; message: TableMessage }
  | { kind: 'announcement'; id: string; text: string; author: string; at: string }
  | { kind: 'promoted'; id: string; wave: { id: string; title: string }; by: string; at: string };

/** A long-open table keeps this many lines; older ones are dropped. */
export const KEEP_ENTRIES = 300;

/** The conversation as loaded: rejected messages never show (the author's own held ones do). */
export function entriesFrom(messages: TableMessage[]): ChatEntry[] {
  return messages.filter((m) => m.visibility !== 'rejected').map((message) => ({ kind: 'message', id: message.id, message }));
}

/**
 * A message arrived (the ack of your own, the table stream, or a moderation decision): replaced
 * where it is when known (held → visible keeps its place), removed when rejected, else appended.
 */
export function upsertMessage(entries: ChatEntry[], message: TableMessage): ChatEntry[] {
  const at = entries.findIndex((e) => e.kind === 'message' && e.id === message.id);
  if (message.visibility === 'rejected') return at < 0 ? entries : entries.filter((_, i) => i !== at);
  const entry: ChatEntry = { kind: 'message', id: message.id, message };
  if (at >= 0) return entries.map((e, i) => (i === at ? entry : e));
  return [...entries, entry].slice(-KEEP_ENTRIES);
}

/** A banner line, once per id (a replayed event is not shown twice). */
export function addBanner(entries: ChatEntry[], entry: Exclude<ChatEntry, { kind: 'message' }>): ChatEntry[] {
  if (entries.some((e) => e.kind === entry.kind && e.id === entry.id)) return entries;
  return [...entries, entry].slice(-KEEP_ENTRIES);
}

/** Visible messages that may start a wave, in the table's order. */
export function promotable(entries: ChatEntry[]): TableMessage[] {
  return entries.flatMap((e) => (e.kind === 'message' && e.message.visibility === 'visible' ? [e.message] : []));
}

/** Hands still up, longest waiting first; a hand raised again replaces the earlier copy. */
export function raiseInList(hands: Hand[], hand: Hand): Hand[] {
  if (hand.loweredAt !== null) return lowerInList(hands, hand.id);
  const rest = hands.filter((h) => h.id !== hand.id);
  return [...rest, hand].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
}

export function lowerInList(hands: Hand[], handId: string): Hand[] {
  return hands.filter((h) => h.id !== handId);
}

/** "0:42", "3:05", "1:02:09": how long a hand has been up. */
export function clockDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** The same in words, for screen readers: "42 seconds", "3 minutes 5 seconds", "1 hour 2 minutes". */
export function spokenDuration(seconds: number, l: Localizer = i18n): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const unit = (style: 'hours' | 'minutes' | 'seconds', n: number) =>
    style === 'hours'
      ? l.msg('{count, plural, one {# hour} other {# hours}}', { count: n })
      : style === 'minutes'
        ? l.msg('{count, plural, one {# minute} other {# minutes}}', { count: n })
        : l.msg('{count, plural, one {# second} other {# seconds}}', { count: n });
  const two = (a: string, b: string) => l.msg('{larger} {smaller}', { larger: a, smaller: b });
  if (hours > 0) return minutes > 0 ? two(unit('hours', hours), unit('minutes', minutes)) : unit('hours', hours);
  if (minutes > 0) return s % 60 > 0 ? two(unit('minutes', minutes), unit('seconds', s % 60)) : unit('minutes', minutes);
  return unit('seconds', s);
}
