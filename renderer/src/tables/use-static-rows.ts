import { useMemo, useState } from 'react';
import type { WindowedRows } from './use-windowed-rows';

/** The rows of one filter, sliced as the windowed loader slices: the same array for the same range. */
class StaticRows<R> {
  private kept: { first: number; last: number; rows: R[] } | null = null;
  constructor(private readonly all: readonly R[]) {}

  slice(first: number, last: number): R[] {
    if (this.kept && this.kept.first === first && this.kept.last === last) return this.kept.rows;
    this.kept = { first, last, rows: this.all.slice(first, last + 1) };
    return this.kept.rows;
  }
}

/**
 * Rows the workspace holds whole (a catalog's products), served to the shared grid as if read by windows, so
 * a short list looks and behaves like Bills and Customers. `query` names the filter: when it changes, the
 * grid goes back to the top.
 */
export function useStaticRows<R>(rows: readonly R[], query: string): WindowedRows<R> {
  const [queries, setQueries] = useState({ key: query, count: 0 });
  // Adjusting state while rendering, as React documents for a value derived from a prop.
  if (queries.key !== query) setQueries({ key: query, count: queries.count + 1 });
  const count = queries.count;
  return useMemo(() => {
    const sliced = new StaticRows(rows);
    return {
      total: rows.length,
      error: null,
      version: 0,
      query: count,
      get: (position: number) => rows[position],
      slice: (first: number, last: number) => sliced.slice(first, last),
      show: () => {},
      rows: (first: number, last: number) => Promise.resolve(rows.slice(first, last + 1)),
      refresh: () => {},
    };
  }, [rows, count]);
}
