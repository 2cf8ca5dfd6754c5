import { describe, expect, it } from 'vitest';
import { gridKeyAction, isSearchShortcut, nextPosition } from './grid-keys';

const key = (k: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('grid keys', () => {
  it('moves, extends and keeps the selection', () => {
    expect(gridKeyAction(key('ArrowDown'), false)).toEqual({ kind: 'move', by: 1, extend: false, keepSelection: false });
    expect(gridKeyAction(key('ArrowUp', { shiftKey: true }), false)).toEqual({ kind: 'move', by: -1, extend: true, keepSelection: false });
    expect(gridKeyAction(key('ArrowDown', { metaKey: true }), true)).toEqual({ kind: 'move', by: 1, extend: false, keepSelection: true });
    expect(gridKeyAction(key('End', { shiftKey: true }), false)).toMatchObject({ by: 'last', extend: true });
  });

  it('toggles, selects all, opens and clears', () => {
    expect(gridKeyAction(key(' '), false)).toEqual({ kind: 'toggle' });
    expect(gridKeyAction(key('a', { ctrlKey: true }), false)).toEqual({ kind: 'selectAll' });
    expect(gridKeyAction(key('A', { metaKey: true }), true)).toEqual({ kind: 'selectAll' });
    expect(gridKeyAction(key('a', { ctrlKey: true }), true)).toBeNull();
    expect(gridKeyAction(key('Enter'), false)).toEqual({ kind: 'open' });
    expect(gridKeyAction(key('Escape'), false)).toEqual({ kind: 'clear' });
    expect(gridKeyAction(key('x'), false)).toBeNull();
    expect(gridKeyAction(key('ArrowDown', { altKey: true }), false)).toBeNull();
  });

  it('focuses the search with Ctrl/Cmd+F, and with / outside text fields', () => {
    expect(isSearchShortcut({ ...key('f', { ctrlKey: true }), inTextField: true }, false)).toBe(true);
    expect(isSearchShortcut({ ...key('f', { metaKey: true }), inTextField: false }, true)).toBe(true);
    expect(isSearchShortcut({ ...key('/'), inTextField: false }, false)).toBe(true);
    expect(isSearchShortcut({ ...key('/'), inTextField: true }, false)).toBe(false);
    expect(isSearchShortcut({ ...key('f'), inTextField: false }, false)).toBe(false);
  });

  it('keeps the cursor inside the rows', () => {
    expect(nextPosition(null, 1, 10, 5)).toBe(0);
    expect(nextPosition(null, -1, 10, 5)).toBe(0);
    expect(nextPosition(9, 1, 10, 5)).toBe(9);
    expect(nextPosition(3, 'pageDown', 10, 5)).toBe(8);
    expect(nextPosition(3, 'pageUp', 10, 5)).toBe(0);
    expect(nextPosition(3, 'last', 10, 5)).toBe(9);
    expect(nextPosition(3, 1, 0, 5)).toBe(0);
  });
});
