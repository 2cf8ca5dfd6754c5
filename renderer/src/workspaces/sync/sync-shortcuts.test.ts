import { describe, expect, it } from 'vitest';
import { syncShortcutFor } from './sync-shortcuts';

const key = (name: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: name,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('syncShortcutFor', () => {
  it('syncs on F5 and Ctrl+R, Cmd+R on macOS', () => {
    expect(syncShortcutFor(key('F5'), false)).toBe('sync');
    expect(syncShortcutFor(key('r', { ctrlKey: true }), false)).toBe('sync');
    expect(syncShortcutFor(key('R', { ctrlKey: true }), false)).toBe('sync');
    expect(syncShortcutFor(key('r', { metaKey: true }), true)).toBe('sync');
    expect(syncShortcutFor(key('r', { ctrlKey: true }), true)).toBeNull();
  });

  it('cancels on a bare Escape', () => {
    expect(syncShortcutFor(key('Escape'), false)).toBe('cancel');
    expect(syncShortcutFor(key('Escape', { shiftKey: true }), false)).toBeNull();
  });

  it('leaves other keys and the hard reload alone', () => {
    expect(syncShortcutFor(key('r'), false)).toBeNull();
    expect(syncShortcutFor(key('r', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(syncShortcutFor(key('F5', { ctrlKey: true }), false)).toBeNull();
    expect(syncShortcutFor(key('s', { ctrlKey: true }), false)).toBeNull();
  });
});
