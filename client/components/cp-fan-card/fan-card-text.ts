import type { Conversation, NotePromise } from '../../../shared/schemas/people.js';
import type { QueueItem } from '../../../shared/schemas/moderation.js';

/** Today as `YYYY-MM-DD` in UTC, the day promises are compared with (as the server does). */
export function todayUtc(now: number = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** An open promise due before today. */
export function isOverdue(promise: Pick<NotePromise, 'status' | 'due'> | null, today: string): boolean {
  return !!promise && promise.status === 'open' && promise.due !== null && promise.due < today;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** `2026-03-12` → "Mar 12, 2026" (in the reader's language); anything else as it is. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(date.getTime()) ? dayFormat.format(date) : day;
}

/** "Promise · open · due Mar 12, 2026 · overdue", "Promise · done", "Promise · open · no due date". */
export function promiseLabel(promise: Pick<NotePromise, 'status' | 'due'>, today: string): string {
  const parts = ['Promise', promise.status === 'open' ? 'open' : 'done'];
  if (promise.status === 'open') {
    parts.push(promise.due ? `due ${formatDay(promise.due)}` : 'no due date');
    if (isOverdue(promise, today)) parts.push('overdue');
  }
  return parts.join(' · ');
}

/** How a conversation with staff reads in a list: "Sat at a table with Dana", "Dana answered a raised hand", "Dana replied". */
export function conversationLabel(conversation: Pick<Conversation, 'kind' | 'staff'>): string {
  const names = conversation.staff.map((s) => s.displayName);
  const who = names.length === 0 ? 'Staff' : names.length <= 2 ? names.join(' and ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
  switch (conversation.kind) {
    case 'table':
      return `Sat at a table with ${who}`;
    case 'hand':
      return `${who} answered a raised hand`;
    case 'reply':
      return `${who} replied`;
  }
}

/** A staff-friendly word for a moderation item's outcome. */
export function moderationOutcome(item: Pick<QueueItem, 'status'>): string {
  const labels: Record<QueueItem['status'], string> = {
    held: 'Waiting for review',
    flagged: 'Flagged',
    allowed: 'Passed',
    approved: 'Approved',
    rejected: 'Rejected',
  };
  return labels[item.status];
}

/** Notes' text is plain: at most `max` characters on one line for lists (the card shows it whole). */
export function oneLine(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
