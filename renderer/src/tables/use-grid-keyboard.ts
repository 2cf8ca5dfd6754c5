import type { Virtualizer } from '@tanstack/react-virtual';
import { useState, type Dispatch, type KeyboardEvent, type MouseEvent, type RefObject, type SetStateAction } from 'react';
import { useT } from '../i18n/i18n-context';
import { isMac } from '../shell/platform';
import { ROW_HEIGHT } from './grid-features';
import { gridKeyAction, nextPosition } from './grid-keys';
import {
  clearSelection,
  moveCursor,
  rangeBounds,
  selectAllMatching,
  selectedCount,
  selectOnly,
  selectRange,
  toggle,
  type Selection,
} from './selection-model';
import type { WindowedRows } from './use-windowed-rows';

/** Beyond this, a Shift range would read too many rows one window at a time: Ctrl+A is the way. */
const MAX_RANGE = 10_000;

interface GridKeyboardOptions<R extends { id: number }> {
  rows: WindowedRows<R>;
  total: number;
  selection: Selection;
  onSelectionChange: Dispatch<SetStateAction<Selection>>;
  multiSelect: boolean;
  onOpen(row: R): void;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scrollRef: RefObject<HTMLDivElement | null>;
}

/** The grid's keys and clicks turned into selection changes (selection-model.ts says what each one does). */
export function useGridKeyboard<R extends { id: number }>(options: GridKeyboardOptions<R>) {
  const { rows, total, selection, onSelectionChange, multiSelect, virtualizer } = options;
  const t = useT();
  const [notice, setNotice] = useState<string | null>(null);

  /** The row at a position, read from the server when it scrolled out of the cache. */
  const rowAt = async (position: number): Promise<R | null> => rows.get(position) ?? (await rows.rows(position, position))?.[0] ?? null;

  const extendTo = async (position: number, additive: boolean) => {
    const { first, last } = rangeBounds(selection, position);
    if (last - first >= MAX_RANGE) {
      setNotice(t('grid.rangeTooLong', { count: MAX_RANGE }));
      onSelectionChange((current) => moveCursor(current, position));
      return;
    }
    const inRange = await rows.rows(first, last);
    if (inRange) {
      const ids = inRange.map((row) => row.id);
      onSelectionChange((current) => selectRange(current, position, ids, additive));
    }
  };

  const select = async (position: number) => {
    const row = await rowAt(position);
    if (row) onSelectionChange((current) => selectOnly(current, position, row.id));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys pressed on a header button or a resize handle are theirs.
    if (event.target !== event.currentTarget) return;
    const action = gridKeyAction(event, isMac);
    if (!action) return;
    if (action.kind === 'selectAll' && !multiSelect) return;
    // Escape with nothing selected is left to the workspace (it closes the open record).
    if (action.kind === 'clear' && selectedCount(selection, total) === 0) return;
    event.preventDefault();
    setNotice(null);
    const cursor = selection.cursor;
    switch (action.kind) {
      case 'move': {
        const pageRows = Math.max(1, Math.floor((options.scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 2);
        const to = nextPosition(cursor, action.by, total, pageRows);
        if (total === 0) return;
        virtualizer.scrollToIndex(to, { align: 'auto' });
        if (action.keepSelection && multiSelect) onSelectionChange((current) => moveCursor(current, to));
        else if (action.extend && multiSelect) void extendTo(to, false);
        else void select(to);
        return;
      }
      case 'toggle': {
        if (cursor === null) return;
        void rowAt(cursor).then((row) => {
          if (row) onSelectionChange((current) => (multiSelect ? toggle(current, cursor, row.id) : selectOnly(current, cursor, row.id)));
        });
        return;
      }
      case 'selectAll':
        onSelectionChange(selectAllMatching);
        return;
      case 'clear':
        onSelectionChange(clearSelection);
        return;
      case 'open': {
        if (cursor === null) return;
        void rowAt(cursor).then((row) => row && options.onOpen(row));
        return;
      }
    }
  };

  /** The grid takes the focus with a row under the cursor, selected when nothing was (the first ↓ from the search). */
  const focusRow = (position: number) => {
    options.scrollRef.current?.focus();
    if (total === 0) return;
    if (selection.cursor !== null) {
      virtualizer.scrollToIndex(selection.cursor, { align: 'auto' });
      return;
    }
    virtualizer.scrollToIndex(position, { align: 'auto' });
    void select(position);
  };

  const onRowClick = (event: MouseEvent, position: number, row: R) => {
    setNotice(null);
    const command = isMac ? event.metaKey : event.ctrlKey;
    if (multiSelect && event.shiftKey) void extendTo(position, command);
    else if (multiSelect && command) onSelectionChange((current) => toggle(current, position, row.id));
    else onSelectionChange((current) => selectOnly(current, position, row.id));
  };

  return { onKeyDown, onRowClick, focusRow, notice };
}
