/**
 * The message catalog's runtime (docs/i18n.md). A message is written in English where it is
 * used, `l.msg('Signed in as {name}', { name })`: the English text is the message's id, so
 * English needs no table and costs nothing at runtime. Other languages are tables from that
 * English to their own text, loaded on demand (`locales.ts`). Messages use a subset of ICU
 * MessageFormat: `{name}` arguments, `{count, plural, one {# reply} other {# replies}}` (with
 * `=0`-style exact matches and `#` for the number) and `{kind, select, wave {…} other {…}}`.
 * Numbers are formatted for the language; there is no quoting (braces are always syntax).
 *
 * No Lit, no globals: the widget makes one Localizer per view (its `lang` attribute), the fan
 * app one for the page (`app.ts`).
 */

/** A table from English messages to one language's text; a missing message falls back to English. */
export type Translations = Readonly<Record<string, string>>;

export type MessageValue = string | number;

type Ident<N extends string> = N extends '' ? never : N extends `${string}${' ' | '#' | '{' | '\n' | '.' | "'"}${string}` ? never : N;
type UpTo<S extends string, C extends string> = S extends `${infer A}${C}${string}` ? A : S;
type PluralSelector = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other' | `=${number}`;
/** Whether a `{` opens a plural branch (`one {…}`) rather than an argument. */
type OpensBranch<Before extends string> = Before extends `${string}${PluralSelector}${'' | ' '}` ? true : false;
/**
 * The argument names of an ICU message, best effort (enough to catch a forgotten argument). A
 * one-word `select` branch (`wave {Idea}`) reads as an argument here: write such branches with
 * two words or more.
 */
export type MessageArgs<S extends string> = string extends S
  ? string
  : S extends `${infer Before}{${infer After}`
    ? (OpensBranch<Before> extends true ? never : Ident<UpTo<UpTo<After, '}'>, ','>>) | MessageArgs<After>
    : never;

/** `msg(text)` for a message without arguments, `msg(text, {…})` with them (all required). */
export type MsgParams<S extends string, V> = [MessageArgs<S>] extends [never]
  ? [params?: Record<string, V>]
  : [params: Record<MessageArgs<S>, V> & Record<string, V>];

type Node = string | { arg: string } | { arg: string; kind: 'plural' | 'select'; options: Map<string, Node[]> } | { pound: true };

const parsed = new Map<string, Node[]>();

function parse(text: string): Node[] {
  let cached = parsed.get(text);
  if (!cached) {
    let at = 0;
    const nodes = (inPlural: boolean, nested: boolean): Node[] => {
      const out: Node[] = [];
      let literal = '';
      const flush = () => {
        if (literal) out.push(literal);
        literal = '';
      };
      while (at < text.length) {
        const ch = text[at]!;
        if (ch === '}' && nested) break;
        if (ch === '#' && inPlural) {
          flush();
          out.push({ pound: true });
          at++;
        } else if (ch === '{') {
          flush();
          out.push(argument());
        } else {
          literal += ch;
          at++;
        }
      }
      flush();
      return out;
    };
    const argument = (): Node => {
      const close = (): void => {
        if (text[at] !== '}') throw new SyntaxError(`Unclosed argument in message: ${text}`);
        at++;
      };
      at++; // {
      const head = /^\s*([\w-]+)\s*(?:,\s*(plural|select)\s*,)?\s*/.exec(text.slice(at));
      if (!head) throw new SyntaxError(`Bad argument in message: ${text}`);
      at += head[0].length;
      const name = head[1]!;
      const kind = head[2] as 'plural' | 'select' | undefined;
      if (!kind) {
        close();
        return { arg: name };
      }
      const options = new Map<string, Node[]>();
      for (;;) {
        const key = /^\s*(=?[\w-]+)\s*\{/.exec(text.slice(at));
        if (!key) break;
        at += key[0].length;
        options.set(key[1]!, nodes(kind === 'plural', true));
        close();
      }
      while (text[at] === ' ' || text[at] === '\n') at++;
      close();
      if (!options.has('other')) throw new SyntaxError(`A plural or select needs an "other" case: ${text}`);
      return { arg: name, kind, options };
    };
    cached = nodes(false, false);
    parsed.set(text, cached);
  }
  return cached;
}

/** The argument names a message uses (for tests: a translation must use the same ones). */
export function messageArguments(text: string): string[] {
  const names = new Set<string>();
  const walk = (list: Node[]) => {
    for (const node of list) {
      if (typeof node === 'string' || 'pound' in node) continue;
      names.add(node.arg);
      if ('options' in node) node.options.forEach(walk);
    }
  };
  walk(parse(text));
  return [...names].sort();
}

/** Whether a message parses (for tests). */
export function isValidMessage(text: string): boolean {
  try {
    parse(text);
    return true;
  } catch {
    return false;
  }
}

export type ChangeListener = (locale: string) => void;

export class Localizer {
  #locale: string;
  #table: Translations = {};
  /** Pseudo-localization (docs/i18n.md): applied to every literal part of every message. */
  #transform: ((text: string) => string) | null = null;
  #listeners = new Set<ChangeListener>();
  #numbers = new Map<string, Intl.NumberFormat>();
  #plurals: Intl.PluralRules | null = null;
  #dates = new Map<string, Intl.DateTimeFormat>();
  #lists = new Map<string, Intl.ListFormat>();

  constructor(locale = 'en') {
    this.#locale = locale;
  }

  /** The BCP 47 tag of the language in use (also for `Intl` and the `lang` attribute). */
  get locale(): string {
    return this.#locale;
  }

  /** Switches language: `translations` from English to it (empty for English); tells listeners. */
  set(locale: string, translations: Translations = {}, transform: ((text: string) => string) | null = null): void {
    this.#locale = locale;
    this.#table = translations;
    this.#transform = transform;
    this.#numbers.clear();
    this.#dates.clear();
    this.#lists.clear();
    this.#plurals = null;
    for (const listener of this.#listeners) listener(locale);
  }

  onChange(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The message in this language, its arguments filled in. Write `text` as a literal: it is extracted. */
  msg<const S extends string>(text: S, ...[params]: MsgParams<S, MessageValue>): string {
    return this.#format(text, params ?? {}).join('');
  }

  /**
   * The same, for a message with rich arguments (a link, a `<strong>` name): the parts in order,
   * for a Lit template to render (`${l.msgRich('Signed in as {name}', { name: html`<strong>…` })}`).
   */
  msgRich<const S extends string>(text: S, ...[params]: MsgParams<S, unknown>): unknown[] {
    return this.#format(text, params ?? {});
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    const key = options ? JSON.stringify(options) : '';
    let format = this.#numbers.get(key);
    if (!format) this.#numbers.set(key, (format = new Intl.NumberFormat(this.#locale, options)));
    return format.format(value);
  }

  date(value: string | number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) return String(value);
    const key = JSON.stringify(options);
    let format = this.#dates.get(key);
    if (!format) this.#dates.set(key, (format = new Intl.DateTimeFormat(this.#locale, options)));
    return format.format(date);
  }

  /** "Ana, Kenji and Priya" in this language (`type: 'disjunction'` for "or"). */
  list(items: string[], type: Intl.ListFormatType = 'conjunction'): string {
    let format = this.#lists.get(type);
    if (!format) this.#lists.set(type, (format = new Intl.ListFormat(this.#locale, { style: 'long', type })));
    return format.format(items);
  }

  /** The same with rich items (links to people): the parts in order, for a Lit template. */
  listRich(items: unknown[], type: Intl.ListFormatType = 'conjunction'): unknown[] {
    this.list([], type);
    const keys = items.map((_, i) => String(i));
    return this.#lists.get(type)!.formatToParts(keys).map((part) => (part.type === 'element' ? items[Number(part.value)] : part.value));
  }

  #format(text: string, params: Record<string, unknown>): unknown[] {
    const source = this.#table[text];
    let nodes: Node[];
    try {
      nodes = parse(source ?? text);
    } catch {
      // A broken translation must not break the page: fall back to the English.
      nodes = parse(text);
    }
    const out: unknown[] = [];
    this.#render(nodes, params, null, out);
    // Adjacent strings joined, so a Lit template gets few parts.
    return out.reduce<unknown[]>((parts, part) => {
      if (typeof part === 'string' && typeof parts.at(-1) === 'string') parts[parts.length - 1] += part;
      else parts.push(part);
      return parts;
    }, []);
  }

  #render(nodes: Node[], params: Record<string, unknown>, pound: number | null, out: unknown[]): void {
    for (const node of nodes) {
      if (typeof node === 'string') out.push(this.#transform ? this.#transform(node) : node);
      else if ('pound' in node) out.push(pound === null ? '#' : this.number(pound));
      else if (!('options' in node)) {
        const value = params[node.arg];
        out.push(typeof value === 'number' ? this.number(value) : value === undefined || value === null ? '' : value);
      } else {
        const value = params[node.arg];
        let branch: Node[] | undefined;
        if (node.kind === 'plural') {
          const n = Number(value);
          this.#plurals ??= new Intl.PluralRules(this.#locale);
          branch = node.options.get(`=${n}`) ?? node.options.get(this.#plurals.select(n)) ?? node.options.get('other');
          this.#render(branch!, params, n, out);
        } else {
          branch = node.options.get(String(value)) ?? node.options.get('other');
          this.#render(branch!, params, pound, out);
        }
      }
    }
  }
}
