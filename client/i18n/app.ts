import { Localizer, type MessageValue, type MsgParams } from './localizer.js';
import { matchLanguage, useLanguage } from './locales.js';

/**
 * The fan app's language (docs/i18n.md): the person's choice on this device (Settings), else
 * the browser's preferred languages, else the page's `<html lang>`, else English. One Localizer
 * for the page; every `AppElement` renders again when it changes.
 */
export const i18n = new Localizer('en');

/** A message in the app's language (see `Localizer.msg`). Write `text` as a literal: it is extracted. */
export function msg<const S extends string>(text: S, ...params: MsgParams<S, MessageValue>): string {
  return i18n.msg(text, ...params);
}

/** A message with rich arguments, as parts for a Lit template (see `Localizer.msgRich`). */
export function msgRich<const S extends string>(text: S, ...params: MsgParams<S, unknown>): unknown[] {
  return i18n.msgRich(text, ...params);
}

const SETTING = 'commonplace.language';

/** The language chosen in Settings on this device, or '' for automatic. */
export function languageSetting(): string {
  try {
    return localStorage.getItem(SETTING) ?? '';
  } catch {
    return '';
  }
}

function chosenLanguage(): string {
  const setting = languageSetting();
  if (setting) return matchLanguage([setting]);
  return matchLanguage([...(navigator.languages ?? [navigator.language]), document.documentElement.lang]);
}

let started: Promise<void> | null = null;

/** Loads the chosen language once (English at once); the app renders when it resolves. */
export function startAppLanguage(): Promise<void> {
  return (started ??= applyLanguage(chosenLanguage()));
}

/** Settings: '' for automatic, or a language tag; remembered on this device and applied at once. */
export async function setLanguageSetting(tag: string): Promise<void> {
  try {
    if (tag) localStorage.setItem(SETTING, tag);
    else localStorage.removeItem(SETTING);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
  await applyLanguage(tag ? matchLanguage([tag]) : chosenLanguage());
}

async function applyLanguage(locale: string): Promise<void> {
  if (locale !== i18n.locale) await useLanguage(i18n, locale, ['widget', 'app']);
  document.documentElement.lang = i18n.locale;
}
