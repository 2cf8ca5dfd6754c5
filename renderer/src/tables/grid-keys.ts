import { isShortcut, matchedCombo } from '../shell/shortcut-registry';

/**
 * What a key does in a selectable grid, as a pure function of the key event so it is tested without a
 * browser. Cmd on macOS plays the part of Ctrl elsewhere.
 */
export interface GridKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type GridKeyAction =
  /** Move the cursor by `by` rows (or to the first/last row); extend the selection with Shift, keep it with Ctrl. */
  | { kind: 'move'; by: number | 'first' | 'last' | 'pageUp' | 'pageDown'; extend: boolean; keepSelection: boolean }
  | { kind: 'toggle' }
  | { kind: 'selectAll' }
  | { kind: 'clear' }
  | { kind: 'open' };

const MOVES: Readonly<Record<string, Extract<GridKeyAction, { kind: 'move' }>['by']>> = {
  ArrowDown: 1,
  ArrowUp: -1,
  PageDown: 'pageDown',
  PageUp: 'pageUp',
  Home: 'first',
  End: 'last',
};

/** The grid's keys, as the shortcut registry lists them (shell/shortcut-registry.ts). */
export function gridKeyAction(event: GridKeyEvent, mac: boolean): GridKeyAction | null {
  const by = MOVES[event.key];
  if (by !== undefined) {
    if (isShortcut('grid.move', event, mac) || isShortcut('grid.page', event, mac) || isShortcut('grid.ends', event, mac))
      return { kind: 'move', by, extend: false, keepSelection: false };
    if (isShortcut('grid.extend', event, mac)) return { kind: 'move', by, extend: true, keepSelection: false };
    if (isShortcut('grid.moveKeep', event, mac)) return { kind: 'move', by, extend: false, keepSelection: true };
    return null;
  }
  if (isShortcut('grid.toggle', event, mac)) return { kind: 'toggle' };
  if (isShortcut('grid.selectAll', event, mac)) return { kind: 'selectAll' };
  if (isShortcut('grid.open', event, mac)) return { kind: 'open' };
  if (isShortcut('grid.clear', event, mac)) return { kind: 'clear' };
  return null;
}

/** Ctrl/Cmd+F or "/" (outside a text field) puts the cursor in the search box. */
export function isSearchShortcut(event: GridKeyEvent & { inTextField: boolean }, mac: boolean): boolean {
  const combo = matchedCombo('search', event, mac);
  return combo !== null && (combo.key !== '/' || !event.inTextField);
}

/** The cursor's next position, within 0..total-1. */
export function nextPosition(
  cursor: number | null,
  by: Extract<GridKeyAction, { kind: 'move' }>['by'],
  total: number,
  pageRows: number,
): number {
  if (total <= 0) return 0;
  const from = cursor ?? -1;
  let to: number;
  if (by === 'first') to = 0;
  else if (by === 'last') to = total - 1;
  else if (by === 'pageDown') to = from + pageRows;
  else if (by === 'pageUp') to = from - pageRows;
  else to = cursor === null && by < 0 ? 0 : from + by;
  return Math.max(0, Math.min(total - 1, to));
}

/** The hints shown under the table. */
export function gridShortcutHints(mac: boolean): { search: string; selectAll: string; command: string } {
  return mac ? { search: '⌘F', selectAll: '⌘A', command: '⌘' } : { search: 'Ctrl+F', selectAll: 'Ctrl+A', command: 'Ctrl' };
}
