import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogJson, CLIENT_DIR, extractCatalog, extractFrom } from '../../tools/i18n/extract.js';
import { Localizer, isValidMessage, messageArguments } from './localizer.js';
import { LANGUAGES, matchLanguage, useLanguage } from './locales.js';
import { pseudo } from './pseudo.js';
import { findRawStrings, findRawText } from '../../tools/i18n/raw-text.js';

const catalog = extractCatalog();
const read = (path: string) => readFileSync(join(CLIENT_DIR, path), 'utf8');

/**
 * Text another engineer is changing right now (the "Made with …" line of the wave page); it
 * goes through the catalog once that change lands. Keep this list empty otherwise.
 */
const PENDING: Record<string, string[]> = {};

describe('the message catalog', () => {
  it('is complete: the checked-in English catalog is what the code uses (run `npm run i18n:extract`)', () => {
    expect(catalog.problems).toEqual([]);
    expect(read('i18n/en/widget.json')).toBe(catalogJson(catalog.widget));
    expect(read('i18n/en/app.json')).toBe(catalogJson(catalog.app));
  });

  it('has no user-visible text outside it in the fan app and the widget', () => {
    const raw: string[] = [];
    for (const file of catalog.files) {
      if (file.startsWith('i18n/') || file.endsWith('.styles.ts') || file.startsWith('styles/') || file === 'editor/schema.ts') continue;
      const source = read(file);
      for (const found of [...findRawText(source), ...findRawStrings(source)]) {
        if (!PENDING[file]?.includes(found.text)) raw.push(`${file}:${found.line}: ${found.text}`);
      }
    }
    expect(raw).toEqual([]);
  });

  it('covers the fan app, the components it uses and the widget', () => {
    for (const file of ['fan/fan-app.ts', 'fan/views/settings-view.ts', 'components/cp-blip/cp-blip.ts', 'widget/views/cafe.ts', 'widget/runtime/chrome.ts', 'cafe/floor.ts']) {
      expect(catalog.files).toContain(file);
    }
    expect(catalog.widget).toContain('Sign in to support ideas');
    expect(catalog.app).toContain('Your data');
    // The widget's part never carries the app's own words (its chunk stays small).
    expect(catalog.widget).not.toContain('Your data');
  });

  it('has messages that parse, and translations that use the English messages and their arguments', () => {
    for (const text of [...catalog.widget, ...catalog.app]) expect(isValidMessage(text), text).toBe(true);
    const known = { widget: new Set(catalog.widget), app: new Set(catalog.app) };
    for (const tag of readdirSync(join(CLIENT_DIR, 'i18n')).filter((d) => /^[a-z]{2,3}(-[A-Za-z0-9]+)?$/.test(d) && d !== 'en')) {
      expect(Object.keys(LANGUAGES)).toContain(tag);
      for (const part of ['widget', 'app'] as const) {
        const table = JSON.parse(read(`i18n/${tag}/${part}.json`)) as Record<string, string>;
        for (const [english, translated] of Object.entries(table)) {
          expect(known[part].has(english), `${tag}/${part}.json: not an English message of this part: ${english}`).toBe(true);
          expect(isValidMessage(translated), `${tag}/${part}.json: ${translated}`).toBe(true);
          expect(messageArguments(translated), `${tag}/${part}.json: ${translated}`).toEqual(messageArguments(english));
        }
      }
    }
  });

  it('only extracts literal messages', () => {
    const found = extractFrom('x.ts', "l.msg('A {name}', { name }); msg(`B`); msgRich(\"C\", {}); msg(text);");
    expect(found.messages.map((m) => m.text)).toEqual(['A {name}', 'B', 'C']);
    expect(found.problems).toHaveLength(1);
  });
});

describe('raw text detection', () => {
  it('finds text and read attributes in templates, not bindings', () => {
    const found = findRawText('html`<p class="a">Hello ${name}</p><b aria-label=${x}>${msg("ok")}</b><i title="Hi">·</i>`');
    expect(found.map((f) => f.text)).toEqual(['Hello', 'Hi']);
  });

  it('finds sentence-like strings outside templates', () => {
    const found = findRawStrings("this.notice = 'Your hand is down.';\nel.querySelector('.a b');\nif (e.key === 'Escape') x = msg('Fine words');");
    expect(found.map((f) => f.text)).toEqual(['Your hand is down.']);
  });
});

describe('Localizer', () => {
  it('fills in arguments, plurals and selects, with numbers for the language', () => {
    const l = new Localizer('en');
    expect(l.msg('Signed in as {name}', { name: 'Ana' })).toBe('Signed in as Ana');
    const replies = '{count, plural, =0 {No replies} one {# reply} other {# replies}}';
    expect([0, 1, 2, 1200].map((count) => l.msg(replies, { count }))).toEqual(['No replies', '1 reply', '2 replies', '1,200 replies']);
    expect(l.msg('{kind, select, wave {Your idea} other {Your reply}} was approved', { kind: 'wave' })).toBe('Your idea was approved');
    expect(l.msg('{count, plural, one {{names} is here} other {{names} are here}}', { count: 2, names: 'A and B' })).toBe('A and B are here');
    expect(l.list(['Ana', 'Kenji', 'Priya'])).toBe('Ana, Kenji, and Priya');
  });

  it('uses a translation, falls back to English, and survives a broken one', () => {
    const l = new Localizer();
    l.set('nl', { Ideas: 'Ideeën', '{count, plural, one {# reply} other {# replies}}': '{count, plural, one {# reactie} other {# reacties}}', Broken: '{oops' });
    expect(l.msg('Ideas')).toBe('Ideeën');
    expect(l.msg('Not translated')).toBe('Not translated');
    expect(l.msg('{count, plural, one {# reply} other {# replies}}', { count: 1500 })).toBe('1.500 reacties');
    expect(l.msg('Broken')).toBe('Broken');
  });

  it('returns rich parts in order for templates', () => {
    const link = { a: 1 };
    expect(new Localizer().msgRich('Live on {commonplace}.', { commonplace: link })).toEqual(['Live on ', link, '.']);
    expect(new Localizer().listRich([link, link])).toEqual([link, ' and ', link]);
  });

  it('tells listeners about a change', () => {
    const l = new Localizer();
    const seen: string[] = [];
    l.onChange((locale) => seen.push(locale));
    l.set('nl');
    expect(seen).toEqual(['nl']);
  });
});

describe('languages', () => {
  it('matches wishes to what we have', () => {
    expect(matchLanguage(['fr-FR', 'nl-BE', 'en'])).toBe('nl');
    expect(matchLanguage(['de'])).toBe('en');
    expect(matchLanguage([null, 'EN-xa'])).toBe('en-XA');
  });

  it('loads a language lazily and keeps English for what it does not translate', async () => {
    const l = new Localizer();
    await useLanguage(l, 'nl', ['widget']);
    expect(l.locale).toBe('nl');
    expect(l.msg('Ideas for {space}', { space: 'Lumen' })).toBe('Ideeën voor Lumen');
    expect(l.msg('No open tables right now.')).toBe('No open tables right now.');
    await useLanguage(l, 'en', ['widget']);
    expect(l.msg('Ideas')).toBe('Ideas');
  });

  it('pseudo-localizes every literal part, never the arguments', async () => {
    const l = new Localizer();
    await useLanguage(l, 'en-XA', ['widget']);
    expect(l.msg('Ideas for {space}', { space: 'Lumen' })).toBe(`${pseudo('Ideas for ')}Lumen`);
    expect(pseudo('Ideas')).not.toBe('Ideas');
  });
});
