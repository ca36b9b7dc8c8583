import { css } from 'lit';

/** ProseMirror's required rules (prosemirror-view/style/prosemirror.css) and y-prosemirror's cursors, for a shadow root. */
export const proseMirrorBase = css`
  .ProseMirror {
    position: relative;
    word-wrap: break-word;
    white-space: pre-wrap;
    white-space: break-spaces;
    font-variant-ligatures: none;
    font-feature-settings: 'liga' 0;
  }
  .ProseMirror pre {
    white-space: pre-wrap;
  }
  .ProseMirror li {
    position: relative;
  }
  .ProseMirror-hideselection *::selection {
    background: transparent;
  }
  .ProseMirror-hideselection {
    caret-color: transparent;
  }
  .ProseMirror [draggable][contenteditable='false'] {
    user-select: text;
  }
  .ProseMirror-selectednode {
    outline: 2px solid #8cf;
  }
  img.ProseMirror-separator {
    display: inline !important;
    border: none !important;
    margin: 0 !important;
  }
  .ProseMirror-yjs-cursor {
    position: relative;
    margin-left: -1px;
    margin-right: -1px;
    border-left: 1px solid black;
    border-right: 1px solid black;
    word-break: normal;
    pointer-events: none;
  }
  .ProseMirror-yjs-cursor > div {
    position: absolute;
    top: -1.35em;
    left: -1px;
    padding: 0 0.3em;
    border-radius: 0.25rem 0.25rem 0.25rem 0;
    color: #fff;
    font-family: var(--cp-font-family);
    font-size: 0.75rem;
    font-style: normal;
    font-weight: 600;
    line-height: 1.5;
    white-space: nowrap;
    user-select: none;
  }
`;

/** The document's typography: a comfortable reading column. */
export const documentStyles = css`
  .doc {
    min-height: 10rem;
    padding: var(--cp-space-4) var(--cp-space-6) var(--cp-space-6);
    outline: none;
    font-size: 1.0625rem;
    line-height: 1.65;
  }
  .doc > * {
    max-width: 70ch;
  }
  .doc p {
    margin: 0 0 0.75em;
  }
  .doc h1,
  .doc h2,
  .doc h3 {
    margin: 1.1em 0 0.4em;
    line-height: 1.25;
  }
  .doc h1 {
    font-size: 1.6rem;
  }
  .doc h2 {
    font-size: 1.3rem;
  }
  .doc h3 {
    font-size: 1.1rem;
  }
  .doc > :first-child {
    margin-top: 0.25em;
  }
  .doc ul,
  .doc ol {
    margin: 0 0 0.75em;
    padding-left: 1.5em;
  }
  .doc li > p {
    margin-bottom: 0.25em;
  }
  .doc blockquote {
    margin: 0 0 0.75em;
    padding-left: 1em;
    border-left: 3px solid var(--cp-color-border-subtle);
    color: var(--cp-color-text-muted);
  }
  .doc pre {
    padding: var(--cp-space-3);
    border-radius: var(--cp-radius);
    background: var(--cp-color-surface);
    font-size: 0.9em;
  }
  .doc code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
  }
  .doc :not(pre) > code {
    padding: 0.05em 0.3em;
    border-radius: 0.25rem;
    background: var(--cp-color-surface);
  }
  .doc a {
    color: var(--cp-color-accent);
  }
  .doc hr {
    margin: 1.5em 0;
    border: 0;
    border-top: 1px solid var(--cp-color-border-subtle);
  }
`;

export const styles = css`
  :host {
    display: block;
  }
  .editor {
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem;
    background: var(--cp-color-bg);
  }
  .editor:focus-within {
    border-color: var(--cp-color-accent);
    box-shadow: 0 0 0 3px rgb(10 88 202 / 0.18);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.125rem;
    padding: var(--cp-space-1) var(--cp-space-2);
    border-bottom: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem 0.75rem 0 0;
    background: var(--cp-color-surface);
  }
  .tool {
    display: inline-grid;
    place-items: center;
    min-width: 2.25rem;
    height: 2.25rem;
    padding: 0 var(--cp-space-2);
    border: 1px solid transparent;
    border-radius: var(--cp-radius);
    background: none;
    color: var(--cp-color-text);
    font: inherit;
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
    cursor: pointer;
  }
  .tool:hover {
    background: #e4e7ec;
  }
  .tool[aria-pressed='true'] {
    border-color: #b2ccff;
    background: #e0eaff;
    color: var(--cp-color-accent-hover);
  }
  .tool svg {
    width: 1.125rem;
    height: 1.125rem;
  }
  .separator {
    width: 1px;
    height: 1.25rem;
    margin: 0 var(--cp-space-1);
    background: var(--cp-color-border-subtle);
  }
  .link-form {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2);
    padding: var(--cp-space-2) var(--cp-space-3);
    border-bottom: 1px solid var(--cp-color-border-subtle);
    background: var(--cp-color-surface);
  }
  .link-form label {
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }
  .link-form input {
    flex: 1 1 12rem;
    min-height: 2.25rem;
    padding: 0 var(--cp-space-2);
    border: 1px solid var(--cp-color-border);
    border-radius: var(--cp-radius);
    font: inherit;
  }
  .small {
    min-height: 2.25rem;
    padding: 0 var(--cp-space-3);
  }
  .note {
    display: flex;
    align-items: center;
    gap: var(--cp-space-2);
    margin: 0;
    padding: var(--cp-space-2) var(--cp-space-4);
    border-bottom: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem 0.75rem 0 0;
    background: #fffaeb;
    color: #7a2e0e;
    font-size: var(--cp-font-size-sm);
  }
  .hint {
    margin: 0;
    padding: 0 var(--cp-space-6) var(--cp-space-3);
    color: var(--cp-color-text-muted);
    font-size: 0.8125rem;
  }
  @media (max-width: 30rem) {
    .doc {
      padding: var(--cp-space-3) var(--cp-space-4) var(--cp-space-4);
    }
  }
`;
