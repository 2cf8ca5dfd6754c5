import type { Header, RowData } from '@tanstack/react-table';
import { useRef, type CSSProperties, type DragEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useT } from '../i18n/i18n-context';
import { clampWidth } from './column-prefs';
import type { GridFeatures } from './grid-features';

interface GridHeaderCellProps<R extends RowData> {
  header: Header<GridFeatures, R, unknown>;
  label: string;
  /** Drawn instead of the sort button: a control of its own, such as a "select all" checkbox. */
  content?: ReactNode;
  endAligned: boolean;
  /** Where a pinned column sticks (virtual-grid.tsx). */
  pinStyle?: CSSProperties | undefined;
  /** The column being dragged, shared by the header cells of one grid. */
  draggingRef: RefObject<string | null>;
  onDropColumn(dragged: string, target: string): void;
  onResizeBy(column: string, width: number): void;
}

/**
 * A column header: click sorts (the core sorts), drag the label onto another header to move the column,
 * drag the right edge to resize (or focus it and use the arrows; double-click resets).
 */
export function GridHeaderCell<R extends RowData>({
  header,
  label,
  content,
  endAligned,
  pinStyle,
  draggingRef,
  onDropColumn,
  onResizeBy,
}: GridHeaderCellProps<R>) {
  const t = useT();
  const cellRef = useRef<HTMLDivElement>(null);
  const column = header.column;
  const sorted = column.getIsSorted();
  const resizeHandler = header.getResizeHandler();

  const onDragOver = (event: DragEvent) => {
    if (draggingRef.current === null || draggingRef.current === column.id) return;
    event.preventDefault();
    cellRef.current?.classList.add('grid-drop-target');
  };
  const onDragLeave = () => cellRef.current?.classList.remove('grid-drop-target');
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    cellRef.current?.classList.remove('grid-drop-target');
    if (draggingRef.current !== null) onDropColumn(draggingRef.current, column.id);
    draggingRef.current = null;
  };
  const onResizeKey = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 40 : 10;
    if (event.key === 'ArrowRight') onResizeBy(column.id, clampWidth(header.getSize() + step));
    else if (event.key === 'ArrowLeft') onResizeBy(column.id, clampWidth(header.getSize() - step));
    else return;
    event.preventDefault();
  };

  const classes = [
    'grid-cell',
    'grid-head-cell',
    endAligned ? 'grid-end' : '',
    column.getIsFiltered() ? 'grid-filtered' : '',
    pinStyle ? 'grid-pinned' : '',
  ];
  if (content !== undefined)
    return (
      <div
        role="columnheader"
        aria-label={label}
        className={classes.filter(Boolean).join(' ')}
        style={{ width: header.getSize(), ...pinStyle }}
      >
        {content}
      </div>
    );
  return (
    <div
      ref={cellRef}
      role="columnheader"
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
      className={classes.filter(Boolean).join(' ')}
      style={{ width: header.getSize(), ...pinStyle }}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <button
        type="button"
        className="grid-head-button"
        draggable
        title={column.getCanSort() ? t('grid.sortHint', { column: label }) : label}
        onClick={column.getCanSort() ? column.getToggleSortingHandler() : undefined}
        onDragStart={(event) => {
          draggingRef.current = column.id;
          event.dataTransfer.effectAllowed = 'move';
          event.dataTransfer.setData('text/plain', label);
        }}
        onDragEnd={() => {
          draggingRef.current = null;
        }}
      >
        <span className="grid-head-label">{label}</span>
        {sorted && <span aria-hidden="true">{sorted === 'asc' ? '▲' : '▼'}</span>}
        {column.getIsFiltered() && (
          <span className="grid-filter-mark" title={t('grid.filtered')}>
            <span className="visually-hidden">{t('grid.filtered')}</span>
          </span>
        )}
      </button>
      {column.getCanResize() && (
        <div
          role="separator"
          aria-orientation="vertical"
          aria-label={t('grid.resize', { column: label })}
          aria-valuenow={header.getSize()}
          tabIndex={0}
          className={column.getIsResizing() ? 'grid-resizer grid-resizing' : 'grid-resizer'}
          onMouseDown={(event) => {
            // The label is draggable (to move the column): a press on the edge must resize, not drag.
            event.preventDefault();
            resizeHandler(event);
          }}
          onTouchStart={resizeHandler}
          onDoubleClick={() => column.resetSize()}
          onKeyDown={onResizeKey}
        />
      )}
    </div>
  );
}
