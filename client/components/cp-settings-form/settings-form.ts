import type { MODERATION_MODES, SpaceSettings } from '../../../shared/schemas/spaces.js';

export type ModerationMode = (typeof MODERATION_MODES)[number];

/** The settings form as the person edits it: numbers as typed, word lists one per line. */
export interface SettingsDraft {
  moderationMode: ModerationMode;
  newMemberPosts: string;
  bannedWords: string;
  watchedWords: string;
  blockedLinkSites: string;
  flagThreshold: string;
  ratePosts: string;
  rateWindowSeconds: string;
  widgetOrigins: string;
  tableCapacity: string;
  maxTableCapacity: string;
  emptyTableCloseMinutes: string;
  public: boolean;
}

export type DraftField = keyof SettingsDraft;

/** Errors by form field: the message, and for list fields which line (1-based) is wrong. */
export type FieldErrors = Partial<Record<DraftField, string>>;

const NUMBER_FIELDS = ['newMemberPosts', 'flagThreshold', 'ratePosts', 'rateWindowSeconds', 'tableCapacity', 'maxTableCapacity', 'emptyTableCloseMinutes'] as const;
const LIST_FIELDS = ['bannedWords', 'watchedWords', 'blockedLinkSites', 'widgetOrigins'] as const;
type ListField = (typeof LIST_FIELDS)[number];

/** Lines of a textarea: trimmed, empty ones dropped, duplicates (ignoring case) kept once. */
export function toLines(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const key = line.toLowerCase();
    if (!line || seen.has(key)) continue;
    seen.add(key);
    out.push(line);
  }
  return out;
}

export function toDraft(settings: SpaceSettings): SettingsDraft {
  return {
    moderationMode: settings.moderationMode,
    newMemberPosts: String(settings.newMemberPosts),
    bannedWords: settings.bannedWords.join('\n'),
    watchedWords: settings.watchedWords.join('\n'),
    blockedLinkSites: settings.blockedLinkSites.join('\n'),
    flagThreshold: String(settings.flagThreshold),
    ratePosts: String(settings.rateLimit.posts),
    rateWindowSeconds: String(settings.rateLimit.windowSeconds),
    widgetOrigins: settings.widgetOrigins.join('\n'),
    tableCapacity: String(settings.tableCapacity),
    maxTableCapacity: String(settings.maxTableCapacity),
    emptyTableCloseMinutes: String(settings.emptyTableCloseMinutes),
    public: settings.public,
  };
}

/**
 * The draft as settings, or what must be fixed first. Only the shape is checked here
 * (whole numbers); the limits are the server's, and its 400 names the field.
 */
export function fromDraft(draft: SettingsDraft): { ok: true; settings: SpaceSettings } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const numbers = {} as Record<(typeof NUMBER_FIELDS)[number], number>;
  for (const field of NUMBER_FIELDS) {
    const text = draft[field].trim();
    if (!/^-?\d+$/.test(text)) errors[field] = text ? 'Enter a whole number.' : 'This is required.';
    else numbers[field] = Number(text);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const lists = Object.fromEntries(LIST_FIELDS.map((f) => [f, toLines(draft[f])])) as Record<ListField, string[]>;
  return {
    ok: true,
    settings: {
      moderationMode: draft.moderationMode,
      newMemberPosts: numbers.newMemberPosts,
      widgetOrigins: lists.widgetOrigins,
      tableCapacity: numbers.tableCapacity,
      maxTableCapacity: numbers.maxTableCapacity,
      emptyTableCloseMinutes: numbers.emptyTableCloseMinutes,
      public: draft.public,
      bannedWords: lists.bannedWords,
      watchedWords: lists.watchedWords,
      blockedLinkSites: lists.blockedLinkSites.map((s) => s.toLowerCase()),
      flagThreshold: numbers.flagThreshold,
      rateLimit: { posts: numbers.ratePosts, windowSeconds: numbers.rateWindowSeconds },
    },
  };
}

/**
 * Only what changed, so two admins saving different fields do not undo each other.
 * `rateLimit` goes whole (the server replaces it whole).
 */
export function settingsPatch(before: SpaceSettings, after: SpaceSettings): Partial<SpaceSettings> {
  const patch: Partial<SpaceSettings> = {};
  for (const key of Object.keys(after) as (keyof SpaceSettings)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) (patch as Record<string, unknown>)[key] = after[key];
  }
  return patch;
}

/**
 * Which form field a server `error.field` points at: `rateLimit.posts` → `ratePosts`,
 * `bannedWords.3` → `bannedWords` line 4. Null when the form has no such field.
 */
export function draftFieldOf(field: string | undefined): { field: DraftField; line: number | null } | null {
  if (!field) return null;
  const [head, second] = field.split('.');
  if (head === 'rateLimit') return { field: second === 'windowSeconds' ? 'rateWindowSeconds' : 'ratePosts', line: null };
  if ((LIST_FIELDS as readonly string[]).includes(head!)) {
    const index = second !== undefined && /^\d+$/.test(second) ? Number(second) : null;
    return { field: head as ListField, line: index === null ? null : index + 1 };
  }
  if (head === 'moderationMode' || head === 'public' || (NUMBER_FIELDS as readonly string[]).includes(head!)) {
    return { field: head as DraftField, line: null };
  }
  return null;
}

/**
 * A server error message for one field, in the form's words: the "field: " prefix goes
 * (the message sits next to the field), and a list line is named.
 */
export function fieldMessage(message: string, field: string | undefined, line: number | null): string {
  const text = field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return line === null ? sentence : `Line ${line}: ${sentence}`;
}
