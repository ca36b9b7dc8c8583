import { ID_PATTERN } from '../../shared/ids.js';

/**
 * Light markdown for blip bodies, tokenized — never turned into HTML. The renderer
 * (render-markdown.ts) maps tokens to Lit templates, so every character of user text
 * reaches the page through a text binding. Supported: paragraphs (blank lines), line
 * breaks, `code`, **bold**, _italic_ / *italic*, [label](https://…), bare http(s) links
 * and mentions `<@userId>`. Anything that does not parse stays literal text.
 *
 * Text-bearing tokens carry `start`, their offset in the source, so a selection in the
 * rendered text maps back to an offset in the body (inline replies anchor there).
 */
export type Inline =
  | { type: 'text'; text: string; start: number }
  | { type: 'code'; text: string; start: number }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'mention'; id: string; start: number; end: number }
  | { type: 'break' };

export type Paragraph = Inline[];

const MAX_DEPTH = 4;

/** Splits a body into paragraphs of inline tokens. */
export function tokenize(body: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  // Paragraphs are separated by lines holding only whitespace.
  const separator = /\n[ \t]*\n(?:[ \t]*\n)*/g;
  let from = 0;
  for (const match of body.matchAll(separator)) {
    pushParagraph(paragraphs, body, from, match.index);
    from = match.index + match[0].length;
  }
  pushParagraph(paragraphs, body, from, body.length);
  return paragraphs;
}

function pushParagraph(out: Paragraph[], body: string, from: number, to: number): void {
  const inline: Inline[] = [];
  let lineStart = from;
  for (let i = from; i <= to; i++) {
    if (i === to || body[i] === '\n') {
      if (lineStart > from) inline.push({ type: 'break' });
      inline.push(...tokenizeInline(body, lineStart, i, 0));
      lineStart = i + 1;
    }
  }
  // Drop a paragraph that is only whitespace (leading/trailing blank lines).
  if (inline.some((t) => t.type !== 'break' && !(t.type === 'text' && t.text.trim() === ''))) out.push(inline);
}

/** The http(s) URL in `raw`, normalised, or null: `javascript:`, `data:` and friends never become links. */
export function safeHref(raw: string): string | null {
  if (!/^https?:\/\//i.test(raw)) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const MENTION = /<@([A-Za-z0-9_-]{6,40})>/y;
const CODE = /`([^`\n]+)`/y;
const LINK = /\[([^\]\n]{1,300})\]\((https?:\/\/[^\s)]+)\)/iy;
const BARE_URL = /https?:\/\/[^\s<>"]+/iy;

function tokenizeInline(src: string, from: number, to: number, depth: number): Inline[] {
  const out: Inline[] = [];
  let textStart = from;
  const flush = (end: number) => {
    if (end > textStart) pushText(out, src.slice(textStart, end), textStart);
  };

  let i = from;
  while (i < to) {
    const found = matchAt(src, i, to, depth);
    if (!found) {
      i++;
      continue;
    }
    flush(i);
    out.push(found.token);
    i = found.end;
    textStart = i;
  }
  flush(to);
  return out;
}

function matchAt(src: string, i: number, to: number, depth: number): { token: Inline; end: number } | null {
  const ch = src[i];
  if (ch === '`') {
    const m = sticky(CODE, src, i, to);
    if (m) return { token: { type: 'code', text: m[1]!, start: i + 1 }, end: i + m[0].length };
  }
  if (ch === '<') {
    const m = sticky(MENTION, src, i, to);
    if (m && ID_PATTERN.test(m[1]!)) return { token: { type: 'mention', id: m[1]!, start: i, end: i + m[0].length }, end: i + m[0].length };
  }
  if (ch === '[' && depth < MAX_DEPTH) {
    const m = sticky(LINK, src, i, to);
    const href = m ? safeHref(m[2]!) : null;
    if (m && href) {
      const children = tokenizeInline(src, i + 1, i + 1 + m[1]!.length, MAX_DEPTH);
      return { token: { type: 'link', href, children }, end: i + m[0].length };
    }
  }
  if ((ch === 'h' || ch === 'H') && isBoundaryBefore(src, i)) {
    BARE_URL.lastIndex = i;
    const m = BARE_URL.exec(src);
    if (m && m.index === i) {
      const url = trimUrl(m[0].slice(0, to - i));
      const href = safeHref(url);
      if (href) return { token: { type: 'link', href, children: [{ type: 'text', text: url, start: i }] }, end: i + url.length };
    }
  }
  if (ch === '*' && src[i + 1] === '*' && depth < MAX_DEPTH) {
    const close = findClose(src, i + 2, to, '**');
    if (close > 0) return { token: { type: 'strong', children: tokenizeInline(src, i + 2, close, depth + 1) }, end: close + 2 };
  }
  if ((ch === '_' || (ch === '*' && src[i + 1] !== '*')) && depth < MAX_DEPTH && isBoundaryBefore(src, i)) {
    const close = findClose(src, i + 1, to, ch);
    if (close > 0 && isBoundaryAfter(src, close + 1, to)) {
      return { token: { type: 'em', children: tokenizeInline(src, i + 1, close, depth + 1) }, end: close + 1 };
    }
  }
  return null;
}

/** A delimiter run: opens on a non-space, closes after a non-space, never empty. */
function findClose(src: string, from: number, to: number, marker: string): number {
  if (from >= to || /\s/.test(src[from]!)) return -1;
  for (let j = from + 1; j + marker.length <= to; j++) {
    if (src.startsWith(marker, j) && !/\s/.test(src[j - 1]!)) {
      // `**` inside a single-star em is not its close.
      if (marker === '*' && src[j + 1] === '*') {
        j++;
        continue;
      }
      return j;
    }
  }
  return -1;
}

function isBoundaryBefore(src: string, i: number): boolean {
  return i === 0 || !/[\p{L}\p{N}_]/u.test(src[i - 1]!);
}

function isBoundaryAfter(src: string, i: number, to: number): boolean {
  return i >= to || !/[\p{L}\p{N}_]/u.test(src[i]!);
}

/** A match of a sticky pattern starting at `i` and ending by `to` (the end of the current line or span). */
function sticky(re: RegExp, src: string, i: number, to: number): RegExpExecArray | null {
  re.lastIndex = i;
  const m = re.exec(src);
  return m && m.index === i && i + m[0].length <= to ? m : null;
}

/** Sentence punctuation after a bare link is not part of it; a `)` is, when it closes a `(` in the URL. */
function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0) {
    const last = url[end - 1]!;
    if (/[.,;:!?'*_]/.test(last)) end--;
    else if (last === ')' && count(url.slice(0, end), '(') < count(url.slice(0, end), ')')) end--;
    else break;
  }
  return url.slice(0, end);
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

function pushText(out: Inline[], text: string, start: number): void {
  const last = out[out.length - 1];
  if (last?.type === 'text' && last.start + last.text.length === start) last.text += text;
  else out.push({ type: 'text', text, start });
}

/** The plain text a person reads (mentions as @names), e.g. for quotes and notifications. */
export function plainText(body: string, nameOf: (id: string) => string = () => 'someone'): string {
  const walk = (tokens: Inline[]): string =>
    tokens
      .map((t) => {
        switch (t.type) {
          case 'text':
          case 'code':
            return t.text;
          case 'mention':
            return `@${nameOf(t.id)}`;
          case 'break':
            return '\n';
          default:
            return walk(t.children);
        }
      })
      .join('');
  return tokenize(body)
    .map((p) => walk(p))
    .join('\n\n');
}
