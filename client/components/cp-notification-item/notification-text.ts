import type { Notification } from '../../../shared/schemas/notifications.js';
import type { WaveStatus } from '../../../shared/schemas/waves.js';
import { msg } from '../../i18n/app.js';
import { statusLabel as waveStatusLabel } from '../../waves/status.js';

/**
 * The one line that says what happened, per kind. Each sentence is written out whole (names and
 * titles are the only values put in), so a message catalog can take them over as they are.
 */
export function notificationHeadline(n: Notification): string {
  const who = n.actor?.displayName ?? msg('Someone');
  const title = n.title;
  switch (n.kind) {
    case 'reply':
      return msg('{name} replied to you in “{title}”', { name: who, title });
    case 'mention':
      return msg('{name} mentioned you in “{title}”', { name: who, title });
    case 'status':
      if (n.status === 'merged') return msg('“{title}” was merged into another idea', { title });
      return msg('“{title}” is now {status}', { title, status: statusLabel(n.status) });
    case 'shipped':
      return msg('“{title}” shipped: an idea you helped shape', { title });
    case 'hand-answered':
      return msg('{name} answered your raised hand at “{title}”', { name: who, title });
    case 'staff-joined':
      return msg('{name} from {space} sat down at your table “{title}”', { name: who, space: n.space.name, title });
    case 'moderation':
      return n.status === 'approved'
        ? msg('Your post in “{title}” was approved and everyone can see it', { title })
        : msg('Your post in “{title}” was not published', { title });
    case 'spotlight':
      return msg('{name} put your contribution to “{title}” in the spotlight', { name: who, title });
    case 'host-invite':
      return msg('{name} invited you to host tables at the {space} cafe', { name: who, space: n.space.name });
    default:
      // A kind this version of the app does not know yet still says who and where.
      return n.actor ? msg('{name}: “{title}”', { name: who, title }) : msg('“{title}”', { title });
  }
}

/** The words before a notification's `reason`: the brand's public reason, or the moderators' note. */
export function reasonLabel(n: Notification): string {
  return n.kind === 'moderation' ? msg('Note from the moderators:') : msg('Reason:');
}

function statusLabel(status: string | null): string {
  return status ? waveStatusLabel(status as WaveStatus) : msg('changed');
}
