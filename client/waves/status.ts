import type { WaveStatus } from '../../shared/schemas/waves.js';
import { i18n } from '../i18n/app.js';
import { Localizer } from '../i18n/localizer.js';
import { WAVE_STATUSES } from '../../shared/waves.js';

/** A status's name in the language of `l` (the app's by default). */
export function statusLabel(status: WaveStatus, l: Localizer = i18n): string {
  switch (status) {
    case 'open':
      return l.msg('Open');
    case 'under-review':
      return l.msg('Under review');
    case 'planned':
      return l.msg('Planned');
    case 'in-progress':
      return l.msg('In progress');
    case 'shipped':
      return l.msg('Shipped');
    case 'declined':
      return l.msg('Declined');
    case 'merged':
      return l.msg('Merged');
    default:
      return status;
  }
}

/** In English, for the staff console (not translated). */
export const STATUS_LABELS = Object.fromEntries(WAVE_STATUSES.map((s) => [s, statusLabel(s, new Localizer('en'))])) as Record<WaveStatus, string>;
