/**
 * Extracts the English catalog from the code (docs/i18n.md): every `msg('…')` and
 * `msgRich('…')` in the modules the fan app and the widget load. Run `npm run i18n:extract`
 * after changing messages; `client/i18n/i18n.test.ts` fails while the checked-in catalog is stale.
 * A build tool (Node), so it lives outside client/.
 *
 * - `en/widget.json`: the messages of the widget's modules (the app uses them too),
 * - `en/app.json`: the rest of the fan app's.
 *
 * Each maps the English message to itself: a translator copies the files to `<tag>/` and
 * replaces the values.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLIENT_DIR = fileURLToPath(new URL('../../client/', import.meta.url));
export const APP_ENTRIES = ['fan/main.ts'];
export const WIDGET_ENTRIES = ['widget/views/ideas.ts', 'widget/views/wave.ts', 'widget/views/cafe.ts'];

const IMPORT = /(?:\bimport|\bexport)\s*(?:[^'"`;]*?\bfrom\s*)?\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * Console UI the fan app loads only for staff (the fan card beside a wave): English only, like the
 * rest of the console, so outside the fan app's catalog.
 */
const STAFF_ONLY = /^components\/cp-fan-card\//;

/** The client modules reachable from `entries` (static and dynamic imports), relative to client/. */
export function moduleGraph(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || STAFF_ONLY.test(file)) return;
    const path = join(CLIENT_DIR, file);
    if (!existsSync(path)) return;
    seen.add(file);
    const source = readFileSync(path, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      let target = normalize(join(dirname(file), match[1]!));
      if (target.endsWith('.js')) target = `${target.slice(0, -3)}.ts`;
      if (!target.startsWith('..') && target.endsWith('.ts')) visit(target);
    }
  };
  entries.forEach(visit);
  return [...seen].sort();
}

export interface FoundMessage {
  text: string;
  file: string;
  line: number;
}

export interface Extraction {
  messages: FoundMessage[];
  /** `msg(` calls whose first argument is not a plain string literal: they would slip past the catalog. */
  problems: string[];
}

const CALL = /\bmsg(?:Rich)?\(\s*/g;

/** The messages of one module: the literal first argument of each `msg(`/`msgRich(` call. */
export function extractFrom(file: string, source: string): Extraction {
  const messages: FoundMessage[] = [];
  const problems: string[] = [];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/[^\n]*/g, (c, pre: string) => pre + ' '.repeat(c.length - pre.length));
  for (const call of code.matchAll(CALL)) {
    const start = call.index + call[0].length;
    const line = code.slice(0, call.index).split('\n').length;
    const before = code.slice(Math.max(0, call.index - 20), call.index);
    // The definitions themselves (`msg<const S …>(text: S…)`, `function msg(`) are not calls.
    if (/(function\s+|\.)$/.test(before) && /^text\b/.test(code.slice(start))) continue;
    const literal = /^(['"])((?:\\.|(?!\1)[^\\\n])*)\1|^`((?:\\.|[^`\\$]|\$(?!\{))*)`/.exec(code.slice(start));
    if (!literal) {
      problems.push(`${file}:${line}: the first argument of msg() must be a string literal`);
      continue;
    }
    const text = new Function(`return ${literal[0]};`)() as string;
    messages.push({ text, file, line });
  }
  return { messages, problems };
}

export interface Catalog {
  widget: string[];
  app: string[];
  problems: string[];
  /** Every module scanned, relative to client/. */
  files: string[];
}

/** The English catalog as the code has it now. */
export function extractCatalog(): Catalog {
  const widgetFiles = moduleGraph(WIDGET_ENTRIES);
  const appFiles = moduleGraph(APP_ENTRIES);
  const collect = (files: string[]) => {
    const texts = new Set<string>();
    const problems: string[] = [];
    for (const file of files) {
      if (file.startsWith('i18n/')) continue;
      const found = extractFrom(file, readFileSync(join(CLIENT_DIR, file), 'utf8'));
      found.messages.forEach((m) => texts.add(m.text));
      problems.push(...found.problems);
    }
    return { texts, problems };
  };
  const widget = collect(widgetFiles);
  const app = collect(appFiles.filter((f) => !widgetFiles.includes(f)));
  const sort = (list: Iterable<string>) => [...list].sort((a, b) => a.localeCompare(b, 'en'));
  return {
    widget: sort(widget.texts),
    app: sort([...app.texts].filter((t) => !widget.texts.has(t))),
    problems: [...widget.problems, ...app.problems],
    files: [...new Set([...widgetFiles, ...appFiles])].sort(),
  };
}

export function catalogJson(messages: string[]): string {
  return `${JSON.stringify(Object.fromEntries(messages.map((m) => [m, m])), null, 2)}\n`;
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const catalog = extractCatalog();
  if (catalog.problems.length) {
    console.error(catalog.problems.join('\n'));
    process.exitCode = 1;
  }
  for (const part of ['widget', 'app'] as const) {
    writeFileSync(join(CLIENT_DIR, 'i18n', 'en', `${part}.json`), catalogJson(catalog[part]));
    console.log(`i18n/en/${part}.json: ${catalog[part].length} messages`);
  }
}
