import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { PEOPLE_LIMITS } from '../../../shared/people.js';
import type { CatalystEntry, Catalysts } from '../../../shared/schemas/insights.js';
import { AppElement } from '../../base-element.js';
import { InsightsReport } from '../../console/insights-report.js';
import '../../console/console-events.js';
import { consoleLinks, DEFAULT_INSIGHT_DAYS, INSIGHT_WINDOWS, type InsightWindow } from '../../console/console-router.js';
import type { ApiClient } from '../../services/api.js';
import { newIdempotencyKey } from '../../services/idempotency.js';
import { shared } from '../../styles/shared.js';
import { absoluteTime } from '../../text/relative-time.js';
import { drawnPhrases, peopleText, scoreText, spotlightWave, volumeText, waysText } from './catalyst-text.js';
import { styles } from './cp-catalysts.styles.js';

type Action = 'spotlight' | 'invite' | 'note';

/** The longest personal word on an invitation to host (INSIGHTS_LIMITS.inviteMessageMax, without zod). */
const INVITE_MESSAGE_MAX = 500;

const ACTIONS: Record<Action, { button: string; label: string; hint: string; submit: string; max: number; required: boolean }> = {
  spotlight: {
    button: 'Spotlight',
    label: 'Public thank-you',
    hint: 'Shown on their profile and in the space, and they are told.',
    submit: 'Spotlight them',
    max: PEOPLE_LIMITS.spotlightMax,
    required: true,
  },
  invite: {
    button: 'Invite to host a table',
    label: 'A personal word (optional)',
    hint: 'They get a notification that leads to the cafe, to open a table for newcomers.',
    submit: 'Send the invitation',
    max: INVITE_MESSAGE_MAX,
    required: false,
  },
  note: {
    button: 'Add a note',
    label: 'Note for the staff',
    hint: 'Shared with this space’s staff, never shown to them.',
    submit: 'Save the note',
    max: PEOPLE_LIMITS.noteMax,
    required: true,
  },
};

interface OpenForm {
  userId: string;
  action: Action;
  text: string;
  /** One per submission, kept across retries of it. */
  key: string;
  busy: boolean;
  error: string | null;
}

/**
 * @summary The catalysts page: people ranked by how many others they draw in (replies, co-edits,
 * table guests, newcomers who came back) over their own volume, for the last 7, 30 or 90 days.
 * Each entry expands to the conversations that show it and three actions: spotlight, invite to
 * host a table, add a note.
 * @fires cp-console-navigate - The window changed (replaces the address).
 */
@customElement('cp-catalysts')
export class CpCatalysts extends AppElement {
  static override styles = [shared, styles];

  @state() private expanded = new Set<string>();
  @state() private form: OpenForm | null = null;
  /** The last outcome per person, said under their actions. */
  @state() private done = new Map<string, string>();

  @property({ attribute: false }) api: ApiClient | null = null;
  @property() slug = '';
  /** The window, from the address. */
  @property({ type: Number }) days: InsightWindow = DEFAULT_INSIGHT_DAYS;

  private readonly report = new InsightsReport<Catalysts>(this, (insights, days) => insights.catalysts(days));

  private setWindow(days: InsightWindow): void {
    this.emit('cp-console-navigate', { href: consoleLinks.catalysts(this.slug, days), replace: true });
  }

  private toggle(userId: string): void {
    const next = new Set(this.expanded);
    if (next.has(userId)) next.delete(userId);
    else next.add(userId);
    this.expanded = next;
  }

  private async openForm(userId: string, action: Action): Promise<void> {
    this.form = { userId, action, text: '', key: newIdempotencyKey(), busy: false, error: null };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>(`#form-${cssId(userId)} textarea`)?.focus();
  }

  private async closeForm(): Promise<void> {
    const form = this.form;
    this.form = null;
    if (!form) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`#action-${cssId(form.userId)}-${form.action}`)?.focus();
  }

  private async submit(event: Event, entry: CatalystEntry): Promise<void> {
    event.preventDefault();
    const form = this.form;
    const insights = this.report.insights;
    if (!form || !insights || form.busy) return;
    const text = form.text.trim();
    if (ACTIONS[form.action].required && !text) {
      this.form = { ...form, error: form.action === 'note' ? 'Write the note first.' : 'Say what you thank them for.' };
      return;
    }
    this.form = { ...form, busy: true, error: null };
    const name = entry.person.displayName;
    let outcome: { ok: true; message: string } | { ok: false; error: ErrorBody };
    if (form.action === 'spotlight') {
      const result = await insights.spotlight(entry.person.id, text, form.key, spotlightWave(entry)?.id);
      outcome = result.ok ? { ok: true, message: `${name} is in the spotlight. Thank you for raising them up.` } : result;
    } else if (form.action === 'invite') {
      const result = await insights.inviteToHost(entry.person.id, text, form.key);
      outcome = result.ok
        ? { ok: true, message: result.data.notified ? `${name} is invited to host a table.` : `Invitation recorded, but ${name} turned these notifications off.` }
        : result;
    } else {
      const result = await insights.addNote(entry.person.id, text);
      outcome = result.ok ? { ok: true, message: `Note about ${name} saved for the staff.` } : result;
    }
    if (this.form?.userId !== form.userId || this.form.action !== form.action) return;
    if (!outcome.ok) {
      this.form = { ...this.form, busy: false, error: actionError(form.action, outcome.error) };
      return;
    }
    this.done = new Map(this.done).set(entry.person.id, outcome.message);
    await this.closeForm();
  }

  private renderWindow() {
    return html`<fieldset class="window">
      <legend>Time window</legend>
      ${INSIGHT_WINDOWS.map(
        (days) => html`<label class="window__option">
          <input type="radio" name="window" .checked=${days === this.days} @change=${() => this.setWindow(days)} />
          Last ${days} days
        </label>`,
      )}
    </fieldset>`;
  }

  private renderEvidence(entry: CatalystEntry) {
    if (entry.evidence.length === 0) return html`<p class="muted">No conversations to show.</p>`;
    return html`<ul class="evidence">
      ${entry.evidence.map(
        (e) => html`<li>
          <a href=${e.href} target="_blank" rel="noopener">${e.kind === 'table' ? 'Cafe table' : 'Wave'}: ${e.title}<span class="visually-hidden"> (opens in a new tab)</span></a>
          <span class="evidence__who">${peopleText(e.people)}: ${waysText(e.ways)}</span>
          <time class="evidence__when" datetime=${e.lastAt}>${absoluteTime(e.lastAt)}</time>
        </li>`,
      )}
    </ul>`;
  }

  private renderForm(entry: CatalystEntry) {
    const form = this.form;
    if (!form || form.userId !== entry.person.id) return nothing;
    const spec = ACTIONS[form.action];
    const id = cssId(entry.person.id);
    const wave = form.action === 'spotlight' ? spotlightWave(entry) : null;
    return html`<form
      class="action-form"
      id="form-${id}"
      aria-label="${spec.button}: ${entry.person.displayName}"
      @submit=${(e: Event) => this.submit(e, entry)}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.closeForm()}
    >
      <label for="text-${id}">${spec.label}</label>
      <p class="hint" id="hint-${id}">${spec.hint}${wave ? html` It names “${wave.title}”.` : nothing}</p>
      <textarea
        id="text-${id}"
        rows="3"
        maxlength=${spec.max}
        aria-describedby="hint-${id}${form.error ? ` error-${id}` : ''}"
        aria-invalid=${form.error ? 'true' : 'false'}
        .value=${form.text}
        @input=${(e: Event) => (this.form = { ...this.form!, text: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      ${form.error ? html`<p class="error" id="error-${id}" role="alert">${form.error}</p>` : nothing}
      <div class="action-form__buttons">
        <button class="button" type="submit" ?disabled=${form.busy}>${form.busy ? 'Sending…' : spec.submit}</button>
        <button class="button button--quiet" type="button" @click=${() => this.closeForm()}>Cancel</button>
      </div>
    </form>`;
  }

  private renderEntry(entry: CatalystEntry) {
    const id = cssId(entry.person.id);
    const open = this.expanded.has(entry.person.id);
    const phrases = drawnPhrases(entry);
    return html`<li class="entry">
      <div class="entry__head">
        <span class="entry__rank" aria-hidden="true">${entry.rank}</span>
        <div class="entry__who">
          <h3 class="entry__name" id="name-${id}"><span class="visually-hidden">${entry.rank}. </span>${entry.person.displayName}</h3>
          <p class="entry__summary">${phrases.join(' · ')} — ${volumeText(entry)}.</p>
        </div>
        <p class="entry__score">
          <span class="entry__score-value">${scoreText(entry.score)}</span>
          <span class="entry__score-label">score · reach ${entry.reach}</span>
        </p>
        <button
          class="button button--quiet entry__toggle"
          type="button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="panel-${id}"
          @click=${() => this.toggle(entry.person.id)}
        >
          ${open ? 'Hide' : 'Show'} evidence and actions<span class="visually-hidden"> for ${entry.person.displayName}</span>
        </button>
      </div>
      <div class="entry__panel" id="panel-${id}" ?hidden=${!open}>
        <h4 class="entry__subtitle">Conversations</h4>
        ${this.renderEvidence(entry)}
        <div class="actions" role="group" aria-label="Actions for ${entry.person.displayName}">
          ${(Object.keys(ACTIONS) as Action[]).map(
            (action) => html`<button
              class="button button--quiet"
              type="button"
              id="action-${id}-${action}"
              aria-expanded=${this.form?.userId === entry.person.id && this.form.action === action ? 'true' : 'false'}
              aria-controls="form-${id}"
              @click=${() => this.openForm(entry.person.id, action)}
            >
              ${ACTIONS[action].button}
            </button>`,
          )}
        </div>
        ${this.renderForm(entry)}
        <p class="notice" role="status" ?hidden=${!this.done.has(entry.person.id)}>${this.done.get(entry.person.id) ?? ''}</p>
      </div>
    </li>`;
  }

  override render() {
    const entries = this.report.data?.entries ?? [];
    return html`<div class="catalysts">
      <div class="toolbar">
        ${this.renderWindow()}
        <details class="how">
          <summary>How the score works</summary>
          <p>
            Each person’s <strong>reach</strong> is the number of different people who replied to them, edited an idea after
            them or sat at a table they opened in this window; a newcomer who talked with them and came back on a later day
            counts twice. The <strong>score</strong> is reach divided by their own volume plus 2, so a quiet person whose one
            post drew ten people in ranks above someone who posted a hundred times. Staff are not ranked and not counted.
          </p>
        </details>
      </div>
      ${this.report.error ? html`<p class="alert" role="alert">Catalysts could not be loaded. ${this.report.error.message}</p>` : nothing}
      <p class="visually-hidden" role="status">${this.report.loading ? 'Loading catalysts…' : this.report.data ? `${entries.length} people ranked.` : ''}</p>
      ${!this.report.loading && this.report.data && entries.length === 0
        ? html`<p class="empty">Nobody drew others in during the last ${this.days} days yet. Try a longer window.</p>`
        : nothing}
      <ol class="entries" aria-busy=${this.report.loading ? 'true' : 'false'} aria-label="Catalysts, last ${this.days} days">
        ${repeat(entries, (e) => e.person.id, (e) => this.renderEntry(e))}
      </ol>
    </div>`;
  }
}

/** Ids are URL-safe already; this keeps element ids valid whatever they hold. */
function cssId(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_');
}

function actionError(action: Action, error: ErrorBody): string {
  const what = action === 'spotlight' ? 'The spotlight was not saved.' : action === 'invite' ? 'The invitation was not sent.' : 'The note was not saved.';
  return `${what} ${error.message}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-catalysts': CpCatalysts;
  }
}
