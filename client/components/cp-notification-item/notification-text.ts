import type { Notification } from '../../../shared/schemas/notifications.js';
import type { WaveStatus } from '../../../shared/schemas/waves.js';
import { STATUS_LABELS } from '../../waves/status.js';

/**
 * The one line that says what happened, per kind. Each sentence is written out whole (names and
 * titles are the only values put in), so a message catalog can take them over as they are.
 */
export function notificationHeadline(n: Notification): string {
  const who = n.actor?.displayName ?? 'Someone';
  const title = n.title;
  switch (n.kind) {
    case 'reply':
      return `${who} replied to you in “${title}”`;
    case 'mention':
      return `${who} mentioned you in “${title}”`;
    case 'status':
      if (n.status === 'merged') return `“${title}” was merged into another idea`;
      return `“${title}” is now ${statusLabel(n.status)}`;
    case 'shipped':
      return `“${title}” shipped: an idea you helped shape`;
    case 'hand-answered':
      return `${who} answered your raised hand at “${title}”`;
    case 'staff-joined':
      return `${who} from ${n.space.name} sat down at your table “${title}”`;
    case 'moderation':
      return n.status === 'approved'
        ? `Your post in “${title}” was approved and everyone can see it`
        : `Your post in “${title}” was not published`;
    case 'spotlight':
      return `${who} put your contribution to “${title}” in the spotlight`;
    case 'host-invite':
      return `${who} invited you to host tables at the ${n.space.name} cafe`;
    default:
      // A kind this version of the app does not know yet still says who and where.
      return n.actor ? `${who}: “${title}”` : `“${title}”`;
  }
}

/** The words before a notification's `reason`: the brand's public reason, or the moderators' note. */
export function reasonLabel(n: Notification): string {
  return n.kind === 'moderation' ? 'Note from the moderators:' : 'Reason:';
}

function statusLabel(status: string | null): string {
  return (status && STATUS_LABELS[status as WaveStatus]) || 'changed';
}
