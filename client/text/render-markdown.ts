import { css, html, nothing, type TemplateResult } from 'lit';
import type { Person } from '../../shared/schemas/waves.js';
import { tokenize, type Inline } from './markdown.js';

/**
 * Light markdown → Lit templates. Every piece of user text goes through a text binding
 * (`${text}`), never through innerHTML; links only ever carry http(s) hrefs (markdown.ts
 * checks them). Text spans carry `data-at` (their offset in the source body) so that a
 * selection can be mapped back to the body for inline replies (`sourceOffset`).
 */
export function renderBody(body: string, mentions: readonly Person[] = []): TemplateResult {
  const names = new Map(mentions.map((p) => [p.id, p.displayName]));
  return html`${tokenize(body).map((paragraph) => html`<p>${paragraph.map((t) => inline(t, names))}</p>`)}`;
}

function inline(token: Inline, names: Map<string, string>): TemplateResult | typeof nothing {
  switch (token.type) {
    case 'text':
      return html`<span data-at=${token.start}>${token.text}</span>`;
    case 'code':
      return html`<code data-at=${token.start}>${token.text}</code>`;
    case 'break':
      return html`<br />`;
    case 'strong':
      return html`<strong>${token.children.map((t) => inline(t, names))}</strong>`;
    case 'em':
      return html`<em>${token.children.map((t) => inline(t, names))}</em>`;
    case 'link':
      return html`<a href=${token.href} rel="nofollow ugc noopener" target="_blank">${token.children.map((t) => inline(t, names))}</a>`;
    case 'mention': {
      const name = names.get(token.id);
      return html`<span class="mention" data-at=${token.start} data-end=${token.end}>@${name ?? 'someone'}</span>`;
    }
  }
}

/**
 * The body offset of a point in rendered text: the `data-at` of the enclosing span plus the
 * offset in it; a point inside a mention maps to the mention's end (it is one unit).
 */
export function sourceOffset(node: Node, offset: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const span = element?.closest('[data-at]');
  if (!span) return null;
  const end = span.getAttribute('data-end');
  if (end !== null) return Number(end);
  const at = Number(span.getAttribute('data-at'));
  return node.nodeType === Node.TEXT_NODE ? at + offset : at;
}

/** Typography of rendered bodies, for the shadow roots that show them. */
export const bodyStyles = css`
  .body {
    overflow-wrap: anywhere;
  }
  .body p {
    margin: 0 0 var(--cp-space-2);
  }
  .body p:last-child {
    margin-bottom: 0;
  }
  .body code {
    padding: 0.05em 0.3em;
    border-radius: 0.25rem;
    background: var(--cp-color-surface);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
  }
  .body a {
    color: var(--cp-color-accent);
  }
  .body .mention {
    padding: 0 0.2em;
    border-radius: 0.25rem;
    background: #e8efff;
    color: var(--cp-color-accent-hover);
    font-weight: 600;
  }
`;
