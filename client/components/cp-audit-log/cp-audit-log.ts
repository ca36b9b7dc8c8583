import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { hasRole } from '../../../shared/roles.js';
import type { AuditEntry, Member } from '../../../shared/schemas/spaces.js';
import { AppElement } from '../../base-element.js';
import { SpaceAdminApi } from '../../console/api/space-admin-api.js';
import '../../console/console-events.js';
import { consoleLinks, NO_AUDIT_FILTERS, type AuditFilters } from '../../console/console-router.js';
import type { ApiClient } from '../../services/api.js';
import { shared } from '../../styles/shared.js';
import { absoluteTime } from '../../text/relative-time.js';
import { readableMessage } from '../cp-moderation-item/item-text.js';
import '../cp-relative-time/cp-relative-time.js';
import {
  actionLabel,
  AUDIT_ACTIONS,
  AUDIT_TARGET_TYPES,
  describeChange,
  lineText,
  targetLabel,
  type ChangeLine,
} from './audit-format.js';
import { styles } from './cp-audit-log.styles.js';

const PAGE_SIZE = 50;

/**
 * @summary A space's audit log: who did what to which target, before → after, newest first,
 * filtered by staff member, action and target type (the address keeps the filters).
 * @fires cp-console-navigate - A filter changed.
 */
@customElement('cp-audit-log')
export class CpAuditLog extends AppElement {
  static override styles = [shared, styles];

  #admin: SpaceAdminApi | null = null;
  /** Bumped on every fresh load, so a slow answer for old filters is dropped. */
  #generation = 0;

  @state() private entries: AuditEntry[] = [];
  @state() private members: Member[] = [];
  @state() private loading = false;
  @state() private more = false;
  @state() private error: ErrorBody | null = null;

  @property({ attribute: false }) api: ApiClient | null = null;
  @property() slug = '';
  /** The space's name, for the table's caption. */
  @property({ attribute: 'space-name' }) spaceName = '';
  @property({ attribute: false }) filters: AuditFilters = NO_AUDIT_FILTERS;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('slug')) {
      this.#admin = this.api && this.slug ? new SpaceAdminApi(this.api, this.slug) : null;
      this.members = [];
      void this.loadMembers();
    }
    if (changed.has('api') || changed.has('slug') || changed.has('filters')) void this.load(false);
  }

  private async loadMembers(): Promise<void> {
    const admin = this.#admin;
    const result = await admin?.members();
    if (result?.ok && admin === this.#admin) this.members = result.data;
  }

  private async load(append: boolean): Promise<void> {
    const admin = this.#admin;
    if (!admin) return;
    const generation = append ? this.#generation : ++this.#generation;
    const last = append ? this.entries.at(-1) : undefined;
    const before = last?.createdAt ?? null;
    const beforeId = last?.id ?? null;
    this.loading = true;
    this.error = null;
    const result = await admin.audit(this.filters, { before, beforeId, limit: PAGE_SIZE });
    if (generation !== this.#generation) return;
    this.loading = false;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    const known = new Set(append ? this.entries.map((e) => e.id) : []);
    this.entries = [...(append ? this.entries : []), ...result.data.filter((e) => !known.has(e.id))];
    this.more = result.data.length === PAGE_SIZE;
  }

  private setFilter(patch: Partial<AuditFilters>): void {
    this.emit('cp-console-navigate', { href: consoleLinks.audit(this.slug, { ...this.filters, ...patch }), replace: true });
  }

  private name(userId: string | null): string {
    if (userId === null) return 'Commonplace';
    return this.members.find((m) => m.user.id === userId)?.user.displayName ?? 'Former member';
  }

  private renderSelect(id: string, label: string, value: string | null, options: [string, string][], onChange: (v: string | null) => void) {
    // A filter from a shared address that is not in the list is still shown as chosen.
    const all = value && !options.some(([v]) => v === value) ? [...options, [value, value] as [string, string]] : options;
    return html`<div class="filter">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value || null)}>
        <option value="" ?selected=${!value}>Any</option>
        ${all.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select>
    </div>`;
  }

  private renderFilters() {
    const staff = this.members
      .filter((m) => hasRole(m.role, 'staff'))
      .sort((a, b) => a.user.displayName.localeCompare(b.user.displayName))
      .map((m): [string, string] => [m.user.id, `${m.user.displayName} (${m.role})`]);
    return html`<form class="filters" aria-label="Filter the audit log" @submit=${(e: Event) => e.preventDefault()}>
      ${this.renderSelect('actor', 'Staff member', this.filters.actorId, staff, (actorId) => this.setFilter({ actorId }))}
      ${this.renderSelect('action', 'Action', this.filters.action, Object.entries(AUDIT_ACTIONS), (action) => this.setFilter({ action }))}
      ${this.renderSelect('target', 'Target type', this.filters.targetType, Object.entries(AUDIT_TARGET_TYPES), (targetType) =>
        this.setFilter({ targetType }),
      )}
    </form>`;
  }

  private renderLine(raw: ChangeLine) {
    const line = readableLine(raw);
    const key = line.key ? html`<span class="diff__key">${line.key}</span>: ` : nothing;
    switch (line.kind) {
      case 'changed':
        return html`${key}<span class="diff__from">${line.from}</span> → <span class="diff__to">${line.to}</span>`;
      case 'set':
        return html`${key}<span class="diff__to">${line.to}</span>`;
      case 'removed':
        return html`${key}<span class="diff__from">${line.from}</span> → (none)`;
      case 'list':
        return html`${key}${line.added.map((v, i) => html`${i ? ', ' : ''}<span class="diff__to">+${v}</span>`)}${line.removed.map(
          (v, i) => html`${i || line.added.length ? ', ' : ''}<span class="diff__from">−${v}</span>`,
        )}`;
    }
  }

  private renderRow(entry: AuditEntry) {
    const lines = describeChange(entry.before, entry.after);
    const target = entry.targetType === 'user' && entry.targetId ? this.name(entry.targetId) : null;
    return html`<tr>
      <th scope="row"><cp-relative-time datetime=${entry.createdAt}></cp-relative-time></th>
      <td>${this.name(entry.actorId)}</td>
      <td>${actionLabel(entry.action)}<span class="action__code action__code--nowrap code">${entry.action}</span></td>
      <td>
        ${targetLabel(entry.targetType)}${target && target !== 'Former member' ? html` · ${target}` : nothing}
        ${entry.targetId ? html`<span class="action__code code">${entry.targetId}</span>` : nothing}
      </td>
      <td>
        ${lines.length
          ? html`<ul class="diff">
              ${lines.map((line) => html`<li title=${lineText(line)}>${this.renderLine(line)}</li>`)}
            </ul>`
          : html`<span class="muted">—</span>`}
      </td>
    </tr>`;
  }

  override render() {
    const filtered = Object.values(this.filters).some(Boolean);
    return html`<div class="audit">
      ${this.renderFilters()}
      ${this.error ? html`<p class="alert" role="alert">The audit log could not be loaded. ${this.error.message}</p>` : nothing}
      <p class="scroll-hint">The table scrolls sideways.</p>
      <div class="scroller" role="region" aria-labelledby="audit-caption" tabindex="0">
        <table aria-busy=${this.loading ? 'true' : 'false'}>
          <caption id="audit-caption">
            Audit log of ${this.spaceName || 'this space'}, newest first${filtered ? ' (filtered)' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Target</th>
              <th scope="col">Before → after</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(this.entries, (e) => e.id, (e) => this.renderRow(e))}
          </tbody>
        </table>
        ${!this.loading && !this.error && this.entries.length === 0
          ? html`<p class="empty">${filtered ? 'Nothing matches these filters.' : 'No staff actions yet.'}</p>`
          : nothing}
      </div>
      <p class="visually-hidden" role="status">${this.loading ? 'Loading…' : `${this.entries.length} entries shown.`}</p>
      ${this.more
        ? html`<button class="button button--quiet more" type="button" ?disabled=${this.loading} @click=${() => this.load(true)}>
            ${this.loading ? 'Loading…' : 'Load more'}
          </button>`
        : nothing}
    </div>`;
  }
}

/** ISO timestamps in values read as dates ("until": Nov 25, 2026, 6:55 AM). */
function readableLine(line: ChangeLine): ChangeLine {
  const read = (text: string) => readableMessage(text, absoluteTime);
  switch (line.kind) {
    case 'changed':
      return { ...line, from: read(line.from), to: read(line.to) };
    case 'set':
      return { ...line, to: read(line.to) };
    case 'removed':
      return { ...line, from: read(line.from) };
    case 'list':
      return line;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-audit-log': CpAuditLog;
  }
}
