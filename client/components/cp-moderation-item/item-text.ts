import type { ContentKind, ItemStatus, QueueItem } from '../../../shared/schemas/moderation.js';

const STATUS_LABELS: Record<ItemStatus, string> = {
  held: 'Held',
  flagged: 'Flagged',
  allowed: 'Passed',
  approved: 'Approved',
  rejected: 'Rejected',
};

const KIND_LABELS: Record<ContentKind, string> = {
  wave: 'Idea',
  blip: 'Reply',
  'table-message': 'Table message',
  bio: 'Profile bio',
  'display-name': 'Display name',
};

export function statusLabel(status: ItemStatus): string {
  return STATUS_LABELS[status] ?? status;
}

export function kindLabel(kind: ContentKind): string {
  return KIND_LABELS[kind] ?? kind;
}

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\b/g;

/** A server message with its ISO timestamps written for people ("Already approved by Dana at 3 Mar 2025, 10:04"). */
export function readableMessage(message: string, format: (iso: string) => string): string {
  return message.replace(ISO_DATE, (iso) => format(iso));
}

/** "Approved by Dana", "Rejected by a moderator", or "Passed" for items nobody decided. */
export function decisionLine(item: Pick<QueueItem, 'status' | 'decidedBy'>): string {
  const label = statusLabel(item.status);
  return item.decidedBy ? `${label} by ${item.decidedBy.displayName}` : label;
}

/**
 * Context links come from the server as fan-app paths; anything else (another origin,
 * `javascript:`) is not linked, so a bad row can never become a script URL.
 */
export function safeAppHref(href: string | undefined | null): string | null {
  if (!href || !href.startsWith('/') || href.startsWith('//') || href.includes('\\')) return null;
  return href;
}

/** The first words of an item, for naming it in a summary ("“Nice post! buy…”"). */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
