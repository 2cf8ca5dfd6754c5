import { describe, expect, it } from 'vitest';
import {
  afterReorder,
  clearSelection,
  emptySelection,
  isSelected,
  moveCursor,
  rangeBounds,
  selectAllMatching,
  selectOnly,
  selectRange,
  selectedCount,
  selectionTarget,
  toggle,
  type Selection,
} from './selection-model';

// Row i has id 100 + i, as a sorted window of bills would.
const idAt = (index: number) => 100 + index;
const idsBetween = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, k) => idAt(first + k));
const shift = (selection: Selection, index: number, additive = false) => {
  const { first, last } = rangeBounds(selection, index);
  return selectRange(selection, index, idsBetween(first, last), additive);
};
const ids = (selection: Selection) => [...selection.ids].sort((a, b) => a - b);

describe('selection model', () => {
  it('selects one row on click and ranges from it with Shift, in either direction', () => {
    let selection = selectOnly(emptySelection, 5, idAt(5));
    expect(ids(selection)).toEqual([105]);
    selection = shift(selection, 8);
    expect(ids(selection)).toEqual([105, 106, 107, 108]);
    // The anchor stays at 5: extending upwards replaces the range instead of adding to it.
    selection = shift(selection, 3);
    expect(ids(selection)).toEqual([103, 104, 105]);
    expect(selection.anchor).toBe(5);
    expect(selection.cursor).toBe(3);
  });

  it('toggles rows with Ctrl/Cmd+click and adds a range with Ctrl/Cmd+Shift', () => {
    let selection = selectOnly(emptySelection, 1, idAt(1));
    selection = toggle(selection, 4, idAt(4));
    expect(ids(selection)).toEqual([101, 104]);
    // The anchor moved to 4 with the Ctrl+click.
    selection = shift(selection, 6, true);
    expect(ids(selection)).toEqual([101, 104, 105, 106]);
    selection = toggle(selection, 1, idAt(1));
    expect(ids(selection)).toEqual([104, 105, 106]);
    selection = toggle(selection, 9, idAt(9));
    selection = shift(selection, 10, true);
    expect(ids(selection)).toEqual([104, 105, 106, 109, 110]);
  });

  it('extends from the cursor when no anchor was set', () => {
    const selection = shift({ ...emptySelection, cursor: null }, 2);
    expect(ids(selection)).toEqual([102]);
    expect(selection.anchor).toBe(2);
  });

  it('selects all matching without listing them, and counts exclusions', () => {
    let selection = selectAllMatching(selectOnly(emptySelection, 0, idAt(0)));
    expect(selection.mode).toBe('all');
    expect(selectedCount(selection, 1_000_000)).toBe(1_000_000);
    expect(isSelected(selection, 123_456)).toBe(true);
    selection = toggle(selection, 3, idAt(3));
    expect(isSelected(selection, idAt(3))).toBe(false);
    expect(selectedCount(selection, 1_000_000)).toBe(999_999);
    expect(selectionTarget(selection)).toEqual({ kind: 'filterExcept', except: new Set([103]) });
    // Toggling it back leaves "all matching" whole again.
    selection = toggle(selection, 3, idAt(3));
    expect(selectionTarget(selection)).toEqual({ kind: 'filter' });
    // Ctrl+Shift over a range in "all" mode adds it back, as it adds a range elsewhere.
    selection = toggle(selection, 11, idAt(11));
    expect(selectedCount(selection, 50)).toBe(49);
    selection = shift({ ...selection, anchor: 10 }, 12, true);
    expect(selection.mode).toBe('all');
    expect(selectedCount(selection, 50)).toBe(50);
  });

  it('leaves "all matching" on a plain click or a plain Shift range', () => {
    const all = selectAllMatching(emptySelection);
    expect(selectOnly(all, 2, idAt(2)).mode).toBe('ids');
    const ranged = shift({ ...all, anchor: 0 }, 2);
    expect(ranged.mode).toBe('ids');
    expect(ids(ranged)).toEqual([100, 101, 102]);
  });

  it('moves the cursor alone, clears, and forgets positions after a reorder', () => {
    let selection = selectOnly(emptySelection, 2, idAt(2));
    selection = moveCursor(selection, 7);
    expect(ids(selection)).toEqual([102]);
    expect(selection.cursor).toBe(7);
    expect(afterReorder(selection)).toMatchObject({ anchor: null, cursor: null });
    expect(ids(afterReorder(selection))).toEqual([102]);
    selection = clearSelection(selection);
    expect(selectedCount(selection, 10)).toBe(0);
    expect(selectionTarget(selection)).toEqual({ kind: 'none' });
    expect(selectionTarget(selectOnly(selection, 1, 55))).toEqual({ kind: 'ids', ids: [55] });
  });
});
