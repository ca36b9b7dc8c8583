import { describe, expect, it } from 'vitest';
import { commandFor, takesText, type KeyPress } from './shortcuts.js';

const press = (key: string, patch: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  isComposing: false,
  typing: false,
  blocked: false,
  ...patch,
});

describe('queue shortcuts', () => {
  it('maps the legend’s keys', () => {
    expect(['j', 'k', 'x', 'a', 'r', 'e', 'Escape'].map((k) => commandFor(press(k)))).toEqual([
      'next',
      'previous',
      'toggle-select',
      'approve',
      'reject',
      'edit',
      'cancel',
    ]);
    expect(commandFor(press('A', {}))).toBe('approve');
    expect(commandFor(press('q'))).toBeNull();
    expect(commandFor(press('Enter'))).toBeNull();
  });

  it('never fires while typing, in a dialog, composing, or with a modifier', () => {
    expect(commandFor(press('a', { typing: true }))).toBeNull();
    expect(commandFor(press('Escape', { typing: true }))).toBeNull();
    expect(commandFor(press('j', { blocked: true }))).toBeNull();
    expect(commandFor(press('r', { isComposing: true }))).toBeNull();
    expect(commandFor(press('r', { ctrlKey: true }))).toBeNull();
    expect(commandFor(press('a', { metaKey: true }))).toBeNull();
    expect(commandFor(press('j', { altKey: true }))).toBeNull();
  });

  it('knows which elements take text', () => {
    const el = (tagName: string, props: Record<string, unknown> = {}) => ({ tagName, ...props }) as unknown as EventTarget;
    expect(takesText(el('TEXTAREA'))).toBe(true);
    expect(takesText(el('INPUT', { type: 'text' }))).toBe(true);
    expect(takesText(el('INPUT', { type: 'number' }))).toBe(true);
    expect(takesText(el('SELECT'))).toBe(true);
    expect(takesText(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(takesText(el('BUTTON'))).toBe(false);
    expect(takesText(el('DIV', { isContentEditable: true }))).toBe(true);
    expect(takesText(el('CP-MODERATION-ITEM'))).toBe(false);
    expect(takesText(null)).toBe(false);
  });
});
