/**
 * Finds user-visible text written straight into Lit templates, not through the catalog
 * (`i18n.test.ts` fails on any): the text between tags and the values of attributes people
 * read (`aria-label`, `title`, `placeholder`, `alt`…) in every html`…` template.
 */

const READ_ATTRIBUTES = /\s(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g;
/** Words that are the same in every language. */
const SAME_EVERYWHERE = new Set(['Commonplace']);
/** `KeyboardEvent.key` names. */
const KEYS = new Set(['Enter', 'Escape', 'Tab', 'Home', 'End', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Backspace', 'Delete', 'PageUp', 'PageDown']);

function skipString(src: string, i: number): number {
  const quote = src[i]!;
  for (i++; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === quote) return i + 1;
  }
  return i;
}

/** From the index after a template's opening backtick: its static chunks and the index after its end. */
function readTemplate(src: string, i: number): { chunks: string[]; end: number } {
  const chunks: string[] = [];
  let chunk = '';
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '\\') {
      chunk += src.slice(i, i + 2);
      i += 2;
    } else if (ch === '`') {
      chunks.push(chunk);
      return { chunks, end: i + 1 };
    } else if (ch === '$' && src[i + 1] === '{') {
      chunks.push(chunk);
      chunk = '';
      i = skipExpression(src, i + 2);
    } else {
      chunk += ch;
      i++;
    }
  }
  chunks.push(chunk);
  return { chunks, end: i };
}

/** From inside `${`: the index after its closing brace. */
function skipExpression(src: string, i: number): number {
  let depth = 1;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === "'" || ch === '"') i = skipString(src, i);
    else if (ch === '`') i = readTemplate(src, i + 1).end;
    else {
      if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) return i + 1;
      i++;
    }
  }
  return i;
}

export interface RawText {
  line: number;
  text: string;
}

/** Raw text in the html`…` templates of one module. */
export function findRawText(source: string): RawText[] {
  const found: RawText[] = [];
  for (const match of source.matchAll(/\bhtml`/g)) {
    const start = match.index + match[0].length;
    const line = source.slice(0, match.index).split('\n').length;
    const markup = readTemplate(source, start)
      .chunks.join('\u0000')
      .replace(/<!--[\s\S]*?-->/g, '');
    const report = (text: string) => {
      const clean = text.replace(/\u0000/g, ' ').replace(/&[a-z]+;|&#\d+;/g, ' ').trim();
      if (/\p{L}/u.test(clean) && !SAME_EVERYWHERE.has(clean)) found.push({ line, text: clean });
    };
    let rest = markup;
    for (;;) {
      const open = rest.indexOf('<');
      report(open < 0 ? rest : rest.slice(0, open));
      if (open < 0) break;
      const close = rest.indexOf('>', open);
      const tag = close < 0 ? rest.slice(open) : rest.slice(open, close + 1);
      for (const attr of tag.matchAll(READ_ATTRIBUTES)) report(attr[2] ?? attr[3] ?? attr[4] ?? '');
      if (close < 0) break;
      rest = rest.slice(close + 1);
    }
  }
  return found;
}

/**
 * Sentence-like string literals outside templates (`this.notice = 'Your hand is down.'`): two
 * or more words, or a capitalised word. Not in `msg()` calls, imports, `console`/`Error` text,
 * selectors, CSS, or on lines marked `// not user-visible`.
 */
export function findRawStrings(source: string): RawText[] {
  const found: RawText[] = [];
  const lines = source.split('\n');
  let inComment = false;
  lines.forEach((text, index) => {
    let line = text;
    if (inComment) {
      const end = line.indexOf('*/');
      if (end < 0) return;
      line = line.slice(end + 2);
      inComment = false;
    }
    line = line.replace(/\/\*.*?\*\//g, '');
    const open = line.indexOf('/*');
    if (open >= 0 && !/['"`]/.test(line.slice(0, open))) {
      inComment = true;
      line = line.slice(0, open);
    }
    if (/^\s*(\*|\/\/|import\b|export \* from)/.test(line) || /not user-visible/.test(line)) return;
    line = line.replace(/\b(msg|msgRich)\(\s*(['"`])(?:\\.|(?!\2).)*\2/g, '');
    // Template literals on one line (not html`…`/css`…`/svg`…`), their `${…}` parts left out.
    const templates = [...line.matchAll(/(?<!\b(?:html|css|svg))`((?:\\.|[^`])*)`/g)].map((m) => ({ index: m.index, value: m[1]!.replace(/\$\{[^}]*\}/g, ' ') }));
    const quoted = [...line.matchAll(/(['"])((?:\\.|(?!\1).)*)\1/g)].map((m) => ({ index: m.index, value: m[2]! }));
    for (const m of [...quoted, ...templates]) {
      const before = line.slice(0, m.index);
      const value = m.value;
      if (/[\w-]=$/.test(before)) continue; // an attribute in a template: findRawText reads those
      if (KEYS.has(value) || SAME_EVERYWHERE.has(value) || value.includes('${')) continue;
      if (value.trim().split(/\s+/).every((token) => token.includes('/') || /^[?&=#]*$/.test(token))) continue; // paths
      if (/\b(rel|content|group|class|id|type|part|role):\s*$/.test(before)) continue; // markup and schema words
      if (value.split(/\s+/).every((token) => /^[\w$]*[-{][\w${}-]*$/.test(token))) continue; // ids and class names
      if (/(console\.\w+|Error|querySelector(All)?(<[^>]*>)?|closest|matches|addEventListener|removeEventListener|getAttribute|setAttribute|hasAttribute|emit|on|off|once|define|get|startsWith|endsWith|includes|split|join|replace|dispatchEvent|CustomEvent|Event|attribute:|getItem|setItem|removeItem)\s*\(?\s*$/.test(before)) continue;
      if (/\/\/ /.test(before)) continue;
      if (/^\s*$|^[\w.-]*$|^[#.[:a-z-][\w\s.#>:,[\]="'()*-]*$/.test(value) && !/^[A-Z][a-z]+$/.test(value) && !/[a-z]+ [a-z]+/i.test(value)) continue;
      if (/^[a-z-]+( [a-z-]+)*$/.test(value) && !/ /.test(value)) continue;
      if (/\p{L}{2,}.*\s.*\p{L}{2,}|^\p{Lu}\p{Ll}+[.!?…:]?$/u.test(value)) found.push({ line: index + 1, text: value });
    }
  });
  return found;
}
