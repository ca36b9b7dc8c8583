import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Blip } from '../../../shared/schemas/waves.js';
import { AppElement } from '../../base-element.js';
import { msg } from '../../i18n/app.js';
import type { ReplyRequestDetail } from '../../events.js';
import type { ApiClient } from '../../services/api.js';
import type { AppSocket } from '../../services/socket.js';
import { shared } from '../../styles/shared.js';
import { buildTree, type BlipNode } from '../../waves/blip-tree.js';
import type { LiveDraft } from '../../waves/draft-board.js';
import '../cp-blip/cp-blip.js';
import type { CpBlip } from '../cp-blip/cp-blip.js';
import '../cp-composer/cp-composer.js';
import { styles } from './cp-blip-thread.styles.js';

/** Levels that step to the right; deeper replies line up under the last one. */
const MAX_INDENT = 5;

/**
 * @summary The conversation: blips as nested lists (a live log), each with its reply
 * composer when open, and others' drafts forming as ghost blips under the right parent.
 */
@customElement('cp-blip-thread')
export class CpBlipThread extends AppElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) blips: Blip[] = [];
  @property({ attribute: false }) drafts: LiveDraft[] = [];
  /** The reply being written (one at a time), or null. */
  @property({ attribute: false }) reply: ReplyRequestDetail | null = null;
  /** The blip being edited, or null. */
  @property({ attribute: false }) editingId: string | null = null;
  @property({ attribute: false }) pinnedBlipId: string | null = null;
  @property({ attribute: false }) highlightId: string | null = null;
  @property({ attribute: false }) viewerId: string | null = null;
  @property({ type: Boolean }) staff = false;
  @property({ type: Boolean, attribute: 'can-reply' }) canReply = false;
  @property({ type: Boolean, attribute: 'share-drafts' }) shareDrafts = false;
  @property({ attribute: false }) socket?: AppSocket;
  @property({ attribute: false }) api?: ApiClient;
  @property() slug = '';
  @property() waveId = '';
  /** A still picture (playback): not a live log. */
  @property({ type: Boolean }) snapshot = false;

  /** Scrolls to a blip and focuses it; false when it is not loaded. */
  async focusBlip(blipId: string): Promise<boolean> {
    await this.updateComplete;
    const element = this.renderRoot.querySelector<CpBlip>(`cp-blip[data-id="${CSS.escape(blipId)}"]`);
    if (!element) return false;
    await element.updateComplete;
    element.focus();
    return true;
  }

  /** Focuses the open reply or edit composer. */
  async focusComposer(): Promise<void> {
    await this.updateComplete;
    const composer = this.renderRoot.querySelector('cp-composer');
    await composer?.updateComplete;
    composer?.focus();
  }

  private renderGhosts(parentId: string | null) {
    return repeat(
      this.drafts.filter((d) => d.parentId === parentId),
      (d) => d.author.id,
      (d) => html`<li class="ghost" aria-live="off">
        <p class="ghost__who"><span class="dots">${msg('{name} is writing…', { name: d.author.displayName })}</span></p>
        ${d.text ? html`<p class="ghost__text">${d.text}</p>` : nothing}
      </li>`,
    );
  }

  private renderComposer(parentId: string, blip: Blip | null) {
    const reply = this.reply;
    const editing = blip !== null;
    return html`<div class="composer">
      <cp-composer
        .socket=${this.socket}
        .api=${this.api}
        slug=${this.slug}
        waveId=${this.waveId}
        .parentId=${editing ? blip.parentId : parentId}
        .anchor=${editing ? null : (reply?.anchor ?? null)}
        .blip=${blip}
        label=${editing ? msg('Edit your reply') : reply?.anchor ? msg('Reply to this passage') : msg('Your reply')}
        ?share-drafts=${this.shareDrafts}
        cancellable
      ></cp-composer>
    </div>`;
  }

  private renderNode(node: BlipNode): unknown {
    const { blip } = node;
    const editing = this.editingId === blip.id;
    const replying = this.reply?.parentId === blip.id && !editing;
    const ghosts = this.drafts.some((d) => d.parentId === blip.id);
    return html`<li class="node" id="blip-${blip.id}">
      ${editing
        ? this.renderComposer(blip.id, blip)
        : html`<cp-blip
            data-id=${blip.id}
            data-visibility=${blip.visibility ?? 'visible'}
            .blip=${blip}
            .viewerId=${this.viewerId}
            .api=${this.api}
            slug=${this.slug}
            ?staff=${this.staff}
            ?can-reply=${this.canReply}
            ?pinned=${this.pinnedBlipId === blip.id}
            ?highlighted=${this.highlightId === blip.id}
          ></cp-blip>`}
      ${replying ? this.renderComposer(blip.id, null) : nothing}
      ${node.children.length > 0 || ghosts
        ? html`<ol class="children ${node.depth + 1 > MAX_INDENT ? 'children--flat' : ''}" aria-label=${msg('Replies to {name}', { name: blip.author.displayName })}>
            ${repeat(node.children, (c) => c.blip.id, (c) => this.renderNode(c))} ${this.renderGhosts(blip.id)}
          </ol>`
        : nothing}
    </li>`;
  }

  override render() {
    const tree = buildTree(this.blips);
    const known = new Set(this.blips.map((b) => b.id));
    // Drafts under a parent that is not loaded show at the end of the thread.
    const stray = this.drafts.filter((d) => d.parentId !== null && !known.has(d.parentId));
    const list = html`<ol class="tree">
        ${repeat(tree, (n) => n.blip.id, (n) => this.renderNode(n))} ${this.renderGhosts(null)}
        ${stray.map(
          (d) => html`<li class="ghost" aria-live="off">
            <p class="ghost__who">${msg('{name} is writing…', { name: d.author.displayName })}</p>
            ${d.text ? html`<p class="ghost__text">${d.text}</p>` : nothing}
          </li>`,
        )}
      </ol>`;
    if (this.snapshot) return list;
    return html`<div role="log" aria-live="polite" aria-relevant="additions" aria-label=${msg('Conversation')}>${list}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-blip-thread': CpBlipThread;
  }
}
