import type { AnalyticsMetric } from '../../../shared/schemas/insights.js';

/** A length of time for people: "45 s", "12 min", "3 h 5 min", "2 d 4 h"; "—" when unknown. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** Axis values of durations, coarser than `formatDuration` (no minutes beside hours). */
export function formatAxisDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.round((seconds / 3600) * 10) / 10} h`;
  return `${Math.round((seconds / 86_400) * 10) / 10} d`;
}

const shortDays = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** A UTC day (`2026-11-20`) as a short label ("Nov 20"). */
export function shortDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? day : shortDays.format(date);
}

/** Whole numbers with the reader's grouping; fractions of a person would be odd. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString();
}

/** What each CSV download holds, in the order the page offers them. */
export const CSV_METRICS: { metric: AnalyticsMetric; label: string }[] = [
  { metric: 'hands', label: 'Raised hands per day' },
  { metric: 'open-hands', label: 'Hands up now' },
  { metric: 'active-fans', label: 'Active fans per day' },
  { metric: 'active-fans-weekly', label: 'Active fans per week' },
  { metric: 'conversations', label: 'Conversations per day' },
  { metric: 'ideas', label: 'Ideas by status' },
  { metric: 'moderation', label: 'Moderation per day' },
];
