import { GridSearch } from '../../tables/grid-search';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { SortingState } from '@tanstack/react-table';
import { useApi } from '../../api/api-context';
import { useRefreshOn } from '../../api/use-refresh-on';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { pluralKey } from '../../i18n/plural';
import { NoSiteNotice } from '../../shell/no-site-notice';
import { useDetailId } from '../../shell/use-hash-route';
import { detailHash, hashOf } from '../../shell/workspaces';
import { DetailPane } from '../../tables/detail-pane';
import { GridHints } from '../../tables/grid-hints';
import { emptySelection, type Selection } from '../../tables/selection-model';
import { useColumnPrefs } from '../../tables/use-column-prefs';
import { useSearchShortcut } from '../../tables/use-search-shortcut';
import { useWindowedRows } from '../../tables/use-windowed-rows';
import { VirtualGrid, type GridHandle } from '../../tables/virtual-grid';
import {
  CUSTOMER_END_ALIGNED,
  customerColumnDefs,
  customerColumnIds,
  customerColumnLabelKeys,
  defaultCustomerColumnPrefs,
  SORTABLE,
  type CustomerSort,
} from './customer-columns';
import { CustomerDetailPanel } from './customer-detail-panel';
import { sameFilling, type CacheFilling } from '../bills/use-bills-view';
import { CacheFillingNote } from '../sync/cache-filling-note';

/** The customer's name stays in view while the other columns scroll sideways. */
const PINNED: readonly string[] = ['name'];

/** The customers of the active site with what they placed, owe and paid; one opens beside the list. */
export function CustomersWorkspace() {
  const api = useApi();
  const i18n = useI18n();
  const { t, format, locale } = i18n;
  const openId = useDetailId();
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const gridHandle = useRef<GridHandle>(null);
  useSearchShortcut(searchRef);
  const [searchText, setSearchText] = useState('');
  // Applied at once: the rows loader sends only the latest query while a read runs (windowed-loader.ts).
  const search = searchText.trim().slice(0, 200);
  const [sort, setSort] = useState<CustomerSort>('name');
  // Omitted, the core's natural order: names A→Z, amounts largest first. A second click on a header turns it.
  const [desc, setDesc] = useState<boolean | null>(null);
  const [held, setHeld] = useState({ key: '', selection: emptySelection });
  const key = `${search}|${sort}|${desc}`;
  const selection = held.key === key ? held.selection : emptySelection;
  const setSelection = useCallback(
    (next: Selection | ((current: Selection) => Selection)) =>
      setHeld((current) => {
        const base = current.key === key ? current.selection : emptySelection;
        return { key, selection: typeof next === 'function' ? next(base) : next };
      }),
    [key],
  );
  const [prefs, setPrefs] = useColumnPrefs('customers', customerColumnIds, defaultCustomerColumnPrefs);
  const columns = useMemo(() => customerColumnDefs(i18n), [i18n]);
  const labels = useMemo(() => Object.fromEntries(customerColumnIds.map((column) => [column, t(customerColumnLabelKeys[column])])), [t]);
  const natural = sort === 'paid' || sort === 'pending';
  const sorting = useMemo<SortingState>(() => [{ id: sort, desc: desc ?? natural }], [sort, desc, natural]);

  // While a first sync fills the cache, each answer says how many customers it holds so far.
  const [filling, setFilling] = useState<CacheFilling | null>(null);
  const fetchWindow = useCallback(
    (offset: number, limit: number) => {
      const answer = api.invoke('customers.list', {
        search,
        sort,
        ...(desc === null ? {} : { direction: desc ? 'desc' : 'asc' }),
        offset,
        limit,
      });
      answer.then(
        (value) => setFilling((current) => sameFilling(current, value.filling ?? null)),
        () => undefined,
      );
      return answer;
    },
    [api, search, sort, desc],
  );
  const rows = useWindowedRows(fetchWindow);
  const { refresh } = rows;
  // Filling, the list follows the pages as they arrive (their totals change with each page of bills).
  useRefreshOn(
    api,
    filling
      ? ['outbox.changed', 'sync.finished', 'profiles.changed', 'bills.changed']
      : ['outbox.changed', 'sync.finished', 'profiles.changed'],
    refresh,
  );

  if (toAppErrorShape(rows.error).code === 'no_active_profile' && rows.total === null) return <NoSiteNotice text={t('customers.noSite')} />;
  const close = () => {
    window.location.hash = hashOf('customers');
    gridRef.current?.focus();
  };

  return (
    <div className={openId === null ? 'table-workspace' : 'table-workspace has-detail'}>
      <div className="table-main">
        <div className="table-toolbar">
          <GridSearch
            id="customers-search"
            label={t('customers.search')}
            placeholder={t('customers.search.placeholder')}
            value={searchText}
            onChange={setSearchText}
            inputRef={searchRef}
            onToTable={() => gridHandle.current?.focusRow(0)}
          />
          <span className="table-summary">
            {filling && rows.total !== null ? (
              <CacheFillingNote filling={filling} noun="customers" filtered={search !== ''} count={rows.total} />
            ) : rows.total === null ? (
              t('app.loading')
            ) : (
              t(pluralKey(locale, rows.total, 'customers.count.one', 'customers.count'), { count: format.number(rows.total) })
            )}
          </span>
        </div>
        {rows.error !== null && <ErrorNotice error={rows.error} onRetry={refresh} />}
        <div className="grid-frame">
          <VirtualGrid
            id="customers"
            label={t('workspace.customers')}
            columns={columns}
            columnLabels={labels}
            endAligned={CUSTOMER_END_ALIGNED}
            rows={rows}
            sorting={sorting}
            onSortingChange={(next) => {
              const id = next[0]?.id;
              if (!id || !SORTABLE.has(id)) return;
              // The same column again turns the order; another column starts in its natural order.
              if (id === sort) setDesc((current) => !(current ?? natural));
              else {
                setSort(id as CustomerSort);
                setDesc(null);
              }
            }}
            globalFilter={search}
            prefs={prefs}
            onPrefsChange={setPrefs}
            selection={selection}
            onSelectionChange={setSelection}
            multiSelect={false}
            onOpen={(row) => {
              window.location.hash = detailHash('customers', row.id);
            }}
            openId={openId}
            gridRef={gridRef}
            handleRef={gridHandle}
            pinned={PINNED}
            empty={<p>{search ? t('customers.empty.search') : t('customers.empty')}</p>}
          />
        </div>
        <GridHints multiSelect={false} />
      </div>
      {openId !== null && (
        <DetailPane title={t('workspace.customers')} openKey={openId}>
          <CustomerDetailPanel id={openId} onClose={close} />
        </DetailPane>
      )}
    </div>
  );
}
