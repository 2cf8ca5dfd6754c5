import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { gridKeyAction } from '../tables/grid-keys';
import { ariaKeys, comboKeys, entryCombos, isShortcut, shortcut, SHORTCUT_GROUPS, SHORTCUTS } from './shortcut-registry';

const press = (
  key: string,
  modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean; code: string }> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});
const words = { space: 'Space', enter: 'Enter', escape: 'Esc' };

describe('the shortcut registry', () => {
  it('has one entry per id, each in a listed group, with a label in both languages', () => {
    expect(new Set(SHORTCUTS.map((entry) => entry.id)).size).toBe(SHORTCUTS.length);
    for (const entry of SHORTCUTS) {
      expect(SHORTCUT_GROUPS).toContain(entry.group);
      expect(en[entry.label], entry.id).toBeTruthy();
      expect(fr[entry.label], entry.id).toBeTruthy();
      expect(entry.combos.length, entry.id).toBeGreaterThan(0);
    }
  });

  it('opens the palette with Ctrl+K, or Cmd+K on macOS, and nothing else', () => {
    expect(isShortcut('palette', press('k', { ctrlKey: true }), false)).toBe(true);
    expect(isShortcut('palette', press('K', { metaKey: true }), true)).toBe(true);
    expect(isShortcut('palette', press('k', { metaKey: true }), false)).toBe(false);
    expect(isShortcut('palette', press('k', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isShortcut('palette', press('k'), false)).toBe(false);
  });

  it('shows the sheet with "?", typed with Shift on QWERTY and AZERTY alike', () => {
    expect(isShortcut('sheet', press('?', { shiftKey: true }), false)).toBe(true);
    expect(isShortcut('sheet', press('?'), false)).toBe(true);
    expect(isShortcut('sheet', press('?', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isShortcut('sheet', press('/'), false)).toBe(false);
  });

  it('is what the grid reads its keys from', () => {
    // The same press is a grid move in the registry and in the grid's handler: one source for both.
    for (const entry of SHORTCUTS.filter((e) => e.id.startsWith('grid.')))
      for (const combo of entry.combos) {
        const event = press(combo.key, { ctrlKey: combo.mod ?? false, shiftKey: combo.shift ?? false });
        expect(gridKeyAction(event, false), `${entry.id} ${combo.key}`).not.toBeNull();
      }
  });

  it('names the keys as the sheet shows them, per platform and language', () => {
    expect(comboKeys({ key: 'k', mod: true }, false, words)).toEqual(['Ctrl', 'K']);
    expect(comboKeys({ key: 'k', mod: true }, true, words)).toEqual(['⌘', 'K']);
    expect(comboKeys({ key: 'Escape' }, false, { ...words, escape: 'Échap' })).toEqual(['Échap']);
    expect(comboKeys({ key: 'ArrowDown', shift: true }, false, words)).toEqual(['Shift', '↓']);
    expect(entryCombos(shortcut('workspace'), false, words)).toEqual([['Ctrl', '1…9']]);
    expect(ariaKeys('palette', false)).toBe('Control+K');
    expect(ariaKeys('palette', true)).toBe('Meta+K');
  });
});
