import type { Localizer, Translations } from './localizer.js';

/**
 * The languages Commonplace speaks (docs/i18n.md), each named in itself. English is the source:
 * it is written in the code and needs no table. A brand adds a language by translating
 * `en/widget.json` and `en/app.json` into `<tag>/…` and adding a line here and in `TABLES`.
 */
export const LANGUAGES: Readonly<Record<string, string>> = {
  en: 'English',
  nl: 'Nederlands',
};

/** Pseudo-localization: accented English in brackets, every message, for spotting text that skips the catalog. */
export const PSEUDO_LOCALE = 'en-XA';

/**
 * The parts of a language's table: `widget`, the words of the embeddable widget (the app uses
 * them too); `app`, the fan app's own. Each is its own chunk, loaded only when that language is
 * chosen; the widget never loads the app's.
 */
export type CatalogPart = 'widget' | 'app';

type TableLoader = () => Promise<{ default: Translations }>;

const TABLES: Readonly<Record<string, Readonly<Record<CatalogPart, TableLoader>>>> = {
  nl: { widget: () => import('./nl/widget.json'), app: () => import('./nl/app.json') },
};

/**
 * The best language we have for a list of wishes (`lang` attributes, `navigator.languages`):
 * an exact match, else the same base language (`nl-BE` → `nl`), else English.
 */
export function matchLanguage(wishes: readonly (string | null | undefined)[]): string {
  const known = [...Object.keys(LANGUAGES), PSEUDO_LOCALE];
  for (const wish of wishes) {
    if (!wish) continue;
    const tag = wish.trim().toLowerCase();
    const exact = known.find((k) => k.toLowerCase() === tag);
    if (exact) return exact;
    const base = known.find((k) => k.toLowerCase() === tag.split('-')[0]);
    if (base) return base;
  }
  return 'en';
}

/**
 * Switches `l` to `locale`, loading that language's parts first (English loads nothing). A part
 * that fails to load leaves its messages in English.
 */
export async function useLanguage(l: Localizer, locale: string, parts: readonly CatalogPart[]): Promise<void> {
  if (locale === PSEUDO_LOCALE) {
    const { pseudo } = await import('./pseudo.js');
    return l.set(locale, {}, pseudo);
  }
  const loaders = TABLES[locale];
  if (!loaders) return l.set(locale === 'en' || !(locale in LANGUAGES) ? 'en' : locale);
  const tables = await Promise.all(parts.map((part) => loaders[part]().then((m) => m.default, () => ({}))));
  l.set(locale, Object.assign({}, ...tables) as Translations);
}
