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

export function gridKeyAction(event: GridKeyEvent, mac: boolean): GridKeyAction | null {
  if (event.altKey) return null;
  const command = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  const otherModifier = mac ? event.ctrlKey : event.metaKey;
  if (otherModifier) return null;
  const move = (by: Extract<GridKeyAction, { kind: 'move' }>['by']): GridKeyAction => ({
    kind: 'move',
    by,
    extend: event.shiftKey,
    keepSelection: command,
  });
  switch (event.key) {
    case 'ArrowDown':
      return move(1);
    case 'ArrowUp':
      return move(-1);
    case 'PageDown':
      return move('pageDown');
    case 'PageUp':
      return move('pageUp');
    case 'Home':
      return move('first');
    case 'End':
      return move('last');
    case ' ':
      return command || event.shiftKey ? null : { kind: 'toggle' };
    case 'Enter':
      return command || event.shiftKey ? null : { kind: 'open' };
    case 'Escape':
      return command || event.shiftKey ? null : { kind: 'clear' };
    default:
      return command && !event.shiftKey && event.key.toLowerCase() === 'a' ? { kind: 'selectAll' } : null;
  }
}

/** Ctrl/Cmd+F or "/" (outside a text field) puts the cursor in the search box. */
export function isSearchShortcut(event: GridKeyEvent & { inTextField: boolean }, mac: boolean): boolean {
  if (event.altKey) return false;
  const command = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (command && !event.shiftKey && event.key.toLowerCase() === 'f') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.inTextField;
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
