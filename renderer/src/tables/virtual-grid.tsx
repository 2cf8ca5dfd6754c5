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
import { GridRow, type GridCellLayout, type RowActions } from './grid-row';
import { isSelected, type Selection } from './selection-model';
import { useGridKeyboard } from './use-grid-keyboard';
import { WINDOW_SIZE, type WindowedRows } from './use-windowed-rows';

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
  /** Header cells holding a control of their own instead of the sort button (a "select all" checkbox), by column. */
  headerContent?: Readonly<Record<string, ReactNode>>;
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
/** The table's data while racing: one array that never changes, so its row model is not rebuilt each frame. */
const NO_ROWS: never[] = [];

/** Rows drawn beyond each edge of the screen, so that a quick scroll rarely shows a blank. */
const OVERSCAN = 12;

/**
 * Rows passed between two renders beyond which a scroll is racing: at 60 frames a second, ~13,000 px/s, faster
 * than anyone reads. A wheel turned briskly (100 px a frame) stays below it and is drawn row by row.
 */
const RACING_ROWS = 8;

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
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // Two scroll events can come in one frame: rendered together, in React's next batch, rather than each
    // synchronously in its event.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  // Racing through the list (the scrollbar's thumb dragged, a fling): rows pass faster than anyone reads, and
  // drawing each one's cells would take longer than a frame. None is drawn until the scroll slows or stops
  // (the virtualizer's isScrolling falls 150 ms after the last scroll event): ruled lines stand in for them.
  // Two big moves in a row make a race: one alone is a jump (Page Down, End, a bill found), drawn at once.
  const moves = useRef({ first, fast: false });
  const fast = Math.abs(first - moves.current.first) > RACING_ROWS;
  const racing = virtualizer.isScrolling && fast && moves.current.fast;
  useEffect(() => {
    moves.current = { first, fast };
  });
  const { show, get } = rows;
  // Another filter or sort means other rows, read from the top: the view goes there too. A block body,
  // because recent Chromium returns a promise from scrollTo, which React would take for a cleanup.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [rows.query, scrollRef]);
  // Asking twice for the same range is free: the cache claims each window once. Before the first layout the
  // range is empty, so a screenful is asked for.
  // Racing, nothing is read: the rows passed would arrive after they are gone. Otherwise half a window beyond
  // the screen is read ahead, so that rows scrolled in come with their records, not as placeholders filled a
  // frame later (twice the work).
  useEffect(() => {
    if (!racing) show(Math.max(0, first - WINDOW_SIZE / 2), Math.max(last, first + 40) + WINDOW_SIZE / 2);
  }, [show, first, last, racing]);

  // The table's data: the loaded rows on screen, one array until they change (the loader keeps it). Racing,
  // no row is drawn, so none is handed to the table either.
  const data = racing ? NO_ROWS : rows.slice(first, last);

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
  // Rows call the latest handlers through this ref, so new handlers (every render) re-render no row.
  const actions = useRef<RowActions<R>>({ onRowClick: keyboard.onRowClick, onOpen: props.onOpen });
  actions.current = { onRowClick: keyboard.onRowClick, onOpen: props.onOpen };
  useImperativeHandle(props.handleRef, () => ({ focusRow: keyboard.focusRow }), [keyboard.focusRow]);
  const rowsById = table.getRowModel().rowsById;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const width = table.getTotalSize();
  const domId = (position: number) => `${props.id}-row-${position}`;
  const cursorShown = selection.cursor !== null && selection.cursor >= first && selection.cursor <= last && !racing;
  // What cells look like apart from their record: a row renders again when it changes.
  const layout = headers.map((header) => `${header.column.id}:${header.column.getSize()}:${header.column.getStart('start')}`).join('|');
  const placeholder = t('grid.loadingRow');
  const cells = useMemo<GridCellLayout[]>(
    () =>
      headers.map((header) => ({
        id: header.column.id,
        width: header.getSize(),
        className: ['grid-cell', props.endAligned.has(header.column.id) ? 'grid-end' : '', header.column.getIsPinned() ? 'grid-pinned' : '']
          .filter(Boolean)
          .join(' '),
        style: { width: header.getSize(), ...pinStyle(header.column) },
      })),
    // The layout string stands for the headers' ids, sizes and pins.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [layout, props.endAligned],
  );
  // Rows are keyed by their slot on screen, not their position in the list: a row scrolled out of view hands
  // its DOM to the row scrolling in, which React then updates in place rather than building anew (scrolling
  // fast brings in dozens of rows a frame). The slot count holds still while the viewport does: the rows drawn
  // vary by one as a row is half in view, and a count following them would change every key.
  const viewport = virtualizer.scrollRect?.height ?? 0;
  const slots = Math.max(items.length, Math.ceil(viewport / ROW_HEIGHT) + 2 * OVERSCAN + 2);

  return (
    <div
      ref={scrollRef}
      className={racing ? 'grid-scroll is-racing' : 'grid-scroll'}
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
              content={props.headerContent?.[header.column.id]}
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
        {/* Racing, no row is drawn at all: the scroller's ruled background stands for them (grid.css), and a
            frame costs the scroll alone. They come back, with their records, once the scroll slows or stops. */}
        {(racing ? [] : items).map((item) => {
          const original = get(item.index);
          return (
            <GridRow<R>
              key={item.index % slots}
              position={item.index}
              domId={domId(item.index)}
              top={item.start - HEADER_HEIGHT}
              width={width}
              original={original}
              row={original ? rowsById[String(original.id)] : undefined}
              selected={original ? isSelected(selection, original.id) : false}
              cursor={selection.cursor === item.index}
              open={original !== undefined && original.id === props.openId}
              extraClass={original && props.rowClass ? props.rowClass(original) : ''}
              data={original && props.rowData ? props.rowData(original) : undefined}
              layout={layout}
              columns={props.columns}
              endAligned={props.endAligned}
              pinStyle={pinStyle}
              placeholder={placeholder}
              cells={cells}
              actions={actions}
            />
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
