/**
 * Columns fitted to the table's width: when the columns as designed are wider than the table, the ones the
 * operator has not sized by hand give up room, each in proportion to what it can spare above its minimum, so
 * a 1440 px window shows every default column (Organisation and Items included) without scrolling. Below the
 * sum of the minimums the table scrolls sideways, the reference pinned. Pure: tested without a browser.
 */
export interface FitColumn {
  id: string;
  size: number;
  /** The narrowest it may become; its size when absent (it does not shrink). */
  minSize?: number;
}

export function fitColumnWidths(
  columns: readonly FitColumn[],
  userWidths: Readonly<Record<string, number | undefined>>,
  available: number,
): Record<string, number> {
  const width = (column: FitColumn) => userWidths[column.id] ?? column.size;
  const total = columns.reduce((sum, column) => sum + width(column), 0);
  const excess = total - available;
  if (excess <= 0 || available <= 0) return {};
  const room = (column: FitColumn) =>
    userWidths[column.id] === undefined ? Math.max(0, column.size - (column.minSize ?? column.size)) : 0;
  const spare = columns.reduce((sum, column) => sum + room(column), 0);
  if (spare === 0) return {};
  const fitted: Record<string, number> = {};
  const share = Math.min(1, excess / spare);
  for (const column of columns) {
    const give = Math.min(room(column), Math.ceil(room(column) * share));
    if (give > 0) fitted[column.id] = column.size - give;
  }
  return fitted;
}
