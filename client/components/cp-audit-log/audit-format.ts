/** One line of an audit entry's change, ready to show. */
export type ChangeLine =
  | { kind: 'changed'; key: string; from: string; to: string }
  | { kind: 'set'; key: string; to: string }
  | { kind: 'removed'; key: string; from: string }
  | { kind: 'list'; key: string; added: string[]; removed: string[] };

/** Actions the server records, with the words the log shows for them. */
export const AUDIT_ACTIONS: Record<string, string> = {
  'moderation.approve': 'Approved an item',
  'moderation.reject': 'Rejected an item',
  'moderation.edit': 'Edited an item',
  'member.ban': 'Banned a member',
  'member.suspension': 'Suspended a member',
  'member.ban.lift': 'Lifted a ban',
  'member.suspension.lift': 'Lifted a suspension',
  'member.role.set': 'Changed a role',
  'space.settings.update': 'Changed settings',
  'space.sso_secret.rotate': 'Rotated the SSO secret',
  'announcement.post': 'Posted an announcement',
  'wave.status.change': 'Changed an idea’s status',
  'wave.merge': 'Merged ideas',
  'wave.lock': 'Locked an idea',
  'wave.unlock': 'Unlocked an idea',
  'wave.pin': 'Pinned a reply',
  'wave.unpin': 'Unpinned a reply',
  'blip.delete': 'Deleted a reply',
};

/** Target types the server records. */
export const AUDIT_TARGET_TYPES: Record<string, string> = {
  space: 'Space',
  user: 'Person',
  wave: 'Idea',
  blip: 'Reply',
  'table-message': 'Table message',
  bio: 'Profile bio',
  'display-name': 'Display name',
  announcement: 'Announcement',
};

export function actionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? action;
}

export function targetLabel(type: string): string {
  return AUDIT_TARGET_TYPES[type] ?? type;
}

const MAX_VALUE = 80;
const MAX_DEPTH = 3;

/** A value as short JSON; long ones end in "…" (the full text goes in a title). */
export function compactJson(value: unknown, max = MAX_VALUE): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isPrimitiveList(value: unknown): value is (string | number | boolean | null)[] {
  return Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object');
}

/** Flattens nested objects into dotted keys (`rateLimit.posts`), a few levels deep. */
function flatten(value: Record<string, unknown>, prefix = '', depth = 0): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, v] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(v) && depth < MAX_DEPTH && Object.keys(v).length > 0) {
      for (const [k, inner] of flatten(v, path, depth + 1)) out.set(k, inner);
    } else {
      out.set(path, v);
    }
  }
  return out;
}

/**
 * What an audit entry changed, as short lines: only the keys that differ, nested keys dotted,
 * lists of words as what was added and removed. A value that is not an object is one line with key ''.
 */
export function describeChange(before: unknown, after: unknown): ChangeLine[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return [];
  if ((hasBefore && !isPlainObject(before)) || (hasAfter && !isPlainObject(after))) {
    if (!hasBefore) return [{ kind: 'set', key: '', to: compactJson(after) }];
    if (!hasAfter) return [{ kind: 'removed', key: '', from: compactJson(before) }];
    return same(before, after) ? [] : [{ kind: 'changed', key: '', from: compactJson(before), to: compactJson(after) }];
  }
  const old = hasBefore ? flatten(before as Record<string, unknown>) : new Map<string, unknown>();
  const now = hasAfter ? flatten(after as Record<string, unknown>) : new Map<string, unknown>();
  const keys = [...now.keys(), ...[...old.keys()].filter((k) => !now.has(k))];
  const lines: ChangeLine[] = [];
  for (const key of keys) {
    const a = old.get(key);
    const b = now.get(key);
    const inOld = old.has(key) && a !== undefined;
    const inNew = now.has(key) && b !== undefined;
    if (inOld && inNew && same(a, b)) continue;
    if (!inOld && inNew) {
      // A key written for the first time: "note: null" says nothing.
      if (b !== null) lines.push({ kind: 'set', key, to: compactJson(b) });
    } else if (inOld && !inNew) {
      lines.push({ kind: 'removed', key, from: compactJson(a) });
    } else if (isPrimitiveList(a) && isPrimitiveList(b)) {
      const added = b.filter((v) => !a.some((x) => same(x, v))).map((v) => compactJson(v, 40));
      const removed = a.filter((v) => !b.some((x) => same(x, v))).map((v) => compactJson(v, 40));
      lines.push(
        added.length || removed.length
          ? { kind: 'list', key, added, removed }
          : { kind: 'changed', key, from: compactJson(a), to: compactJson(b) },
      );
    } else {
      lines.push({ kind: 'changed', key, from: compactJson(a), to: compactJson(b) });
    }
  }
  return lines;
}

/** One line as plain text ("status: "held" → "approved""), for titles and tests. */
export function lineText(line: ChangeLine): string {
  const key = line.key ? `${line.key}: ` : '';
  switch (line.kind) {
    case 'changed':
      return `${key}${line.from} → ${line.to}`;
    case 'set':
      return `${key}${line.to}`;
    case 'removed':
      return `${key}${line.from} → (none)`;
    case 'list':
      return `${key}${[...line.added.map((v) => `+${v}`), ...line.removed.map((v) => `−${v}`)].join(', ')}`;
  }
}
