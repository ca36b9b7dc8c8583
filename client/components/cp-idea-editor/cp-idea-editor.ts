import { html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Command, EditorState } from 'prosemirror-state';
import { EditorState as State } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { AppElement } from '../../base-element.js';
import { i18n } from '../../i18n/app.js';
import type { Localizer } from '../../i18n/localizer.js';
import {
  blockActive,
  editingPlugins,
  insideNode,
  markActive,
  setLink,
  toggleEm,
  toggleHeading,
  toggleList,
  toggleQuote,
  toggleStrong,
} from '../../editor/commands.js';
import { CONTENT_FIELD, schema } from '../../editor/schema.js';
import { shared } from '../../styles/shared.js';
import { safeHref } from '../../text/markdown.js';
import { documentStyles, proseMirrorBase, styles } from './cp-idea-editor.styles.js';

interface Tool {
  id: string;
  /** In the editor's language, read when drawn. */
  label: () => string;
  /** Shown as the button's text (or an icon); a function when it is a letter of the language (B for bold). */
  face: unknown;
  shortcut?: string;
  run: Command;
  /** Toggle buttons report their state with aria-pressed; plain actions (undo) do not. */
  active?: (state: EditorState) => boolean;
}

const icon = (path: string) =>
  svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${svg`<path d=${path}></path>`}</svg>`;

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = mac ? '⌘' : 'Ctrl+';

/**
 * @summary The idea document: a ProseMirror editor bound to a shared Y.Doc (y-prosemirror),
 * with named cursors of everyone else, undo of your own edits only, and a small toolbar.
 * Read-only (with `note` saying why) when `editable` is false.
 * @csspart editor - The editor frame.
 */
@customElement('cp-idea-editor')
export class CpIdeaEditor extends AppElement {
  static override styles = [shared, proseMirrorBase, documentStyles, styles];

  private view: EditorView | null = null;
  private savedSelection: { from: number; to: number } | null = null;

  @query('.surface') private surface?: HTMLElement;
  @query('#link-input') private linkInput?: HTMLInputElement;

  @state() private linkOpen = false;
  @state() private linkError = '';
  @state() private focusIndex = 0;

  /** The shared document (its `content` fragment holds the text). */
  @property({ attribute: false }) doc: Y.Doc | null = null;

  /** Presence of the document's provider, for remote cursors. */
  @property({ attribute: false }) awareness: Awareness | null = null;

  @property({ type: Boolean }) editable = false;

  /** Why the document is read-only, shown above it. */
  @property() note = '';

  /** Accessible name of the editing surface ("Idea document" when unset). */
  @property() label = '';

  /** The language of the editor's own words: the app's, or the widget view's that loads it. */
  @property({ attribute: false }) l: Localizer = i18n;

  private readonly tools: Tool[] = [
    {
      id: 'bold',
      label: () => this.l.msg('Bold'),
      face: () => html`<b>${this.l.msg('B')}</b>`,
      shortcut: `${mod}B`,
      run: toggleStrong,
      active: (s) => markActive(s, schema.marks.strong),
    },
    {
      id: 'italic',
      label: () => this.l.msg('Italic'),
      face: () => html`<i>${this.l.msg('I')}</i>`,
      shortcut: `${mod}I`,
      run: toggleEm,
      active: (s) => markActive(s, schema.marks.em),
    },
    { id: 'h2', label: () => this.l.msg('H2 heading'), face: 'H2', run: toggleHeading(2), active: (s) => blockActive(s, schema.nodes.heading, { level: 2 }) },
    { id: 'h3', label: () => this.l.msg('H3 subheading'), face: 'H3', run: toggleHeading(3), active: (s) => blockActive(s, schema.nodes.heading, { level: 3 }) },
    {
      id: 'bullets',
      label: () => this.l.msg('Bulleted list'),
      face: icon('M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01'),
      run: toggleList(schema.nodes.bullet_list),
      active: (s) => insideNode(s, schema.nodes.bullet_list),
    },
    {
      id: 'numbers',
      label: () => this.l.msg('Numbered list'),
      face: icon('M10 6h10M10 12h10M10 18h10M4 5h1v4M4 9h2M4 14.5a1 1 0 0 1 2 .5l-2 3h2'),
      run: toggleList(schema.nodes.ordered_list),
      active: (s) => insideNode(s, schema.nodes.ordered_list),
    },
    {
      id: 'quote',
      label: () => this.l.msg('Quote'),
      face: icon('M7 7h4v4H8a1 1 0 0 0-1 1v3M14 7h4v4h-3a1 1 0 0 0-1 1v3'),
      run: toggleQuote,
      active: (s) => insideNode(s, schema.nodes.blockquote),
    },
    {
      id: 'link',
      label: () => this.l.msg('Link'),
      face: icon('M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1'),
      shortcut: `${mod}K`,
      run: (state) => this.linkCommand(state),
      active: (s) => markActive(s, schema.marks.link),
    },
    { id: 'undo', label: () => this.l.msg('Undo your last edit'), face: icon('M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3'), shortcut: `${mod}Z`, run: undo },
    {
      id: 'redo',
      label: () => this.l.msg('Redo'),
      face: icon('m15 14 5-5-5-5M20 9H9a5 5 0 0 0 0 10h3'),
      shortcut: mac ? '⌘⇧Z' : 'Ctrl+Y',
      run: redo,
    },
  ];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyView();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('doc') || changed.has('awareness')) this.createView();
    else if (changed.has('editable') || changed.has('label') || changed.has('l')) this.view?.setProps({});
  }

  /** Puts the caret in the document. */
  override focus(): void {
    this.view?.focus();
  }

  private createView(): void {
    this.destroyView();
    if (!this.doc || !this.surface) return;
    const host = this;
    const fragment = this.doc.getXmlFragment(CONTENT_FIELD);
    const plugins = [
      ySyncPlugin(fragment),
      ...(this.awareness ? [yCursorPlugin(this.awareness)] : []),
      yUndoPlugin(),
      ...editingPlugins({ 'Mod-k': (state) => this.linkCommand(state) }),
    ];
    this.view = new EditorView(this.surface, {
      state: State.create({ schema, plugins }),
      editable: () => this.editable,
      attributes: (): Record<string, string> => ({
        class: 'doc',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': this.label || this.l.msg('Idea document'),
        'aria-readonly': this.editable ? 'false' : 'true',
        ...(this.note && !this.editable ? { 'aria-describedby': 'doc-note' } : {}),
      }),
      // A function, not an arrow: plugins (ySyncPlugin's first render) dispatch while the view is
      // still being constructed, before `this.view` is set; ProseMirror calls this with the view.
      dispatchTransaction(this: EditorView, tr) {
        // y-prosemirror may still deliver a deferred cursor update after the view is gone.
        if (this.isDestroyed) return;
        this.updateState(this.state.apply(tr));
        host.requestUpdate();
      },
    });
    this.requestUpdate();
  }

  private destroyView(): void {
    this.view?.destroy();
    this.view = null;
  }

  private run(tool: Tool): void {
    const view = this.view;
    if (!view || !this.editable) return;
    tool.run(view.state, view.dispatch, view);
    if (!this.linkOpen) view.focus();
  }

  private linkCommand(state: EditorState): boolean {
    if (state.selection.empty) return false;
    if (markActive(state, schema.marks.link)) {
      const view = this.view;
      if (view) setLink(null)(view.state, view.dispatch);
      return true;
    }
    this.savedSelection = { from: state.selection.from, to: state.selection.to };
    this.linkOpen = true;
    this.linkError = '';
    void this.updateComplete.then(() => this.linkInput?.focus());
    return true;
  }

  private applyLink(event: SubmitEvent): void {
    event.preventDefault();
    const raw = (this.linkInput?.value ?? '').trim();
    const href = safeHref(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`);
    if (!raw || !href) {
      this.linkError = this.l.msg('Enter a web address starting with http:// or https://');
      return;
    }
    const view = this.view;
    const range = this.savedSelection;
    if (view && range) {
      const { from, to } = range;
      const tr = view.state.tr.removeMark(from, to, schema.marks.link).addMark(from, to, schema.marks.link.create({ href }));
      view.dispatch(tr);
    }
    this.closeLink();
  }

  private closeLink(): void {
    this.linkOpen = false;
    this.linkError = '';
    this.savedSelection = null;
    this.view?.focus();
  }

  private onLinkKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.closeLink();
    }
  }

  /** Toolbar keyboard: one tab stop, arrows move between buttons (ARIA toolbar pattern). */
  private onToolbarKeydown(event: KeyboardEvent): void {
    const count = this.tools.length;
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, Home: -this.focusIndex, End: count - 1 - this.focusIndex };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    this.focusIndex = (this.focusIndex + move + count) % count;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>(`[data-tool="${this.tools[this.focusIndex]!.id}"]`)?.focus());
  }

  private renderToolbar() {
    const state = this.view?.state;
    return html`<div class="toolbar" role="toolbar" aria-label=${this.l.msg('Formatting')} aria-controls="surface" @keydown=${this.onToolbarKeydown}>
      ${this.tools.map((tool, index) => {
        const pressed = tool.active && state ? tool.active(state) : null;
        return html`${tool.id === 'bullets' || tool.id === 'undo' || tool.id === 'h2' ? html`<span class="separator" aria-hidden="true"></span>` : nothing}
          <button
            class="tool"
            type="button"
            data-tool=${tool.id}
            tabindex=${index === this.focusIndex ? 0 : -1}
            aria-label=${tool.label()}
            aria-pressed=${pressed === null ? nothing : pressed ? 'true' : 'false'}
            aria-keyshortcuts=${tool.shortcut ? tool.shortcut.replace('⌘', 'Meta+').replace('⇧', 'Shift+') : nothing}
            title=${tool.shortcut ? this.l.msg('{action} ({shortcut})', { action: tool.label(), shortcut: tool.shortcut }) : tool.label()}
            @mousedown=${(e: MouseEvent) => e.preventDefault()}
            @click=${() => {
              this.focusIndex = index;
              this.run(tool);
            }}
          >
            ${typeof tool.face === 'function' ? (tool.face as () => unknown)() : tool.face}
          </button>`;
      })}
    </div>`;
  }

  private renderLinkForm() {
    return html`<form class="link-form" @submit=${this.applyLink} @keydown=${this.onLinkKeydown}>
      <label for="link-input">${this.l.msg('Link address')}</label>
      <input id="link-input" type="url" inputmode="url" placeholder=${'https://'} aria-invalid=${this.linkError ? 'true' : 'false'} aria-describedby="link-error" />
      <button class="button small" type="submit">${this.l.msg('Add link')}</button>
      <button class="button button--quiet small" type="button" @click=${this.closeLink}>${this.l.msg('Cancel')}</button>
      ${this.linkError ? html`<p class="alert" id="link-error" role="alert">${this.linkError}</p>` : nothing}
    </form>`;
  }

  override render() {
    return html`<div class="editor" part="editor">
      ${this.editable ? this.renderToolbar() : nothing} ${this.editable && this.linkOpen ? this.renderLinkForm() : nothing}
      ${!this.editable && this.note ? html`<p class="note" id="doc-note">${this.note}</p>` : nothing}
      <div class="surface" id="surface"></div>
      ${this.editable
        ? html`<p class="hint">
            ${this.l.msgRich('Everyone here edits this document together. Type {heading} for a heading, {list} for a list, {quote} for a quote.', {
              heading: html`<kbd>#</kbd>`,
              list: html`<kbd>-</kbd>`,
              quote: html`<kbd>&gt;</kbd>`,
            })}
          </p>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-idea-editor': CpIdeaEditor;
  }
}
