import { functionalUpdate, useTable, type ColumnFiltersState, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type Dispatch,
  type ReactNode,
  type RefObject,
  type SetStateAction,
} from 'react';
import { useT } from '../i18n/i18n-context';
import { fitColumnWidths } from './column-fit';
import { clampWidth, moveColumn, type ColumnPrefs } from './column-prefs';
import { gridFeatures, HEADER_HEIGHT, ROW_HEIGHT, type GridColumns } from './grid-features';
import { GridHeaderCell } from './grid-header';
import { isSelected, type Selection } from './selection-model';
import { useGridKeyboard } from './use-grid-keyboard';
import type { WindowedRows } from './use-windowed-rows';

export interface VirtualGridProps<R extends { id: number }> {
  /** Prefix of the rows' DOM ids (aria-activedescendant). */
  id: string;
  label: string;
  columns: GridColumns<R>;
  columnLabels: Readonly<Record<string, string>>;
  endAligned: ReadonlySet<string>;
  rows: WindowedRows<R>;
  sorting: SortingState;
  onSortingChange(sorting: SortingState): void;
  columnFilters?: ColumnFiltersState;
  globalFilter?: string;
  prefs: ColumnPrefs<string>;
  onPrefsChange(prefs: ColumnPrefs<string>): void;
  selection: Selection;
  onSelectionChange: Dispatch<SetStateAction<Selection>>;
  multiSelect: boolean;
  onOpen(row: R): void;
  /** The record open beside the list, highlighted. */
  openId: number | null;
  /** Shown instead of rows when none match. */
  empty: ReactNode;
  /** The scrolling grid element, for the workspace to focus. */
  gridRef?: RefObject<HTMLDivElement | null>;
  /** A class per row, such as a pending marker's. */
  rowClass?(row: R): string;
  /** data-* attributes per row, for tests and styles (a product's code). */
  rowData?(row: R): Readonly<Record<`data-${string}`, string>>;
  /** Columns kept at the start while the others scroll sideways: the reference. */
  pinned?: readonly string[];
  /** What a workspace may ask of the grid: the focus, with a row under the cursor. */
  handleRef?: RefObject<GridHandle | null>;
}

export interface GridHandle {
  /** Focuses the grid with a row highlighted: the cursor's, else `position`, selected. */
  focusRow(position: number): void;
}

const NO_PINS: readonly string[] = [];

/** A pinned column stays at the start of the row as the others scroll under it (TanStack column pinning). */
function pinStyle(column: { getIsPinned(): false | 'start' | 'end'; getStart(position?: 'start'): number }): CSSProperties | undefined {
  return column.getIsPinned() === 'start' ? { position: 'sticky', insetInlineStart: column.getStart('start'), zIndex: 1 } : undefined;
}

const NO_FILTERS: ColumnFiltersState = [];

/**
 * A server-side list as an ARIA grid: TanStack Table (headless) for columns, sorting and layout state,
 * TanStack Virtual for the rows, and the rows themselves read by windows as they scroll into view. Only the
 * rows on screen exist in the DOM; the scroll height comes from the total the core reported.
 */
export function VirtualGrid<R extends { id: number }>(props: VirtualGridProps<R>) {
  const { rows, prefs, onPrefsChange, selection, sorting } = props;
  const t = useT();
  const localRef = useRef<HTMLDivElement | null>(null);
  const scrollRef = props.gridRef ?? localRef;
  const draggingRef = useRef<string | null>(null);
  const total = rows.total ?? 0;

  // Virtual is built for this: the scroll position lives in the DOM, not in React state.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { show, get } = rows;
  // Another filter or sort means other rows, read from the top: the view goes there too. A block body,
  // because recent Chromium returns a promise from scrollTo, which React would take for a cleanup.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [rows.query, scrollRef]);
  // Asking twice for the same range is free: the cache claims each window once. Before the first layout the
  // range is empty, so a screenful is asked for.
  useEffect(() => {
    show(first, Math.max(last, first + 40));
  }, [show, first, last]);

  // The table's data: the loaded rows on screen, one array until they change (the loader keeps it).
  const data = rows.slice(first, last);

  // The grid's inner width, followed as the window or the panel beside it changes: the columns fit it.
  const [available, setAvailable] = useState(0);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    setAvailable(element.clientWidth);
    const observer = new ResizeObserver(() => setAvailable(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [scrollRef]);
  const hidden = prefs.hidden;
  const fitted = useMemo(() => {
    const shown = props.columns
      .filter((column) => column.id !== undefined || 'accessorKey' in column)
      .map((column) => ({
        id: column.id ?? String((column as { accessorKey?: string }).accessorKey),
        size: column.size ?? 150,
        ...(column.minSize !== undefined ? { minSize: column.minSize } : {}),
      }))
      .filter((column) => !hidden.includes(column.id));
    return fitColumnWidths(shown, prefs.widths, available);
  }, [props.columns, hidden, prefs.widths, available]);
  const columnSizing = useMemo(() => ({ ...fitted, ...(prefs.widths as Record<string, number>) }), [fitted, prefs.widths]);
  const pinned = props.pinned ?? NO_PINS;
  const columnPinning = useMemo(() => ({ start: [...pinned], end: [] }), [pinned]);
  const columnVisibility = useMemo(() => Object.fromEntries(prefs.hidden.map((column) => [column, false])), [prefs.hidden]);
  const table = useTable({
    features: gridFeatures,
    columns: props.columns,
    data,
    getRowId: (row) => String(row.id),
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    rowCount: total,
    enableMultiSort: false,
    enableSortingRemoval: false,
    columnResizeMode: 'onChange',
    state: {
      sorting,
      columnFilters: props.columnFilters ?? NO_FILTERS,
      globalFilter: props.globalFilter ?? '',
      columnOrder: prefs.order,
      columnVisibility,
      columnSizing,
      columnPinning,
    },
    onSortingChange: (updater) => props.onSortingChange(functionalUpdate(updater, sorting)),
    onColumnSizingChange: (updater) => {
      // Only what the operator resized is theirs: the fitted widths stay computed.
      const next = functionalUpdate(updater, columnSizing);
      const widths = { ...prefs.widths };
      for (const [column, width] of Object.entries(next)) if (width !== columnSizing[column]) widths[column] = clampWidth(width);
      // A double-click on an edge gives the column back its designed (or fitted) width.
      for (const column of Object.keys(widths)) if (!(column in next)) delete widths[column as keyof typeof widths];
      onPrefsChange({ ...prefs, widths });
    },
    onColumnOrderChange: (updater) => onPrefsChange({ ...prefs, order: functionalUpdate(updater, prefs.order) }),
  });

  const keyboard = useGridKeyboard({ ...props, total, virtualizer, scrollRef });
  useImperativeHandle(props.handleRef, () => ({ focusRow: keyboard.focusRow }), [keyboard.focusRow]);
  const rowsById = table.getRowModel().rowsById;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const width = table.getTotalSize();
  const domId = (position: number) => `${props.id}-row-${position}`;
  const cursorShown = selection.cursor !== null && selection.cursor >= first && selection.cursor <= last;

  return (
    <div
      ref={scrollRef}
      className="grid-scroll"
      role="grid"
      aria-label={props.label}
      aria-rowcount={total + 1}
      aria-colcount={headers.length}
      aria-multiselectable={props.multiSelect || undefined}
      aria-activedescendant={cursorShown && selection.cursor !== null ? domId(selection.cursor) : undefined}
      tabIndex={0}
      onKeyDown={keyboard.onKeyDown}
    >
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row" style={{ width }}>
          {headers.map((header) => (
            <GridHeaderCell
              key={header.id}
              header={header}
              label={props.columnLabels[header.column.id] ?? header.column.id}
              pinStyle={pinStyle(header.column)}
              endAligned={props.endAligned.has(header.column.id)}
              draggingRef={draggingRef}
              onDropColumn={(dragged, target) =>
                onPrefsChange({ ...prefs, order: moveColumn(prefs.order, dragged, prefs.order.indexOf(target)) })
              }
              onResizeBy={(column, size) => onPrefsChange({ ...prefs, widths: { ...prefs.widths, [column]: size } })}
            />
          ))}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize(), width }}>
        {rows.total === 0 && <div className="grid-empty">{props.empty}</div>}
        {rows.total === null && rows.error === null && <p className="grid-empty muted">{t('app.loading')}</p>}
        {items.map((item) => {
          const original = get(item.index);
          const row = original ? rowsById[String(original.id)] : undefined;
          const selected = original ? isSelected(selection, original.id) : false;
          const classes = [
            'grid-row',
            selected ? 'is-selected' : '',
            selection.cursor === item.index ? 'is-cursor' : '',
            original && original.id === props.openId ? 'is-open' : '',
            original && props.rowClass ? props.rowClass(original) : '',
          ];
          return (
            <div
              key={item.key}
              id={domId(item.index)}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={original ? selected : undefined}
              className={classes.filter(Boolean).join(' ')}
              {...(original && props.rowData ? props.rowData(original) : {})}
              style={{ width, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
              onMouseDown={(event) => {
                // Shift+click extends the selection; without this it would also select the text between.
                if (event.shiftKey) event.preventDefault();
              }}
              onClick={(event) => original && keyboard.onRowClick(event, item.index, original)}
              onDoubleClick={() => original && props.onOpen(original)}
            >
              {row ? (
                row.getVisibleCells().map((cell) => (
                  <div
                    key={cell.id}
                    role="gridcell"
                    className={[
                      'grid-cell',
                      props.endAligned.has(cell.column.id) ? 'grid-end' : '',
                      cell.column.getIsPinned() ? 'grid-pinned' : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                    style={{ width: cell.column.getSize(), ...pinStyle(cell.column) }}
                  >
                    <table.FlexRender cell={cell} />
                  </div>
                ))
              ) : (
                <div role="gridcell" className="grid-cell grid-placeholder" style={{ width }}>
                  {t('grid.loadingRow')}
                </div>
              )}
            </div>
          );
        })}
      </div>
      {keyboard.notice && (
        <p className="grid-notice" role="status">
          {keyboard.notice}
        </p>
      )}
    </div>
  );
}
