import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ERROR_CODES, type ErrorBody } from '../../../shared/errors.js';
import type { User } from '../../../shared/schemas/auth.js';
import type { Space } from '../../../shared/schemas/spaces.js';
import type { StreamEvent } from '../../../shared/schemas/streams.js';
import type { Blip, Contributor, WaveDetail } from '../../../shared/schemas/waves.js';
import { streamName } from '../../../shared/streams.js';
import { AppElement } from '../../base-element.js';
import { i18n, msg, msgRich } from '../../i18n/app.js';
import '../../components/cp-blip-thread/cp-blip-thread.js';
import type { CpBlipThread } from '../../components/cp-blip-thread/cp-blip-thread.js';
import '../../components/cp-blip/cp-blip.js';
import '../../components/cp-composer/cp-composer.js';
import '../../components/cp-contributors/cp-contributors.js';
import '../../components/cp-idea-editor/cp-idea-editor.js';
import '../../components/cp-playback/cp-playback.js';
import type { CpPlayback } from '../../components/cp-playback/cp-playback.js';
import '../../components/cp-presence-list/cp-presence-list.js';
import '../../components/cp-relative-time/cp-relative-time.js';
import '../../components/cp-staff-panel/cp-staff-panel.js';
import '../../components/cp-status-badge/cp-status-badge.js';
import '../../components/cp-status-history/cp-status-history.js';
import '../../components/cp-switch/cp-switch.js';
import { CollabController } from '../../controllers/collab-controller.js';
import { DraftsController } from '../../controllers/drafts-controller.js';
import { StreamController } from '../../controllers/stream-controller.js';
import { userColor } from '../../editor/user-color.js';
import type {
  BlipDetail,
  PinRequestDetail,
  ReactionToggleDetail,
  ReplyRequestDetail,
  SwitchChangeDetail,
  WaveChangedDetail,
} from '../../events.js';
import { debounce } from '../../lib/throttle.js';
import type { ApiClient } from '../../services/api.js';
import { deleteBlip, listBlips, setReaction } from '../../services/blips.js';
import { newIdempotencyKey } from '../../services/idempotency.js';
import type { AppSocket } from '../../services/socket.js';
import { getContributors, getSettings, getWave, pinBlip, setSupport, updateSettings } from '../../services/waves.js';
import { tagChip } from '../../styles/chips.js';
import { shared } from '../../styles/shared.js';
import { viewPage } from '../../styles/views.js';
import { markDeleted, mergePage, setReactions, toggleReaction, upsertBlip } from '../../waves/blip-tree.js';
import { statusLabel } from '../../waves/status.js';
import { href } from '../router.js';
import { styles } from './wave-view.styles.js';

type Load<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ErrorBody };

/** Deep links may point at a blip several pages in; look this far for it. */
const MAX_PAGES_FOR_LINK = 5;

/**
 * @summary One wave: its idea document (co-edited live), the conversation, support, status
 * history, contributors, playback and (for staff) the staff tools. Follows `wave:<id>`.
 */
@customElement('cp-wave-view')
export class CpWaveView extends AppElement {
  static override styles = [shared, viewPage, tagChip, styles];

  private stream?: StreamController;
  private drafts?: DraftsController;
  private readonly collab = new CollabController(this);
  private refreshContributors = debounce(() => void this.loadContributors(), 800);
  private focusedLink: string | null = null;

  @query('cp-blip-thread') private thread?: CpBlipThread;
  @query('cp-playback') private playback?: CpPlayback;
  @query('.page-alert') private pageAlert?: HTMLElement;

  @state() private wave: Load<WaveDetail> = { status: 'loading' };
  /** Staff: whose fan card is open beside the wave (its panel's code loads on first use). */
  @state() private fanCard: string | null = null;
  @state() private blips: Blip[] = [];
  @state() private blipsCursor: string | null = null;
  @state() private blipsLoad: Load<null> = { status: 'loading' };
  @state() private contributors: Contributor[] = [];
  @state() private reply: ReplyRequestDetail | null = null;
  @state() private editingId: string | null = null;
  @state() private supportPending = false;
  @state() private shareDrafts = false;
  @state() private shareDraftsKnown = false;
  @state() private announcement = '';
  @state() private problem = '';

  @property({ attribute: false }) api?: ApiClient;
  @property({ attribute: false }) socket?: AppSocket;
  @property({ attribute: false }) space?: Space;
  @property({ attribute: false }) user: User | null = null;
  @property() waveId = '';
  /** A blip to scroll to and focus (`#blip-<id>`). */
  @property({ attribute: false }) blipId: string | null = null;

  private get detail(): WaveDetail | null {
    return this.wave.status === 'ready' ? this.wave.data : null;
  }

  private get slug(): string {
    return this.space?.slug ?? '';
  }

  override disconnectedCallback(): void {
    // Leave the wave's room: its events and drafts are of no use once the page is gone.
    if (this.stream) this.stream.stream = null;
    this.refreshContributors.cancel();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.socket && !this.stream) {
      this.stream = new StreamController(this, this.socket, { from: 'now', keep: 0, onEvents: (events) => this.applyEvents(events) });
      this.drafts = new DraftsController(this, this.socket, () => this.user?.id ?? null);
    }
    if (changed.has('waveId') && this.waveId) {
      this.stream!.stream = streamName.wave(this.waveId);
      this.drafts!.waveId = this.waveId;
      void this.loadAll();
    } else if (changed.has('user') && changed.get('user') !== undefined && changed.get('user')?.id !== this.user?.id) {
      // Signed in or out: what the viewer may do changed, and the document socket must reconnect as them.
      void this.loadWave();
      void this.loadSettings();
    }
    if (changed.has('blipId') && this.blipId && this.blipsLoad.status === 'ready') void this.focusLinkedBlip();
  }

  private async loadAll(): Promise<void> {
    await this.loadWave();
    if (!this.detail) return;
    await Promise.all([this.loadBlips(), this.loadContributors(), this.loadSettings()]);
    if (this.blipId) void this.focusLinkedBlip();
  }

  private async loadWave(): Promise<void> {
    if (!this.api) return;
    const result = await getWave(this.api, this.waveId);
    if (!result.ok) {
      if (this.wave.status !== 'ready') this.wave = { status: 'error', error: result.error };
      else this.problem = msg("We couldn't refresh this wave. {problem}", { problem: result.error.message });
      return;
    }
    const first = this.wave.status !== 'ready';
    this.wave = { status: 'ready', data: result.data };
    document.title = msg('{title} · {space}', { title: result.data.title, space: this.space?.name ?? 'Commonplace' });
    if (first) void this.focusTitleIfLost();
    this.openDocument(result.data);
  }

  /** Shipped just now: the people it names ("made with …") come with the wave. */
  private async refreshMadeWith(): Promise<void> {
    if (!this.api) return;
    const result = await getWave(this.api, this.waveId);
    const detail = this.detail;
    if (result.ok && detail?.id === result.data.id) this.wave = { status: 'ready', data: { ...detail, madeWith: result.data.madeWith } };
  }

  /** After a client-side navigation the clicked link is gone; start screen readers at the title. */
  private async focusTitleIfLost(): Promise<void> {
    await this.updateComplete;
    const active = document.activeElement;
    if (this.blipId || (active && active !== document.body && active !== document.documentElement)) return;
    const heading = this.renderRoot.querySelector<HTMLElement>('h2');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }

  /**
   * Connects the idea document as the viewer (again after signing in or out). A lock needs no
   * reconnect: the server re-checks open connections itself.
   */
  private openDocument(detail: WaveDetail): void {
    const user = this.user ? { id: this.user.id, name: this.user.displayName, color: userColor(this.user.id) } : null;
    this.collab.open(detail.docName, user);
  }

  private async loadBlips(): Promise<void> {
    if (!this.api) return;
    this.blipsLoad = { status: 'loading' };
    const result = await listBlips(this.api, this.waveId, null);
    if (!result.ok) {
      this.blipsLoad = { status: 'error', error: result.error };
      return;
    }
    this.blips = mergePage(this.blips, result.data.items);
    this.blipsCursor = result.data.nextCursor;
    this.blipsLoad = { status: 'ready', data: null };
  }

  private async loadMoreBlips(): Promise<boolean> {
    if (!this.api || !this.blipsCursor) return false;
    const result = await listBlips(this.api, this.waveId, this.blipsCursor);
    if (!result.ok) {
      this.problem = msg('Loading more replies failed. {problem}', { problem: result.error.message });
      return false;
    }
    this.blips = mergePage(this.blips, result.data.items);
    this.blipsCursor = result.data.nextCursor;
    this.announcement = msg('{count, plural, one {# more reply loaded.} other {# more replies loaded.}}', { count: result.data.items.length });
    return true;
  }

  private async loadContributors(): Promise<void> {
    if (!this.api) return;
    const result = await getContributors(this.api, this.waveId);
    if (result.ok) this.contributors = result.data;
  }

  private async loadSettings(): Promise<void> {
    if (!this.api || !this.user) {
      this.shareDraftsKnown = false;
      return;
    }
    const result = await getSettings(this.api);
    if (result.ok) {
      this.shareDrafts = result.data.shareDrafts;
      this.shareDraftsKnown = true;
    }
  }

  private async focusLinkedBlip(): Promise<void> {
    const id = this.blipId;
    if (!id || this.focusedLink === id) return;
    for (let page = 0; page < MAX_PAGES_FOR_LINK && !this.blips.some((b) => b.id === id); page++) {
      if (!(await this.loadMoreBlips())) break;
    }
    this.focusedLink = id;
    await this.updateComplete;
    if (!(await this.thread?.focusBlip(id))) this.announcement = msg('That reply is not in this wave any more.');
  }

  // ---- live events

  private applyEvents(events: StreamEvent[]): void {
    for (const event of events) {
      const detail = this.detail;
      switch (event.type) {
        case 'wave:counts':
          if (detail) {
            const { supporters, replies, contributors, lastActivityAt } = event.data;
            if (contributors !== detail.contributors) this.refreshContributors();
            this.wave = { status: 'ready', data: { ...detail, supporters, replies, contributors, lastActivityAt } };
          }
          break;
        case 'wave:status-changed':
          if (detail) {
            const { status, change } = event.data;
            const history = detail.statusHistory.some((c) => c.id === change.id) ? detail.statusHistory : [...detail.statusHistory, change];
            const madeWith = status === 'shipped' ? detail.madeWith : undefined;
            this.wave = { status: 'ready', data: { ...detail, status, statusHistory: history, madeWith } };
            this.announcement = change.reason
              ? msg('Status changed to {status}. Reason: {reason}', { status: statusLabel(status), reason: change.reason })
              : msg('Status changed to {status}.', { status: statusLabel(status) });
            if (status === 'shipped') void this.refreshMadeWith();
          }
          break;
        case 'wave:updated':
          if (event.data.locked !== undefined && detail && event.data.locked !== detail.locked) {
            this.announcement = event.data.locked ? msg('Staff locked the document.') : msg('Staff unlocked the document.');
            // Read-only at once (the server already drops a fan's edits); the detail below says the rest.
            if (event.data.locked && !detail.viewerIsStaff) {
              this.wave = { status: 'ready', data: { ...detail, locked: true, viewerCanEdit: false } };
            }
          }
          // Lock, pin, merge and title all change what the viewer sees and may do: ask the server.
          void this.loadWave();
          if (event.data.mergedInto) {
            // The conversation moved to the other wave with the merge.
            this.blips = [];
            this.reply = null;
            this.editingId = null;
            void this.loadBlips();
            this.refreshContributors();
          }
          break;
        case 'blip:created':
          this.blips = upsertBlip(this.blips, event.data.blip);
          this.drafts?.remove(event.data.blip.author.id);
          this.refreshContributors();
          break;
        case 'blip:edited':
          this.blips = upsertBlip(this.blips, event.data.blip);
          break;
        case 'blip:deleted':
          this.blips = markDeleted(this.blips, event.data.blipId);
          break;
        case 'blip:reactions':
          this.blips = setReactions(this.blips, event.data.blipId, event.data.reactions);
          break;
        default:
          break;
      }
    }
  }

  // ---- support

  private async toggleSupport(): Promise<void> {
    const detail = this.detail;
    if (!detail || !this.api || this.supportPending) return;
    if (!this.user) {
      this.emit('cp-sign-in-request', null);
      return;
    }
    const support = !detail.viewerSupports;
    this.supportPending = true;
    this.wave = {
      status: 'ready',
      data: { ...detail, viewerSupports: support, supporters: Math.max(0, detail.supporters + (support ? 1 : -1)) },
    };
    const result = await setSupport(this.api, detail.id, support);
    this.supportPending = false;
    const now = this.detail!;
    if (!result.ok) {
      // Roll back to what the server last said.
      this.wave = { status: 'ready', data: { ...now, viewerSupports: detail.viewerSupports, supporters: detail.supporters } };
      return this.showProblem(msg('Your support was not saved. {problem}', { problem: result.error.message }));
    }
    this.wave = { status: 'ready', data: { ...now, viewerSupports: result.data.supported, supporters: result.data.supporters } };
    this.announcement = result.data.supported ? msg('You support this idea.') : msg('You no longer support this idea.');
  }

  private async showProblem(message: string): Promise<void> {
    this.problem = message;
    await this.updateComplete;
    this.pageAlert?.focus();
  }

  // ---- conversation

  private onReplyRequest(event: CustomEvent<ReplyRequestDetail>): void {
    event.stopPropagation();
    if (!this.user) return void this.emit('cp-sign-in-request', null);
    this.editingId = null;
    this.reply = event.detail;
    // The thread gets the reply box on this page's next render: focus it after that.
    void this.updateComplete.then(() => this.thread?.focusComposer());
  }

  private onEditRequest(event: CustomEvent<BlipDetail>): void {
    this.reply = null;
    this.editingId = event.detail.blip.id;
    void this.updateComplete.then(() => this.thread?.focusComposer());
  }

  private onComposeCancel(event: CustomEvent<{ parentId: string | null }>): void {
    const back = this.editingId ?? event.detail.parentId;
    this.reply = null;
    this.editingId = null;
    if (back) void this.thread?.focusBlip(back);
  }

  private onPosted(event: CustomEvent<BlipDetail>): void {
    const { blip } = event.detail;
    this.blips = upsertBlip(this.blips, blip);
    if (blip.parentId !== null) {
      this.reply = null;
      void this.thread?.focusBlip(blip.id);
    }
  }

  private onEdited(event: CustomEvent<BlipDetail>): void {
    this.blips = upsertBlip(this.blips, event.detail.blip);
    this.editingId = null;
    this.announcement = msg('Your reply is updated.');
    void this.thread?.focusBlip(event.detail.blip.id);
  }

  private async onDelete(event: CustomEvent<BlipDetail>): Promise<void> {
    if (!this.socket) return;
    const result = await deleteBlip(this.socket, event.detail.blip.id, newIdempotencyKey());
    if (!result.ok) return this.showProblem(msg('The reply was not deleted. {problem}', { problem: result.error.message }));
    this.blips = markDeleted(this.blips, event.detail.blip.id);
    this.announcement = msg('Reply deleted.');
  }

  private async onReaction(event: CustomEvent<ReactionToggleDetail>): Promise<void> {
    const { blipId, reaction, on } = event.detail;
    const blip = this.blips.find((b) => b.id === blipId);
    if (!blip || !this.socket || !this.user) return;
    const before = blip.reactions;
    this.blips = setReactions(this.blips, blipId, toggleReaction(before, reaction, this.user.id, on));
    const result = await setReaction(this.socket, blipId, reaction, on, newIdempotencyKey());
    if (!result.ok) {
      this.blips = setReactions(this.blips, blipId, before);
      return this.showProblem(msg('Your reaction was not saved. {problem}', { problem: result.error.message }));
    }
    this.blips = setReactions(this.blips, blipId, result.data.reactions);
  }

  private async onPin(event: CustomEvent<PinRequestDetail>): Promise<void> {
    if (!this.api || !this.detail) return;
    const result = await pinBlip(this.api, this.detail.id, event.detail.blipId);
    if (!result.ok) return this.showProblem(msg('Pinning failed. {problem}', { problem: result.error.message }));
    this.announcement = event.detail.blipId ? msg('Pinned as the official response.') : msg('Official response unpinned.');
    await this.loadWave();
  }

  private async onWaveChanged(event: CustomEvent<WaveChangedDetail>): Promise<void> {
    this.announcement = event.detail.message;
    await this.loadWave();
  }

  private async onShareDrafts(event: CustomEvent<SwitchChangeDetail>): Promise<void> {
    if (!this.api) return;
    const wanted = event.detail.checked;
    this.shareDrafts = wanted;
    const result = await updateSettings(this.api, { shareDrafts: wanted });
    if (!result.ok) {
      this.shareDrafts = !wanted;
      return this.showProblem(msg('The setting was not saved. {problem}', { problem: result.error.message }));
    }
    this.shareDrafts = result.data.shareDrafts;
    this.announcement = result.data.shareDrafts ? msg('Others now see your replies as you write them.') : msg('Others only see that you are writing.');
  }

  // ---- render

  /** The server's word (`viewerCanEdit`), and never after a merge: the idea lives on in the other wave. */
  private canEdit(detail: WaveDetail): boolean {
    return detail.viewerCanEdit && detail.status !== 'merged' && !detail.mergedInto;
  }

  private readOnlyNote(detail: WaveDetail): string {
    if (this.canEdit(detail)) return '';
    if (!this.user) return msg('Sign in to edit this document.');
    if (detail.mergedInto || detail.status === 'merged') return msg('This wave was merged into another; its document is read-only.');
    if (detail.locked) return msg('Staff locked this document. You can still read it and reply.');
    return msg('You can read this document but not edit it.');
  }

  private renderHeader(detail: WaveDetail) {
    return html`<header class="wave-head">
      <div class="badges">
        <cp-status-badge status=${detail.status}></cp-status-badge>
        ${detail.locked ? html`<span class="locked"><span aria-hidden="true">🔒</span> ${msg('Locked')}</span>` : nothing}
        ${detail.tags.map((tag) => html`<a class="tag" href=${href.ideas(this.slug, { tag })} aria-label=${msg('Ideas tagged {tag}', { tag })}>#${tag}</a>`)}
      </div>
      <h2>${detail.title}</h2>
      <p class="meta">
        ${msgRich('Started by {name} · {started} · last activity {active}', {
          name: detail.author.displayName,
          started: html`<cp-relative-time datetime=${detail.createdAt}></cp-relative-time>`,
          active: html`<cp-relative-time datetime=${detail.lastActivityAt}></cp-relative-time>`,
        })}
      </p>
      <div class="actions">
        <button
          class="button support"
          type="button"
          aria-pressed=${detail.viewerSupports ? 'true' : 'false'}
          aria-describedby="supporters"
          ?disabled=${this.supportPending || detail.status === 'merged'}
          @click=${this.toggleSupport}
        >
          <span aria-hidden="true">${detail.viewerSupports ? '✓' : '▲'}</span> ${detail.viewerSupports ? msg('Supporting') : msg('Support')}
        </button>
        <span class="count" id="supporters">${msg('{count, plural, one {# supporter} other {# supporters}}', { count: detail.supporters })}</span>
        <button class="button button--quiet" type="button" @click=${() => this.playback?.show()}>
          <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 8v4l3 2M3.05 11a9 9 0 1 1 .5 4M3 4v5h5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" /></svg>
          ${msg('Play back')}
        </button>
      </div>
    </header>`;
  }

  private renderDocument(detail: WaveDetail) {
    const collab = this.collab;
    const ready = collab.status === 'synced' || (collab.doc !== null && collab.status === 'connected' && !this.canEdit(detail));
    const refused = collab.refusal;
    return html`<section aria-labelledby="doc-title">
      <div class="section-head">
        <h3 id="doc-title">${msg('The idea')}</h3>
        <cp-presence-list .peers=${collab.peers}></cp-presence-list>
      </div>
      ${refused
        ? html`<p class="alert" role="alert">
            ${msg('The live document is unavailable ({reason}). Reload the page to try again.', { reason: refused.reason || refused.code })}
          </p>`
        : nothing}
      ${ready || collab.status === 'synced'
        ? html`<cp-idea-editor
            .doc=${collab.doc}
            .awareness=${collab.provider?.awareness ?? null}
            ?editable=${this.canEdit(detail)}
            note=${this.readOnlyNote(detail)}
          ></cp-idea-editor>`
        : refused
          ? nothing
          : html`<p class="muted" role="status">${msg('Connecting to the live document…')}</p>`}
      ${!this.user
        ? html`<p class="sign-in-note">
            <span class="muted">${msg('Sign in to edit the idea, support it and reply.')}</span>
            <button class="button button--quiet" type="button" @click=${() => this.emit('cp-sign-in-request', null)}>${msg('Sign in')}</button>
          </p>`
        : nothing}
    </section>`;
  }

  private renderConversation(detail: WaveDetail) {
    const canReply = this.user !== null && detail.status !== 'merged';
    return html`<section aria-labelledby="conversation-title">
      <div class="section-head">
        <h3 id="conversation-title">${msg('Conversation')} <span class="muted">(${i18n.number(detail.replies)})</span></h3>
        ${this.user && this.shareDraftsKnown
          ? html`<cp-switch label=${msg('Show my drafts to others')} ?checked=${this.shareDrafts} @cp-switch-change=${this.onShareDrafts}></cp-switch>`
          : nothing}
      </div>
      ${canReply
        ? html`<div class="composer-card">
            <cp-composer
              .socket=${this.socket}
              .api=${this.api}
              slug=${this.slug}
              waveId=${detail.id}
              .parentId=${null}
              label=${msg('Add to the conversation')}
              placeholder=${msg('Share a thought, a question, an example…')}
              ?share-drafts=${this.shareDrafts}
            ></cp-composer>
          </div>`
        : nothing}
      ${this.blipsLoad.status === 'error'
        ? html`<p class="alert" role="alert">${msg("We couldn't load the conversation. {problem}", { problem: this.blipsLoad.error.message })}</p>`
        : nothing}
      ${this.blipsLoad.status === 'loading' && this.blips.length === 0 ? html`<p class="muted" role="status">${msg('Loading the conversation…')}</p>` : nothing}
      ${this.blipsLoad.status === 'ready' && this.blips.length === 0 && (this.drafts?.drafts.length ?? 0) === 0
        ? html`<p class="muted">${canReply ? msg('No replies yet. Start the conversation.') : msg('No replies yet.')}</p>`
        : nothing}
      <cp-blip-thread
        .blips=${this.blips}
        .drafts=${this.drafts?.drafts ?? []}
        .reply=${this.reply}
        .editingId=${this.editingId}
        .pinnedBlipId=${detail.pinnedBlipId}
        .highlightId=${this.blipId}
        .viewerId=${this.user?.id ?? null}
        .socket=${this.socket}
        .api=${this.api}
        slug=${this.slug}
        waveId=${detail.id}
        ?staff=${detail.viewerIsStaff}
        ?can-reply=${canReply}
        ?share-drafts=${this.shareDrafts}
      ></cp-blip-thread>
      ${this.blipsCursor
        ? html`<div class="more"><button class="button button--quiet" type="button" @click=${this.loadMoreBlips}>${msg('Load more replies')}</button></div>`
        : nothing}
    </section>`;
  }

  private renderOfficial(detail: WaveDetail) {
    const pinned = detail.pinnedBlipId ? this.blips.find((b) => b.id === detail.pinnedBlipId) : undefined;
    if (!pinned || pinned.deleted) return nothing;
    return html`<section class="official" aria-label=${msg('Official response')}>
      <cp-blip official pinned .blip=${pinned} .viewerId=${this.user?.id ?? null} .api=${this.api}></cp-blip>
    </section>`;
  }

  private renderAside(detail: WaveDetail) {
    const madeWith = detail.status === 'shipped' ? (detail.madeWith ?? []) : [];
    return html`<aside class="secondary" aria-label=${msg('About this wave')}>
      ${madeWith.length
        ? html`<section class="card made-with" aria-labelledby="made-with-title">
            <h3 id="made-with-title">${msg('Shipped: made with')}</h3>
            <p>${i18n.listRich(madeWith.map((p) => html`<span class="made-with__name">${p.displayName}</span>`))}</p>
          </section>`
        : nothing}
      <section class="card" aria-labelledby="contributors-title">
        <h3 id="contributors-title">${msg('Shaped by')}</h3>
        <cp-contributors .contributors=${this.contributors}></cp-contributors>
      </section>
      <section class="card" aria-labelledby="history-title">
        <h3 id="history-title">${msg('Status history')}</h3>
        <cp-status-history .changes=${detail.statusHistory}></cp-status-history>
      </section>
      ${detail.viewerIsStaff
        ? html`<section class="card staff" aria-labelledby="staff-title">
            <h3 id="staff-title">${msg('Staff')}</h3>
            <cp-staff-panel .api=${this.api} .wave=${detail} slug=${this.slug}></cp-staff-panel>
          </section>`
        : nothing}
    </aside>`;
  }

  override render() {
    const load = this.wave;
    const back = html`<a class="back" href=${href.ideas(this.slug)}>← ${msg('All ideas')}</a>`;
    if (load.status === 'loading') return html`<div class="page">${back}<p class="muted" role="status">${msg('Loading the wave…')}</p></div>`;
    if (load.status === 'error') {
      const missing = load.error.code === ERROR_CODES.NOT_FOUND || load.error.code === ERROR_CODES.INVALID_INPUT;
      return html`<div class="page">
        ${back}
        <h2>${missing ? msg('Wave not found') : msg('This wave is unavailable')}</h2>
        <p role="alert">${missing ? msg('It may have been removed, or the address is wrong.') : load.error.message}</p>
      </div>`;
    }
    const detail = load.data;
    // Blips and composers anywhere on the page (the thread, the official response, the top composer) ask here.
    return html`<div
      class="page"
      @cp-reply-request=${this.onReplyRequest}
      @cp-edit-request=${this.onEditRequest}
      @cp-compose-cancel=${this.onComposeCancel}
      @cp-blip-posted=${this.onPosted}
      @cp-blip-edited=${this.onEdited}
      @cp-delete-request=${this.onDelete}
      @cp-reaction-toggle=${this.onReaction}
      @cp-pin-request=${this.onPin}
      @cp-wave-changed=${this.onWaveChanged}
      @cp-fan-card-open=${this.onFanCardOpen}
    >
      ${back} ${this.renderHeader(detail)}
      ${this.problem
        ? html`<p class="alert page-alert" role="alert" tabindex="-1">
            ${this.problem} <button class="link-button" type="button" @click=${() => (this.problem = '')}>${msg('Dismiss')}</button>
          </p>`
        : nothing}
      ${detail.mergedInto
        ? html`<p class="notice notice-merged">
            ${msgRich('This idea was merged. {link}.', {
              link: html`<a href=${href.wave(this.slug, detail.mergedInto)}>${msg('Continue in the wave it was merged into')}</a>`,
            })}
          </p>`
        : nothing}
      ${this.renderOfficial(detail)}
      <div class="layout">
        <div class="primary">${this.renderDocument(detail)} ${this.renderConversation(detail)}</div>
        ${this.renderAside(detail)}
      </div>
      <cp-playback .api=${this.api} waveId=${detail.id}></cp-playback>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.fanCard && detail.viewerIsStaff
        ? html`<cp-fan-panel .api=${this.api} slug=${this.slug} user-id=${this.fanCard} @cp-fan-panel-close=${() => (this.fanCard = null)}></cp-fan-panel>`
        : nothing}
    </div>`;
  }

  private onFanCardOpen = async (event: CustomEvent<{ userId: string }>) => {
    event.stopPropagation();
    await import('../../components/cp-fan-card/cp-fan-panel.js');
    this.fanCard = event.detail.userId;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-wave-view': CpWaveView;
  }
}
