/**
 * Which rows of a long server-side list are selected, as a file manager does it: click, Ctrl/Cmd+click,
 * Shift+click ranges, and the keyboard equivalents. Rows are identified by id (a refresh may move them),
 * while the anchor and the cursor are positions in the current order, since that is what Shift extends.
 *
 * "All matching the filter" is a mode, not a list: with a million matching rows, selecting all must not load
 * them. In that mode `ids` holds the rows taken out of it.
 */
export interface Selection {
  mode: 'ids' | 'all';
  /** Selected ids ('ids'), or the ids excluded from all matching ('all'). */
  ids: ReadonlySet<number>;
  /** Where a Shift range starts. */
  anchor: number | null;
  /** The focused row (keyboard position). */
  cursor: number | null;
}

export const emptySelection: Selection = { mode: 'ids', ids: new Set(), anchor: null, cursor: null };

export function isSelected(selection: Selection, id: number): boolean {
  return selection.mode === 'all' ? !selection.ids.has(id) : selection.ids.has(id);
}

export function selectedCount(selection: Selection, total: number): number {
  return selection.mode === 'all' ? Math.max(0, total - selection.ids.size) : selection.ids.size;
}

/** Plain click, or an arrow key without modifiers: this row alone, and ranges start here. */
export function selectOnly(_selection: Selection, index: number, id: number): Selection {
  return { mode: 'ids', ids: new Set([id]), anchor: index, cursor: index };
}

/** Ctrl/Cmd+click, or Space: flips this row and keeps the others; ranges start here. */
export function toggle(selection: Selection, index: number, id: number): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { mode: selection.mode, ids, anchor: index, cursor: index };
}

/**
 * Shift+click or Shift+arrow: the rows from the anchor to `index` (whose ids the caller read from the rows
 * in that order). Replaces the selection, or adds to it with Ctrl/Cmd held. The anchor stays, so extending
 * again from the same start shrinks or grows the same range.
 */
export function selectRange(selection: Selection, index: number, rangeIds: readonly number[], additive: boolean): Selection {
  const anchor = selection.anchor ?? index;
  if (additive && selection.mode === 'all') {
    const ids = new Set(selection.ids);
    for (const id of rangeIds) ids.delete(id);
    return { mode: 'all', ids, anchor, cursor: index };
  }
  const ids = new Set(additive ? selection.ids : []);
  for (const id of rangeIds) ids.add(id);
  return { mode: 'ids', ids, anchor, cursor: index };
}

/** The positions a Shift range covers, smallest first. */
export function rangeBounds(selection: Selection, index: number): { first: number; last: number } {
  const anchor = selection.anchor ?? index;
  return { first: Math.min(anchor, index), last: Math.max(anchor, index) };
}

/** Ctrl/Cmd+A: every row matching the filter, loaded or not. */
export function selectAllMatching(selection: Selection): Selection {
  return { mode: 'all', ids: new Set(), anchor: selection.anchor, cursor: selection.cursor };
}

/** Ctrl/Cmd+arrow: the focus moves, the selection stays. */
export function moveCursor(selection: Selection, index: number): Selection {
  return { ...selection, cursor: index };
}

export function clearSelection(selection: Selection): Selection {
  return { mode: 'ids', ids: new Set(), anchor: selection.cursor, cursor: selection.cursor };
}

/**
 * After the order changed (a sort), positions mean other rows: the selected ids stay, the positions go.
 * After the filter changed, "all matching" means other rows too, so the selection is dropped altogether.
 */
export function afterReorder(selection: Selection): Selection {
  return { ...selection, anchor: null, cursor: null };
}

/** What an export or a batch action receives. */
export type SelectionTarget =
  | { kind: 'none' }
  | { kind: 'ids'; ids: number[] }
  | { kind: 'filter' }
  /** All matching except some: the caller has to list the matching ids to leave those out. */
  | { kind: 'filterExcept'; except: ReadonlySet<number> };

export function selectionTarget(selection: Selection): SelectionTarget {
  if (selection.mode === 'all') return selection.ids.size === 0 ? { kind: 'filter' } : { kind: 'filterExcept', except: selection.ids };
  return selection.ids.size === 0 ? { kind: 'none' } : { kind: 'ids', ids: [...selection.ids] };
}
