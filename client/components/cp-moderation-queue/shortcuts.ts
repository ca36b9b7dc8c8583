/** What a key press asks the queue to do. */
export type QueueCommand = 'next' | 'previous' | 'toggle-select' | 'approve' | 'reject' | 'edit' | 'cancel';

/** The keys, in the order the on-screen legend lists them. */
export const QUEUE_SHORTCUTS: readonly { key: string; command: QueueCommand; label: string }[] = [
  { key: 'j', command: 'next', label: 'next item' },
  { key: 'k', command: 'previous', label: 'previous item' },
  { key: 'x', command: 'toggle-select', label: 'select' },
  { key: 'a', command: 'approve', label: 'approve' },
  { key: 'r', command: 'reject', label: 'reject' },
  { key: 'e', command: 'edit', label: 'edit' },
  { key: 'Escape', command: 'cancel', label: 'cancel' },
];

const BY_KEY = new Map(QUEUE_SHORTCUTS.map((s) => [s.key, s.command]));

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** An IME is composing text: the key belongs to it. */
  isComposing: boolean;
  /** The press happened in a place that takes text (see `takesText`). */
  typing: boolean;
  /** A dialog is open over the queue: its keys are its own. */
  blocked: boolean;
}

/**
 * Decides whether a key press is a queue shortcut. Nothing fires while someone types, while
 * a dialog is open, or with Ctrl, Cmd or Alt held (browser and screen reader keys).
 * Shift is tolerated so Caps Lock does not switch the shortcuts off.
 */
export function commandFor(press: KeyPress): QueueCommand | null {
  if (press.typing || press.blocked || press.isComposing) return null;
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return BY_KEY.get(key) ?? null;
}

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

/** Whether an element takes typed text (the innermost target of the event, across shadow roots). */
export function takesText(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return !NON_TEXT_INPUTS.has(((element as HTMLInputElement).type || 'text').toLowerCase());
  return element.isContentEditable === true;
}
