import type { Analytics, AnalyticsMetric } from '../../../shared/schemas/insights.js';

type Cell = string | number | boolean | null;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) gets a
 * leading `'`: table topics and questions are fans' words.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text: a header row, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const round = (seconds: number | null) => (seconds === null ? null : Math.round(seconds));

/** One table of the report as CSV. Times are seconds; days are UTC. */
export function analyticsCsv(report: Analytics, metric: AnalyticsMetric): string {
  switch (metric) {
    case 'hands':
      return toCsv(
        ['day', 'answered', 'median_wait_seconds'],
        report.hands.perDay.map((d) => [d.day, d.answered, round(d.medianSeconds)]),
      );
    case 'open-hands':
      return toCsv(
        ['hand_id', 'table_id', 'topic', 'person', 'question', 'raised_at', 'wait_seconds'],
        report.hands.open.map((h) => [h.handId, h.tableId, h.topic, h.person.displayName, h.question, h.raisedAt, h.waitSeconds]),
      );
    case 'active-fans':
      return toCsv(
        ['day', 'active_fans'],
        report.activeFans.perDay.map((d) => [d.day, d.count]),
      );
    case 'active-fans-weekly':
      return toCsv(
        ['week', 'from', 'to', 'active_fans', 'partial'],
        report.activeFans.perWeek.map((w) => [w.week, w.from, w.to, w.count, w.partial]),
      );
    case 'conversations':
      return toCsv(
        ['day', 'waves', 'threads', 'tables', 'total'],
        report.conversations.perDay.map((d) => [d.day, d.waves, d.threads, d.tables, d.total]),
      );
    case 'ideas':
      return toCsv(
        ['status', 'ideas', 'median_seconds_in_status_now', 'stays_ended_in_window', 'median_seconds_of_ended_stays'],
        report.ideas.byStatus.map((s) => [s.status, s.count, round(s.medianSecondsNow), s.completed, round(s.medianSecondsCompleted)]),
      );
    case 'moderation':
      return toCsv(
        ['day', 'queued', 'decided'],
        report.moderation.perDay.map((d) => [d.day, d.queued, d.decided]),
      );
  }
}

/** `lumen-hands-30d-2026-11-25.csv` */
export function csvFileName(slug: string, metric: AnalyticsMetric, report: Analytics): string {
  return `${slug}-${metric}-${report.window.days}d-${report.window.to.slice(0, 10)}.csv`;
}
