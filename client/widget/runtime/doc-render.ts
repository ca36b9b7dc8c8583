import { html, nothing, type TemplateResult } from 'lit';
import * as Y from 'yjs';
import { safeHref } from '../../text/markdown.js';

/**
 * The idea document read straight from its Y.XmlFragment (`content`, ProseMirror node names;
 * see client/editor/schema.ts), for reading without loading the editor. Text goes through Lit
 * bindings, never as HTML, and links pass `safeHref` like they do in the editor.
 */
export function renderDocument(doc: Y.Doc): TemplateResult {
  return html`${doc.getXmlFragment('content').toArray().map((node) => block(node))}`;
}

function block(node: Y.XmlElement | Y.XmlText | Y.XmlHook): TemplateResult | typeof nothing {
  if (node instanceof Y.XmlText) return html`<p>${inline(node)}</p>`;
  if (!(node instanceof Y.XmlElement)) return nothing;
  const children = () => node.toArray().map((child) => (child instanceof Y.XmlText ? inline(child) : block(child as Y.XmlElement)));
  switch (node.nodeName) {
    case 'paragraph':
      return html`<p>${children()}</p>`;
    case 'heading':
      return Number(node.getAttribute('level')) === 3 ? html`<h4>${children()}</h4>` : html`<h3>${children()}</h3>`;
    case 'blockquote':
      return html`<blockquote>${children()}</blockquote>`;
    case 'bullet_list':
      return html`<ul class="doc-list">${children()}</ul>`;
    case 'ordered_list':
      return html`<ol class="doc-list">${children()}</ol>`;
    case 'list_item':
      return html`<li>${children()}</li>`;
    case 'code_block':
      return html`<pre><code>${node.toArray().map((c) => (c instanceof Y.XmlText ? c.toString() : ''))}</code></pre>`;
    case 'horizontal_rule':
      return html`<hr />`;
    case 'hard_break':
      return html`<br />`;
    default:
      return html`${children()}`;
  }
}

type Delta = { insert: unknown; attributes?: Record<string, { href?: string } | boolean | undefined> };

function inline(text: Y.XmlText) {
  return (text.toDelta() as Delta[]).map(({ insert, attributes = {} }) => {
    if (typeof insert !== 'string') return nothing;
    let out: TemplateResult | string = insert;
    if (attributes.code) out = html`<code>${out}</code>`;
    if (attributes.em) out = html`<em>${out}</em>`;
    if (attributes.strong) out = html`<strong>${out}</strong>`;
    const link = attributes.link as { href?: string } | undefined;
    const href = link?.href ? safeHref(link.href) : null;
    if (href) out = html`<a href=${href} target="_blank" rel="nofollow ugc noopener">${out}</a>`;
    return out;
  });
}
