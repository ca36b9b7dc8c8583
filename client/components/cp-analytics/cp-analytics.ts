import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Analytics } from '../../../shared/schemas/insights.js';
import type { WaveStatus } from '../../../shared/schemas/waves.js';
import { AppElement } from '../../base-element.js';
import { InsightsReport } from '../../console/insights-report.js';
import '../../console/console-events.js';
import { consoleLinks, DEFAULT_INSIGHT_DAYS } from '../../console/console-router.js';
import type { ApiClient } from '../../services/api.js';
import { shared } from '../../styles/shared.js';
import { STATUS_LABELS } from '../../waves/status.js';
import '../cp-chart/cp-chart.js';
import '../cp-waiting-time/cp-waiting-time.js';
import { CSV_METRICS, formatAxisDuration, formatCount, formatDuration, shortDay } from './analytics-format.js';
import { styles } from './cp-analytics.styles.js';

/** Windows offered in the picker; an address may ask for any 1–365. */
const WINDOWS = [7, 14, 30, 90, 180, 365];

/**
 * @summary The space's analytics: raised-hand response times, active fans, conversations, ideas
 * by status and time in status, moderation volume and time in queue; small charts with their
 * numbers, and CSV downloads of each table. Days are UTC days.
 * @fires cp-console-navigate - The window changed (replaces the address).
 */
@customElement('cp-analytics')
export class CpAnalytics extends AppElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) api: ApiClient | null = null;
  @property() slug = '';
  /** The window in days, from the address. */
  @property({ type: Number }) days = DEFAULT_INSIGHT_DAYS;

  private readonly report = new InsightsReport<Analytics>(this, (insights, days) => insights.analytics(days));

  private setWindow(days: number): void {
    this.emit('cp-console-navigate', { href: consoleLinks.analytics(this.slug, days), replace: true });
  }

  private renderWindow() {
    const options = WINDOWS.includes(this.days) ? WINDOWS : [...WINDOWS, this.days].sort((a, b) => a - b);
    return html`<div class="window">
      <label for="window">Time window</label>
      <select id="window" @change=${(e: Event) => this.setWindow(Number((e.target as HTMLSelectElement).value))}>
        ${options.map((d) => html`<option value=${d} ?selected=${d === this.days}>Last ${d} days</option>`)}
      </select>
      <button class="button button--quiet" type="button" ?disabled=${this.report.loading} @click=${() => this.report.load()}>Refresh</button>
    </div>`;
  }

  private stat(label: string, value: string, hint?: string) {
    return html`<div class="stat">
      <dt>${label}</dt>
      <dd>${value}${hint ? html`<span class="stat__hint">${hint}</span>` : nothing}</dd>
    </div>`;
  }

  private renderHands(a: Analytics) {
    const h = a.hands;
    const labels = h.perDay.map((d) => shortDay(d.day));
    return html`<section class="card" aria-labelledby="hands-title">
      <h3 class="card__title" id="hands-title">Raised hands</h3>
      <dl class="stats">
        ${this.stat('Median wait', formatDuration(h.medianSeconds))} ${this.stat('90th percentile', formatDuration(h.p90Seconds))}
        ${this.stat('Answered', formatCount(h.answered))} ${this.stat('Up now', formatCount(h.open.length))}
        ${this.stat('Went down unanswered', formatCount(h.loweredUnanswered))}
      </dl>
      ${h.open.length
        ? html`<h4 class="card__subtitle">Waiting now, longest first</h4>
            <ul class="open-hands">
              ${h.open.map(
                (hand) => html`<li>
                  <a href=${consoleLinks.floor(this.slug, hand.tableId, hand.person.id)}>${hand.person.displayName} at “${hand.topic}”</a>
                  ${hand.question ? html`<span class="open-hands__question">${hand.question}</span>` : nothing}
                  <span class="open-hands__wait">waiting <cp-waiting-time since=${hand.raisedAt}></cp-waiting-time></span>
                </li>`,
              )}
            </ul>`
        : nothing}
      <cp-chart
        type="line"
        label="Median wait for an answer, per day"
        .labels=${labels}
        .series=${[{ name: 'Median wait', values: h.perDay.map((d) => d.medianSeconds) }]}
        .format=${formatAxisDuration}
      ></cp-chart>
    </section>`;
  }

  private renderFans(a: Analytics) {
    const f = a.activeFans;
    return html`<section class="card" aria-labelledby="fans-title">
      <h3 class="card__title" id="fans-title">Active fans</h3>
      <p class="card__lead">People (not staff) who posted, edited an idea, sat at a table or supported an idea.</p>
      <dl class="stats">${this.stat('In the window', formatCount(f.distinct))}</dl>
      <cp-chart
        type="line"
        label="Active fans per day"
        .labels=${f.perDay.map((d) => shortDay(d.day))}
        .series=${[{ name: 'Active fans', values: f.perDay.map((d) => d.count) }]}
        .format=${formatCount}
      ></cp-chart>
      <cp-chart
        type="bar"
        label="Active fans per ISO week (weeks the window covers only in part are marked)"
        .labels=${f.perWeek.map((w) => `${w.week}${w.partial ? '*' : ''}`)}
        .series=${[{ name: 'Active fans', values: f.perWeek.map((w) => w.count) }]}
        .format=${formatCount}
      ></cp-chart>
    </section>`;
  }

  private renderConversations(a: Analytics) {
    const c = a.conversations;
    const days = c.perDay;
    return html`<section class="card" aria-labelledby="conversations-title">
      <h3 class="card__title" id="conversations-title">Conversations started</h3>
      <p class="card__lead">New ideas, new threads on ideas (replies that are not answers to a reply), and tables opened.</p>
      <dl class="stats">
        ${this.stat('In the window', formatCount(c.total))}
        <div class="stat">
          <dt>Trend</dt>
          <dd>
            <cp-chart type="sparkline" label="Conversations per day" .labels=${days.map((d) => shortDay(d.day))} .series=${[{ name: 'Conversations', values: days.map((d) => d.total) }]}></cp-chart>
          </dd>
        </div>
      </dl>
      <cp-chart
        type="bar"
        label="Conversations started per day"
        .labels=${days.map((d) => shortDay(d.day))}
        .series=${[
          { name: 'Ideas', values: days.map((d) => d.waves) },
          { name: 'Threads', values: days.map((d) => d.threads) },
          { name: 'Tables', values: days.map((d) => d.tables) },
        ]}
        .format=${formatCount}
      ></cp-chart>
    </section>`;
  }

  private renderIdeas(a: Analytics) {
    const rows = a.ideas.byStatus.filter((s) => s.count > 0 || s.completed > 0);
    return html`<section class="card card--wide" aria-labelledby="ideas-title">
      <h3 class="card__title" id="ideas-title">Ideas by status</h3>
      <dl class="stats">${this.stat('Ideas', formatCount(a.ideas.total))}</dl>
      <div class="scroller" role="region" aria-labelledby="ideas-caption" tabindex="0">
        <table>
          <caption id="ideas-caption">Ideas now in each status, and how long ideas stay there</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Ideas now</th>
              <th scope="col">Median time there so far</th>
              <th scope="col">Moved on in the window</th>
              <th scope="col">Median stay before moving on</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (s) => html`<tr>
                <th scope="row">${STATUS_LABELS[s.status as WaveStatus] ?? s.status}</th>
                <td>${formatCount(s.count)}</td>
                <td>${formatDuration(s.medianSecondsNow)}</td>
                <td>${formatCount(s.completed)}</td>
                <td>${formatDuration(s.medianSecondsCompleted)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        ${rows.length === 0 ? html`<p class="empty">No ideas yet.</p>` : nothing}
      </div>
    </section>`;
  }

  private renderModeration(a: Analytics) {
    const m = a.moderation;
    return html`<section class="card" aria-labelledby="moderation-title">
      <h3 class="card__title" id="moderation-title">Moderation</h3>
      <dl class="stats">
        ${this.stat('Entered the queue', formatCount(m.queued))} ${this.stat('Decided', formatCount(m.decided))}
        ${this.stat('Median time in queue', formatDuration(m.medianSecondsInQueue))} ${this.stat('90th percentile', formatDuration(m.p90SecondsInQueue))}
        ${this.stat('Waiting now', formatCount(m.waitingNow), m.oldestWaitingSeconds !== null ? `oldest ${formatDuration(m.oldestWaitingSeconds)}` : undefined)}
      </dl>
      <p><a href=${consoleLinks.queue(this.slug)}>Open the moderation queue</a></p>
      <cp-chart
        type="line"
        label="Moderation items per day: entered the queue and decided"
        .labels=${m.perDay.map((d) => shortDay(d.day))}
        .series=${[
          { name: 'Entered the queue', values: m.perDay.map((d) => d.queued) },
          { name: 'Decided', values: m.perDay.map((d) => d.decided) },
        ]}
        .format=${formatCount}
      ></cp-chart>
    </section>`;
  }

  private renderDownloads() {
    const insights = this.report.insights;
    if (!insights) return nothing;
    return html`<section class="card card--wide" aria-labelledby="downloads-title">
      <h3 class="card__title" id="downloads-title">Download as CSV</h3>
      <p class="card__lead">Last ${this.days} days, UTC days, times in seconds.</p>
      <ul class="downloads">
        ${CSV_METRICS.map((m) => html`<li><a href=${insights.csvHref(m.metric, this.days)} download>${m.label}</a></li>`)}
      </ul>
    </section>`;
  }

  override render() {
    const a = this.report.data;
    return html`<div class="analytics">
      ${this.renderWindow()}
      ${this.report.error ? html`<p class="alert" role="alert">Analytics could not be loaded. ${this.report.error.message}</p>` : nothing}
      <p class="visually-hidden" role="status">${this.report.loading ? 'Loading analytics…' : a ? `Analytics for the last ${a.window.days} days loaded.` : ''}</p>
      ${a
        ? html`<div class="cards" aria-busy=${this.report.loading ? 'true' : 'false'}>
            ${this.renderHands(a)} ${this.renderFans(a)} ${this.renderConversations(a)} ${this.renderModeration(a)} ${this.renderIdeas(a)}
            ${this.renderDownloads()}
          </div>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-analytics': CpAnalytics;
  }
}
