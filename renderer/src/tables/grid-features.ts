import {
  columnFilteringFeature,
  columnOrderingFeature,
  columnPinningFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  globalFilteringFeature,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  type RowData,
  type TableOptions,
} from '@tanstack/react-table';

/**
 * The table features every list uses. Sorting, filtering and paging are registered for their state only:
 * the core runs them in SQLite (manualSorting, manualFiltering, manualPagination), so no client row model
 * is registered. Column layout (visibility, order, sizes, resizing) is the table's own business; pinning keeps
 * the reference column in view while the others scroll sideways.
 */
export const gridFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
  columnPinningFeature,
  columnSizingFeature,
  columnResizingFeature,
});

export type GridFeatures = typeof gridFeatures;
export type GridColumns<R extends RowData> = TableOptions<GridFeatures, R>['columns'];

/** Fixed heights: a million rows are laid out by arithmetic, never measured. */
export const ROW_HEIGHT = 28;
export const HEADER_HEIGHT = 32;
