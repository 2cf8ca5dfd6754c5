import { useEffect, useMemo, useState } from 'react';
import { WindowCache } from './window-cache';
import { WindowedLoader, type FetchWindow } from './windowed-loader';

export interface WindowedRows<R> {
  /** Rows matching, from the latest answer; null until the first one. */
  total: number | null;
  error: unknown;
  /** Changes whenever rows arrive, so memos over the rows can depend on it. */
  version: number;
  /** Changes with each new query (filter, sort), so the list can go back to its top. */
  query: number;
  get(position: number): R | undefined;
  /** The loaded rows among first..last; the same array until they change. */
  slice(first: number, last: number): R[];
  /** The positions on screen; the windows covering them are requested. */
  show(first: number, last: number): void;
  rows(first: number, last: number): Promise<R[] | null>;
  refresh(): void;
}

/** Rows per request: a screen and a half of rows, and few requests while scrolling. */
export const WINDOW_SIZE = 100;

/**
 * A server-side list read by windows as it scrolls. `fetchWindow` stands for the query: when it changes
 * (give it a stable identity per filter and sort), the rows are forgotten and read again from the top.
 */
export function useWindowedRows<R>(fetchWindow: FetchWindow<R>): WindowedRows<R> {
  const [version, setVersion] = useState(0);
  const [loader] = useState(() => new WindowedLoader<R>(() => setVersion((n) => n + 1), new WindowCache<R>(WINDOW_SIZE, 40)));

  useEffect(() => {
    loader.setQuery(fetchWindow);
  }, [loader, fetchWindow]);

  // Stable functions, so effects and memos depending on them run when the rows change, not on every render.
  const methods = useMemo(
    () => ({
      get: (position: number) => loader.get(position),
      slice: (first: number, last: number) => loader.slice(first, last),
      show: (first: number, last: number) => loader.show(first, last),
      rows: (first: number, last: number) => loader.rows(first, last),
      refresh: () => loader.refresh(),
    }),
    [loader],
  );
  return { ...methods, total: loader.total, error: loader.error, version, query: loader.queries };
}
