export interface SnippetPart {
  text: string;
  /** The matched words (between « and » in the server's snippet). */
  match: boolean;
}

/** Splits a search snippet on its « » markers; an unbalanced marker stays as text. */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
  };
  let i = 0;
  while (i < snippet.length) {
    const open = snippet.indexOf('«', i);
    if (open < 0) break;
    const close = snippet.indexOf('»', open + 1);
    if (close < 0) break;
    push(snippet.slice(i, open), false);
    push(snippet.slice(open + 1, close), true);
    i = close + 1;
  }
  push(snippet.slice(i), false);
  return parts;
}
