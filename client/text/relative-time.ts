import { i18n } from '../i18n/app.js';
import type { Localizer } from '../i18n/localizer.js';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const formatters = new Map<string, Intl.RelativeTimeFormat>();

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago"; future times read "in …"; in the language of `l`. */
export function relativeTime(iso: string, now: number = Date.now(), l: Localizer = i18n): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now) / 1000);
  if (Math.abs(seconds) < 45) return l.msg('just now');
  const locale = l.locale;
  const key = locale;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    formatters.set(key, format);
  }
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size * 0.9 || unit === 'minute') {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return l.msg('just now');
}

/** The full date and time, for tooltips and `<time>` titles, in the language of `l`. */
export function absoluteTime(iso: string, l: Localizer = i18n): string {
  return l.date(iso, { dateStyle: 'medium', timeStyle: 'short' });
}
