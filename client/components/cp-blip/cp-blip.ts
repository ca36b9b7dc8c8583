import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { REACTIONS, WAVE_LIMITS } from '../../../shared/waves.js';
import type { Blip, Reaction } from '../../../shared/schemas/waves.js';
import { AppElement } from '../../base-element.js';
import { msg, msgRich } from '../../i18n/app.js';
import '../cp-fan-card/fan-card-events.js';
import { userColor } from '../../editor/user-color.js';
import type { ApiClient } from '../../services/api.js';
import { listRevisions, type BlipRevision } from '../../services/blips.js';
import { replyQuote } from '../../styles/quote.js';
import { shared } from '../../styles/shared.js';
import { bodyStyles, renderBody, sourceOffset } from '../../text/render-markdown.js';
import { absoluteTime } from '../../text/relative-time.js';
import '../cp-relative-time/cp-relative-time.js';
import { styles } from './cp-blip.styles.js';

export const REACTION_GLYPHS: Record<Reaction, { glyph: string; readonly label: string }> = {
  'thumbs-up': { glyph: '👍', get label() { return msg('Thumbs up'); } },
  heart: { glyph: '❤️', get label() { return msg('Heart'); } },
  party: { glyph: '🎉', get label() { return msg('Party'); } },
  idea: { glyph: '💡', get label() { return msg('Idea'); } },
  thinking: { glyph: '🤔', get label() { return msg('Thinking'); } },
  eyes: { glyph: '👀', get label() { return msg('Eyes'); } },
};

type Revisions = { status: 'closed' } | { status: 'loading' } | { status: 'open'; items: BlipRevision[] } | { status: 'error'; error: ErrorBody };

interface Passage {
  offset: number;
  quote: string;
  top: number;
  left: number;
}

/** The selection inside a shadow root, as a Range (Chrome: root.getSelection; others: getComposedRanges). */
function selectedRange(root: ShadowRoot): Range | null {
  const own = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
  if (own && own.rangeCount > 0 && !own.isCollapsed) return own.getRangeAt(0);
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed) return null;
  const composed = (selection as Selection & { getComposedRanges?: (o: { shadowRoots: ShadowRoot[] }) => StaticRange[] }).getComposedRanges;
  if (composed) {
    try {
      const [r] = composed.call(selection, { shadowRoots: [root] });
      if (r && !r.collapsed) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range;
      }
    } catch {
      // older signature; fall through
    }
  }
  return selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
}

/**
 * @summary One blip: author, time, "edited" with its revisions, the body (light markdown,
 * rendered as text), reactions and actions. Selecting words in the body offers "Reply here".
 * @fires cp-reply-request - Reply (to the blip, or inline to the selected passage with `anchor`).
 * @fires cp-edit-request - The author wants to edit it.
 * @fires cp-delete-request - The author (or staff) confirmed deleting it.
 * @fires cp-fan-card-open - Staff: open the author's fan card beside the wave.
 * @fires cp-reaction-toggle - A reaction was switched on or off.
 * @fires cp-pin-request - Staff pin it as the official response (or unpin with `blipId: null`).
 */
@customElement('cp-blip')
export class CpBlip extends AppElement {
  static override styles = [shared, bodyStyles, replyQuote, styles];

  @query('.blip') private article?: HTMLElement;
  @query('.body') private bodyElement?: HTMLElement;
  @query('.add-reaction') private addReactionButton?: HTMLButtonElement;

  @state() private pickerOpen = false;
  @state() private revisions: Revisions = { status: 'closed' };
  @state() private confirmingDelete = false;
  @state() private passage: Passage | null = null;

  @property({ attribute: false }) blip?: Blip;
  /** The signed-in person, or null. */
  @property({ attribute: false }) viewerId: string | null = null;
  @property({ type: Boolean }) staff = false;
  /** Whether the viewer may reply (signed in, wave open for replies). */
  @property({ type: Boolean, attribute: 'can-reply' }) canReply = false;
  @property({ type: Boolean, reflect: true }) pinned = false;
  @property({ type: Boolean, reflect: true }) highlighted = false;
  /** Shown in the header of the pinned copy at the top of the wave. */
  @property({ type: Boolean }) official = false;
  @property({ attribute: false }) api?: ApiClient;
  /** The space's slug: when set, the author's name links to their profile (`/s/:slug/people/:id`). */
  @property() slug = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('selectionchange', this.onSelectionChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('blip') && changed.get('blip')?.body !== this.blip?.body) this.revisions = { status: 'closed' };
  }

  /** Scrolls to the blip and focuses it (deep links `#blip-<id>`). */
  override focus(): void {
    this.article?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.article?.focus({ preventScroll: true });
  }

  private get mine(): boolean {
    return Boolean(this.viewerId && this.blip && this.blip.author.id === this.viewerId);
  }

  // ---- inline reply to a passage

  private checkSelection = (): void => {
    const root = this.shadowRoot;
    const body = this.bodyElement;
    const blip = this.blip;
    if (!root || !body || !blip || !this.canReply) return;
    const range = selectedRange(root);
    if (!range || !body.contains(range.startContainer) || !body.contains(range.endContainer)) {
      this.passage = null;
      return;
    }
    const quote = range.toString().replace(/\s+/g, ' ').trim().slice(0, WAVE_LIMITS.anchorQuoteMax);
    if (!quote) return;
    const offset = Math.min(sourceOffset(range.endContainer, range.endOffset) ?? blip.body.length, blip.body.length);
    const box = range.getBoundingClientRect();
    const frame = this.article!.getBoundingClientRect();
    this.passage = {
      offset: Math.max(0, offset),
      quote,
      top: box.bottom - frame.top + 6,
      left: Math.max(8, Math.min(box.left - frame.left, frame.width - 140)),
    };
    document.addEventListener('selectionchange', this.onSelectionChange);
  };

  private onSelectionChange = (): void => {
    const root = this.shadowRoot;
    if (!root || selectedRange(root)) return;
    // Let a click on "Reply here" land before the button goes.
    setTimeout(() => {
      if (root.activeElement?.classList.contains('reply-here')) return;
      this.passage = null;
      document.removeEventListener('selectionchange', this.onSelectionChange);
    }, 200);
  };

  private replyToPassage(): void {
    const passage = this.passage;
    if (!passage || !this.blip) return;
    this.passage = null;
    document.removeEventListener('selectionchange', this.onSelectionChange);
    this.emit('cp-reply-request', { parentId: this.blip.id, anchor: { offset: passage.offset, quote: passage.quote } });
  }

  // ---- reactions

  private toggleReaction(reaction: Reaction, on: boolean): void {
    if (!this.blip) return;
    this.emit('cp-reaction-toggle', { blipId: this.blip.id, reaction, on });
  }

  private async togglePicker(): Promise<void> {
    this.pickerOpen = !this.pickerOpen;
    if (this.pickerOpen) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('.picker button')?.focus();
    }
  }

  private onPickerKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.pickerOpen = false;
    this.addReactionButton?.focus();
  }

  private pick(reaction: Reaction, on: boolean): void {
    this.pickerOpen = false;
    this.toggleReaction(reaction, on);
    void this.updateComplete.then(() => this.addReactionButton?.focus());
  }

  // ---- revisions

  private async toggleRevisions(): Promise<void> {
    if (this.revisions.status !== 'closed') {
      this.revisions = { status: 'closed' };
      return;
    }
    if (!this.api || !this.blip) return;
    this.revisions = { status: 'loading' };
    const result = await listRevisions(this.api, this.blip.id);
    this.revisions = result.ok ? { status: 'open', items: result.data } : { status: 'error', error: result.error };
  }

  // ---- render

  private renderReactions(blip: Blip) {
    const signedIn = this.viewerId !== null;
    const shown = blip.reactions.filter((r) => r.count > 0);
    return html`${shown.map((r) => {
      const face = REACTION_GLYPHS[r.reaction];
      if (!face) return nothing;
      const mine = signedIn && r.by.includes(this.viewerId!);
      const label = msg('{reaction}: {count}', { reaction: face.label, count: r.count });
      return signedIn
        ? html`<button class="reaction" type="button" aria-pressed=${mine ? 'true' : 'false'} aria-label=${label} @click=${() => this.toggleReaction(r.reaction, !mine)}>
            <span aria-hidden="true">${face.glyph}</span><span aria-hidden="true">${r.count}</span>
          </button>`
        : html`<span class="reaction" role="img" aria-label=${label}><span aria-hidden="true">${face.glyph} ${r.count}</span></span>`;
    })}
    ${signedIn
      ? html`<button class="action add-reaction" type="button" aria-expanded=${this.pickerOpen ? 'true' : 'false'} aria-label=${msg('Add a reaction')} @click=${this.togglePicker}>
            <span aria-hidden="true">☺︎+</span>
          </button>
          ${this.pickerOpen
            ? html`<div class="picker" role="group" aria-label=${msg('Reactions')} @keydown=${this.onPickerKeydown}>
                ${REACTIONS.map((reaction) => {
                  const on = blip.reactions.some((r) => r.reaction === reaction && r.by.includes(this.viewerId!));
                  return html`<button type="button" aria-label=${REACTION_GLYPHS[reaction].label} aria-pressed=${on ? 'true' : 'false'} title=${REACTION_GLYPHS[reaction].label} @click=${() => this.pick(reaction, !on)}>
                    <span aria-hidden="true">${REACTION_GLYPHS[reaction].glyph}</span>
                  </button>`;
                })}
              </div>`
            : nothing}`
      : nothing}`;
  }

  private renderActions(blip: Blip) {
    if (blip.deleted) return nothing;
    if (this.confirmingDelete) {
      return html`<span class="confirm" role="group" aria-label=${msg('Confirm deleting')}>
        ${msg('Delete this reply?')}
        <button class="action action--danger" type="button" @click=${() => {
          this.confirmingDelete = false;
          this.emit('cp-delete-request', { blip });
        }}>${msg('Delete')}</button>
        <button class="action" type="button" @click=${() => (this.confirmingDelete = false)}>${msg('Keep it')}</button>
      </span>`;
    }
    const name = blip.author.displayName;
    return html`${this.canReply
      ? html`<button class="action" type="button" aria-label=${msg('Reply to {name}', { name })} @click=${() => this.emit('cp-reply-request', { parentId: blip.id, anchor: null })}>
          ${msg('Reply')}
        </button>`
      : nothing}
    ${this.mine ? html`<button class="action" type="button" @click=${() => this.emit('cp-edit-request', { blip })}>${msg('Edit')}</button>` : nothing}
    ${this.mine || this.staff
      ? html`<button class="action action--danger" type="button" @click=${() => (this.confirmingDelete = true)}>${msg('Delete')}</button>`
      : nothing}
    ${this.staff && !this.official
      ? html`<button
          class="action"
          type="button"
          aria-label=${this.pinned ? msg('Unpin the official response') : msg('Pin as the official response')}
          title=${this.pinned ? msg('Unpin the official response') : msg('Pin as the official response')}
          @click=${() => this.emit('cp-pin-request', { blipId: this.pinned ? null : blip.id })}
        >
          ${this.pinned ? msg('Unpin') : msg('Pin')}
        </button>`
      : nothing}`;
  }

  private renderRevisions(blip: Blip) {
    const revisions = this.revisions;
    if (revisions.status === 'closed') return nothing;
    if (revisions.status === 'loading') return html`<p class="muted" role="status">${msg('Loading earlier versions…')}</p>`;
    if (revisions.status === 'error') {
      return html`<p class="alert" role="alert">${msg('Earlier versions are unavailable. {problem}', { problem: revisions.error.message })}</p>`;
    }
    if (revisions.items.length === 0) return html`<p role="status">${msg('No earlier versions were kept.')}</p>`;
    return html`<ol class="revisions" id="revisions-${blip.id}" aria-label=${msg('Earlier versions')}>
      ${revisions.items.map(
        (rev) => html`<li>
          <div class="when">${msgRich('Version from {when}', { when: html`<time datetime=${rev.at}>${absoluteTime(rev.at)}</time>` })}</div>
          <div class="body">${renderBody(rev.body, blip.mentions)}</div>
        </li>`,
      )}
    </ol>`;
  }

  override render() {
    const blip = this.blip;
    if (!blip) return nothing;
    const authorId = `author-${blip.id}`;
    const passage = this.passage;
    return html`<article class="blip" tabindex="-1" aria-labelledby=${authorId} part="blip">
      <span class="avatar" aria-hidden="true" style=${styleMap({ background: userColor(blip.author.id) })}>${blip.author.displayName.slice(0, 1).toUpperCase()}</span>
      <div class="main">
        <div class="head">
          ${this.slug && blip.author.id !== 'former-member'
            ? html`<a class="author" id=${authorId} href="/s/${encodeURIComponent(this.slug)}/people/${encodeURIComponent(blip.author.id)}">${blip.author.displayName}</a>`
            : html`<span class="author" id=${authorId}>${blip.author.displayName}</span>`}
          ${this.staff && blip.author.id !== 'former-member' && blip.author.id !== this.viewerId
            ? html`<button class="link-button fan-card" type="button" @click=${() => this.emit('cp-fan-card-open', { userId: blip.author.id })}>
                ${msg('Fan card')}<span class="visually-hidden">: ${blip.author.displayName}</span>
              </button>`
            : nothing}
          <cp-relative-time datetime=${blip.createdAt}></cp-relative-time>
          ${this.official ? html`<span class="official">${msg('Official response')}</span>` : nothing}
          ${blip.visibility === 'held'
            ? html`<span class="review"
                ><span aria-hidden="true">${msg('Waiting for review')}</span
                ><span class="visually-hidden">${msg('Waiting for review: only you and staff see this reply for now')}</span></span
              >`
            : blip.visibility === 'rejected'
              ? html`<span class="review review--rejected"
                  ><span aria-hidden="true">${msg('Not published')}</span
                  ><span class="visually-hidden">${msg('Not published: moderators did not approve this reply; only you see it')}</span></span
                >`
              : nothing}
          ${blip.editedAt && !blip.deleted
            ? html`<button
                class="link-button"
                type="button"
                aria-label=${msg('edited, show earlier versions')}
                aria-expanded=${this.revisions.status === 'closed' ? 'false' : 'true'}
                @click=${this.toggleRevisions}
              >
                ${msg('edited')}
              </button>`
            : nothing}
        </div>
        ${blip.anchor
          ? html`<blockquote class="quote"><span class="visually-hidden">${msg('In reply to the passage:')} </span>${msg('“{quote}”', { quote: blip.anchor.quote })}</blockquote>`
          : nothing}
        ${blip.deleted
          ? html`<p class="deleted">${msg('This reply was deleted.')}</p>`
          : html`<div class="body" @pointerup=${this.checkSelection} @keyup=${this.checkSelection}>${renderBody(blip.body, blip.mentions)}</div>`}
        ${passage
          ? html`<button class="button reply-here" type="button" style=${styleMap({ top: `${passage.top}px`, left: `${passage.left}px` })} @click=${this.replyToPassage}>
              <span aria-hidden="true">${msg('Reply here')}</span
              ><span class="visually-hidden">${msg('Reply here to “{quote}”', { quote: passage.quote })}</span>
            </button>`
          : nothing}
        ${this.renderRevisions(blip)}
        ${blip.deleted ? nothing : html`<div class="bar">${this.renderReactions(blip)} ${this.renderActions(blip)}</div>`}
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-blip': CpBlip;
  }
}
