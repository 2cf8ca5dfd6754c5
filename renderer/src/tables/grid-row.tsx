import { FlexRender, type Row, type RowData } from '@tanstack/react-table';
import type { GridFeatures } from './grid-features';
import { memo, type CSSProperties, type MouseEvent, type ReactNode } from 'react';

/** What a row does when clicked, kept in a ref by the grid: its identity never makes a row render again. */
export interface RowActions<R> {
  onRowClick(event: MouseEvent, position: number, row: R): void;
  onOpen(row: R): void;
}

export interface GridRowProps<R extends RowData> {
  /** The row's position in the list (0-based). */
  position: number;
  domId: string;
  /** Its offset from the top of the body, in pixels. */
  top: number;
  width: number;
  /** The record, undefined while its window is being read (a placeholder shows). */
  original: R | undefined;
  /** TanStack's row over it, for the cells; a new object whenever the table's data changes. */
  row: Row<GridFeatures, R> | undefined;
  selected: boolean;
  cursor: boolean;
  open: boolean;
  extraClass: string;
  data: Readonly<Record<`data-${string}`, string>> | undefined;
  /** Changes whenever what a cell shows could change without its record changing: columns, widths, language. */
  layout: string;
  endAligned: ReadonlySet<string>;
  pinStyle: PinStyle;
  /** The column definitions: new ones (another language) render every row again. */
  columns: unknown;
  placeholder: ReactNode;
  /** The visible columns as laid out, for a row still loading to keep the same cells as a loaded one. */
  cells: readonly GridCellLayout[];
  actions: { current: RowActions<R> };
}

export interface GridCellLayout {
  id: string;
  width: number;
  className: string;
  style: CSSProperties;
}

export type PinStyle = (column: {
  getIsPinned(): false | 'start' | 'end';
  getStart(position?: 'start'): number;
}) => CSSProperties | undefined;

function GridRowView<R extends RowData>(props: GridRowProps<R>) {
  const { original, row, position } = props;
  const classes = [
    'grid-row',
    props.selected ? 'is-selected' : '',
    props.cursor ? 'is-cursor' : '',
    props.open ? 'is-open' : '',
    props.extraClass,
  ];
  return (
    <div
      id={props.domId}
      role="row"
      aria-rowindex={position + 2}
      aria-selected={original ? props.selected : undefined}
      className={classes.filter(Boolean).join(' ')}
      {...props.data}
      style={{ width: props.width, transform: `translateY(${props.top}px)` }}
      onMouseDown={(event) => {
        // Shift+click extends the selection; without this it would also select the text between.
        if (event.shiftKey) event.preventDefault();
      }}
      onClick={(event) => original && props.actions.current.onRowClick(event, position, original)}
      onDoubleClick={() => original && props.actions.current.onOpen(original)}
    >
      {row
        ? row.getVisibleCells().map((cell) => (
            <div
              key={cell.column.id}
              role="gridcell"
              className={[
                'grid-cell',
                props.endAligned.has(cell.column.id) ? 'grid-end' : '',
                cell.column.getIsPinned() ? 'grid-pinned' : '',
              ]
                .filter(Boolean)
                .join(' ')}
              style={{ width: cell.column.getSize(), ...props.pinStyle(cell.column) }}
            >
              <FlexRender cell={cell} />
            </div>
          ))
        : // The same cells, empty but the first: when the record comes, its text fills them in place.
          props.cells.map((cell, index) => (
            <div key={cell.id} role="gridcell" className={`${cell.className} grid-placeholder`} style={cell.style}>
              {index === 0 ? props.placeholder : null}
            </div>
          ))}
    </div>
  );
}

/**
 * A row renders again only when what it shows changes: its record, its place, its marks (selected, cursor,
 * open) or the columns. TanStack's row object is new whenever the table's data changes (each window read
 * while scrolling), so it is left out of the comparison: the record it wraps stands for it.
 */
function sameRow<R extends RowData>(a: GridRowProps<R>, b: GridRowProps<R>): boolean {
  return (
    a.original === b.original &&
    (a.row === undefined) === (b.row === undefined) &&
    a.position === b.position &&
    a.top === b.top &&
    a.width === b.width &&
    a.selected === b.selected &&
    a.cursor === b.cursor &&
    a.open === b.open &&
    a.extraClass === b.extraClass &&
    a.layout === b.layout &&
    a.domId === b.domId &&
    a.placeholder === b.placeholder &&
    a.cells === b.cells &&
    a.endAligned === b.endAligned &&
    a.columns === b.columns &&
    a.pinStyle === b.pinStyle &&
    sameData(a.data, b.data)
  );
}

function sameData(a: GridRowProps<RowData>['data'], b: GridRowProps<RowData>['data']): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof typeof a)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

export const GridRow = memo(GridRowView, sameRow) as <R extends RowData>(props: GridRowProps<R>) => ReactNode;
