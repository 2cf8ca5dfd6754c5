import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { BackofficeApi, BillColumn, BillFilter, BillRow, CommandOutput } from '../../../../shared/contract';
import type { BillStatus } from '../../../../shared/bills/bill-status';
import { useQuery, type Query } from '../../api/use-query';
import { useRefreshOn } from '../../api/use-refresh-on';
import { toAppErrorShape } from '../../errors/app-error';
import { afterReorder, emptySelection, type Selection } from '../../tables/selection-model';
import { useWindowedRows, type WindowedRows } from '../../tables/use-windowed-rows';
import { takeBillsLink, type BillsLink } from './bills-link';
import { billFilter, emptyFilterForm, filterKey, filterOfForm, withoutStatus, type FilterForm, type FormFilter } from './bill-filter-model';

export interface BillSort {
  column: BillColumn;
  direction: 'asc' | 'desc';
}

export interface BillsView {
  form: FilterForm;
  setForm: Dispatch<SetStateAction<FilterForm>>;
  /** The panel's fields as parsed, with their errors. */
  formFilter: FormFilter;
  status: BillStatus | null;
  setStatus(status: BillStatus | null): void;
  searchText: string;
  setSearchText(text: string): void;
  sort: BillSort;
  setSort(sort: BillSort): void;
  /** A filter another workspace opened Bills with (a dashboard figure), until the operator clears it. */
  link: BillsLink | null;
  clearLink(): void;
  /** What the table, the counts and the exports ask the core for. */
  filter: BillFilter;
  rows: WindowedRows<BillRow>;
  counts: Query<CommandOutput<'bills.counts'>>;
  selection: Selection;
  setSelection: Dispatch<SetStateAction<Selection>>;
  /** The cache is being filled by a first sync (or one did not finish): the bills received so far. */
  filling: CacheFilling | null;
  /** No site is set up: nothing to list. */
  noSite: boolean;
  refresh(): void;
}

export type CacheFilling = NonNullable<CommandOutput<'bills.list'>['filling']>;

/** The state kept when an answer says the same (no render for each window read). */
export function sameFilling(current: CacheFilling | null, next: CacheFilling | null): CacheFilling | null {
  if (current === next) return current;
  if (current && next && current.received === next.received && current.expected === next.expected) return current;
  return next;
}

const DEFAULT_SORT: BillSort = { column: 'emissiondate', direction: 'desc' };

/**
 * Everything the Bills workspace shows follows from a filter and a sort. Filters are held as typed and
 * turned into the contract's BillFilter; identical filters keep one identity (through their key), so a
 * re-render does not read the database again.
 */
export function useBillsView(api: BackofficeApi): BillsView {
  const [form, setForm] = useState<FilterForm>(emptyFilterForm);
  // Taken once, as Bills opens: a figure clicked elsewhere sets the status tab and the filter beside the panel.
  const [link, setLink] = useState<BillsLink | null>(takeBillsLink);
  const [status, setStatus] = useState<BillStatus | null>(() => link?.status ?? null);
  const clearLink = useCallback(() => {
    setLink(null);
    setStatus(null);
  }, []);
  const [searchText, setSearchText] = useState('');
  const [sort, setSort] = useState<BillSort>(DEFAULT_SORT);

  // What is typed applies at once: there is no typing pause to wait out. Reads do not pile up meanwhile, as
  // the rows loader sends only the latest query once the running read is answered (windowed-loader.ts).
  const formFilter = useMemo(() => filterOfForm(form), [form]);
  const panel = useMemo(() => ({ ...link?.filter, ...formFilter.filter }), [link, formFilter.filter]);
  const key = filterKey(billFilter(panel, status, searchText));
  const countsKey = filterKey(withoutStatus(billFilter(panel, status, searchText)));
  // Parsed back from the key: one object per distinct filter.
  const filter = useMemo<BillFilter>(() => Object.fromEntries(JSON.parse(key) as [string, unknown][]), [key]);
  const countsFilter = useMemo<BillFilter>(() => Object.fromEntries(JSON.parse(countsKey) as [string, unknown][]), [countsKey]);

  // The tabs' counts are read after the first rows: the core answers one read at a time, the rows are what
  // the operator waits for, and counting a broad search takes longer than reading its first rows.
  const firstRows = useRef<Promise<unknown>>(Promise.resolve());
  // While a first sync fills the cache, each answer says how many bills it holds so far.
  const [filling, setFilling] = useState<CacheFilling | null>(null);
  const fetchWindow = useCallback(
    (offset: number, limit: number) => {
      const answer = api.invoke('bills.list', { filter, sort, offset, limit });
      if (offset === 0) firstRows.current = answer;
      answer.then(
        (value) => setFilling((current) => sameFilling(current, value.filling ?? null)),
        () => undefined,
      );
      return answer;
    },
    [api, filter, sort],
  );
  const rows = useWindowedRows(fetchWindow);
  const countsAsked = useRef(0);
  const loadCounts = useCallback(() => {
    const mine = ++countsAsked.current;
    const count = () =>
      // Typed on meanwhile: this filter's counts would be dropped on arrival, so they are not even asked.
      mine === countsAsked.current ? api.invoke('bills.counts', { filter: countsFilter }) : Promise.reject(new Error('superseded'));
    return firstRows.current.then(count, count);
  }, [api, countsFilter]);
  const counts = useQuery(loadCounts);

  // The selection belongs to one filter ("all matching" means nothing under another) and its positions to
  // one order: both are checked here rather than reset by an effect, so no render shows a stale selection.
  const sortKey = `${sort.column}/${sort.direction}`;
  const [held, setHeld] = useState<{ key: string; sortKey: string; selection: Selection }>({ key, sortKey, selection: emptySelection });
  const selection = held.key !== key ? emptySelection : held.sortKey !== sortKey ? afterReorder(held.selection) : held.selection;
  const setSelection = useCallback<Dispatch<SetStateAction<Selection>>>(
    (next) =>
      setHeld((current) => {
        const base =
          current.key !== key ? emptySelection : current.sortKey !== sortKey ? afterReorder(current.selection) : current.selection;
        return { key, sortKey, selection: typeof next === 'function' ? next(base) : next };
      }),
    [key, sortKey],
  );

  // Another site made active: its bills are other bills, so nothing stays selected.
  useEffect(() => api.on('profiles.changed', () => setHeld((current) => ({ ...current, selection: emptySelection }))), [api]);

  const { refresh: refreshRows } = rows;
  const { reload: reloadCounts } = counts;
  const refresh = useCallback(() => {
    refreshRows();
    reloadCounts();
  }, [refreshRows, reloadCounts]);
  // A sync page, an acknowledged action, or a local change (the pending markers) change what is shown.
  useRefreshOn(api, ['bills.changed', 'outbox.changed', 'profiles.changed'], refresh);

  const noSite = toAppErrorShape(rows.error).code === 'no_active_profile' && rows.total === null;
  return {
    link,
    clearLink,
    filling,
    form,
    setForm,
    formFilter,
    status,
    setStatus,
    searchText,
    setSearchText,
    sort,
    setSort,
    filter,
    rows,
    counts,
    selection,
    setSelection,
    noSite,
    refresh,
  };
}
