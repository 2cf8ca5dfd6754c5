import { describe, expect, it } from 'vitest';
import { currentHash, detailHash, hashOf, parseDetailId, parseHash, shortcutOf, workspaceForShortcut } from './workspaces';

const key = (code: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }>) => ({
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('hash route', () => {
  it('round-trips every workspace and falls back to the dashboard', () => {
    expect(parseHash(hashOf('settings'))).toBe('settings');
    expect(parseHash('#/sync/later/part')).toBe('sync');
    expect(parseHash('')).toBe('dashboard');
    expect(parseHash('#/nowhere')).toBe('dashboard');
  });

  it("opens a link saved under the Production workspace's former id, and rewrites it to the current one", () => {
    expect(parseHash('#/handlers/42/7')).toBe('production');
    expect(currentHash('#/handlers/42/7')).toBe('#/production/42/7');
    expect(currentHash('#/handlers')).toBe('#/production');
    expect(currentHash('#/production/42')).toBeNull();
    expect(currentHash('')).toBeNull();
  });

  it('reads the record shown beside a list', () => {
    expect(parseDetailId(detailHash('bills', 123))).toBe(123);
    expect(parseHash(detailHash('customers', 7))).toBe('customers');
    expect(parseDetailId('#/bills')).toBeNull();
    expect(parseDetailId('#/bills/0')).toBeNull();
    expect(parseDetailId('#/bills/-3')).toBeNull();
    expect(parseDetailId('#/bills/12abc')).toBeNull();
  });
});

describe('workspace shortcuts', () => {
  it('uses Ctrl elsewhere and Cmd on macOS, by physical digit key', () => {
    expect(workspaceForShortcut(key('Digit1', { ctrlKey: true }), false)).toBe('dashboard');
    expect(workspaceForShortcut(key('Digit2', { ctrlKey: true }), false)).toBe('bills');
    expect(workspaceForShortcut(key('Digit6', { ctrlKey: true }), false)).toBe('followup');
    expect(workspaceForShortcut(key('Numpad9', { ctrlKey: true }), false)).toBe('settings');
    expect(workspaceForShortcut(key('Digit9', { metaKey: true }), true)).toBe('settings');
    expect(workspaceForShortcut(key('Digit9', { ctrlKey: true }), true)).toBeNull();
  });

  it('ignores other keys and combinations', () => {
    expect(workspaceForShortcut(key('Digit0', { ctrlKey: true }), false)).toBeNull();
    expect(workspaceForShortcut(key('Digit1', {}), false)).toBeNull();
    expect(workspaceForShortcut(key('Digit1', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(workspaceForShortcut(key('KeyA', { ctrlKey: true }), false)).toBeNull();
  });

  it('describes the shortcut for assistive technology and for the eye', () => {
    expect(shortcutOf(0, false)).toEqual({ aria: 'Control+1', hint: 'Ctrl+1' });
    expect(shortcutOf(6, true)).toEqual({ aria: 'Meta+7', hint: '⌘7' });
  });
});
