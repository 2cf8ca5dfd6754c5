import { useMemo, useRef, useState } from 'react';
import { isMac } from '../../shell/platform';
import { isShortcut } from '../../shell/shortcut-registry';
import type { BillColumn } from '../../../../shared/contract';
import { billColumns } from '../../../../shared/contract/bills';
import { useApi } from '../../api/api-context';
import { CacheFillingNote } from '../sync/cache-filling-note';
import { useRunningSync } from '../sync/use-running-sync';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { pluralKey } from '../../i18n/plural';
import { NoSiteNotice } from '../../shell/no-site-notice';
import { useDetailId } from '../../shell/use-hash-route';
import { detailHash, hashOf } from '../../shell/workspaces';
import { ColumnMenu } from '../../tables/column-menu';
import { DetailPane } from '../../tables/detail-pane';
import { usePaletteActions } from '../../shell/palette-actions';
import { GridHints } from '../../tables/grid-hints';
import { selectAllMatching, selectedCount, selectionTarget, clearSelection, type SelectionTarget } from '../../tables/selection-model';
import { useColumnPrefs } from '../../tables/use-column-prefs';
import { useSearchShortcut } from '../../tables/use-search-shortcut';
import { VirtualGrid, type GridHandle } from '../../tables/virtual-grid';
import { BillDetailPanel } from './bill-detail-panel';
import { activeFilterCount, columnFiltersOf, emptyFilterForm } from './bill-filter-model';
import { BILL_END_ALIGNED, billColumnDefs, billColumnLabelKeys, defaultBillColumnPrefs, sortingOf } from './bill-columns';
import { BillsFilterPanel } from './bills-filter-panel';
import { BillsToolbar } from './bills-toolbar';
import { PdfExportDialog } from './export-pdf-dialog';
import { MonthExportDialog } from './month-export-dialog';
import { XlsxExportDialog } from './export-xlsx-dialog';
import { StatusTabs } from './status-tabs';
import { useBillsView } from './use-bills-view';

/** The reference stays in view while the other columns scroll sideways. */
const PINNED: readonly string[] = ['id'];

type Dialog = { kind: 'xlsx' } | { kind: 'month' } | { kind: 'pdf'; target: SelectionTarget; count: number } | null;

/**
 * The bills of the active site, for operators who spend their day here: a table sorted, filtered and paged
 * by the core, read by windows as it scrolls; status tabs with counts; a detail panel beside it; exports.
 */
export function BillsWorkspace() {
  const api = useApi();
  const sync = useRunningSync(api);
  const i18n = useI18n();
  const { t, format, locale } = i18n;
  const view = useBillsView(api);
  const openId = useDetailId();
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const gridHandle = useRef<GridHandle>(null);
  useSearchShortcut(searchRef);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [prefs, setPrefs] = useColumnPrefs('bills', billColumns, defaultBillColumnPrefs);
  const columns = useMemo(() => billColumnDefs(i18n), [i18n]);
  const labels = useMemo(() => Object.fromEntries(billColumns.map((column) => [column, t(billColumnLabelKeys[column])])), [t]);
  const columnFilters = useMemo(() => columnFiltersOf(view.filter), [view.filter]);
  const sorting = useMemo(() => sortingOf(view.sort), [view.sort]);

  usePaletteActions('bills', [
    { id: 'bills.filters', group: 'actions', title: t('palette.action.billFilters'), run: () => setFiltersOpen((open) => !open) },
    { id: 'bills.columns', group: 'actions', title: t('palette.action.billColumns'), run: () => setColumnsOpen(true) },
    { id: 'bills.xlsx', group: 'actions', title: t('palette.action.billXlsx'), run: () => setDialog({ kind: 'xlsx' }) },
    {
      id: 'bills.pdf',
      group: 'actions',
      title: t('palette.action.billPdf'),
      run: () => {
        const chosen = selectionTarget(view.selection);
        const count = selectedCount(view.selection, view.rows.total ?? 0);
        if (chosen.kind !== 'none') setDialog({ kind: 'pdf', target: chosen, count });
        else if (openId !== null) setDialog({ kind: 'pdf', target: { kind: 'ids', ids: [openId] }, count: 1 });
      },
    },
  ]);

  if (view.noSite) return <NoSiteNotice text={t('bills.noSite')} />;

  const total = view.rows.total ?? 0;
  const { selection, setSelection } = view;
  const selected = selectedCount(selection, total);
  const target = selectionTarget(selection);
  const filtered = Object.keys(view.filter).length > 0;
  const close = () => {
    window.location.hash = hashOf('bills');
    gridRef.current?.focus();
  };
  const clearFilters = () => {
    view.clearLink();
    view.setForm(emptyFilterForm);
    view.setStatus(null);
    view.setSearchText('');
  };

  return (
    <div
      className={openId === null ? 'table-workspace' : 'table-workspace has-detail'}
      onKeyDown={(event) => {
        // Escape that nothing else took (the grid with no selection, a toolbar button) closes the bill; in a
        // text field it only clears the field.
        const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
        if (
          isShortcut('detail.close', event, isMac) &&
          !event.defaultPrevented &&
          !typing &&
          openId !== null &&
          document.querySelector('dialog[open]') === null
        )
          close();
      }}
    >
      <div className="table-main">
        <BillsToolbar
          searchRef={searchRef}
          searchText={view.searchText}
          onSearch={view.setSearchText}
          onLeaveSearch={() => gridHandle.current?.focusRow(0)}
          filtersOpen={filtersOpen}
          filterCount={activeFilterCount(view.form)}
          onToggleFilters={() => setFiltersOpen((open) => !open)}
          filtersId="bills-filters"
          columnsOpen={columnsOpen}
          onToggleColumns={() => setColumnsOpen((open) => !open)}
          columnsId="bills-columns"
          onXlsx={() => setDialog({ kind: 'xlsx' })}
          onMonth={() => setDialog({ kind: 'month' })}
          pdfAvailable={target.kind !== 'none' || openId !== null}
          onPdf={() =>
            setDialog(
              target.kind !== 'none'
                ? { kind: 'pdf', target, count: selected }
                : { kind: 'pdf', target: { kind: 'ids', ids: openId === null ? [] : [openId] }, count: 1 },
            )
          }
        />
        {filtersOpen && <BillsFilterPanel id="bills-filters" form={view.form} setForm={view.setForm} errors={view.formFilter.errors} />}
        {columnsOpen && (
          <ColumnMenu id="bills-columns" prefs={prefs} defaults={defaultBillColumnPrefs} labels={labels} onChange={setPrefs} />
        )}
        {view.link && (
          <p className="bills-link" role="note">
            <span>{t('bills.fromDashboard', { label: view.link.label, currency: view.link.currency })}</span>{' '}
            <button type="button" className="button button-quiet" onClick={view.clearLink}>
              {t('bills.fromDashboard.clear')}
            </button>
          </p>
        )}
        <StatusTabs status={view.status} onChange={view.setStatus} counts={view.counts.value} controls="bills-grid" />
        <div className="table-summary" aria-live="polite">
          {view.filling && view.rows.total !== null ? (
            <CacheFillingNote filling={view.filling} noun="bills" filtered={filtered} count={total} />
          ) : (
            <span>
              {view.rows.total === null
                ? t('app.loading')
                : t(pluralKey(locale, total, 'bills.count.one', 'bills.count'), { count: format.number(total) })}
            </span>
          )}
          {selected > 0 && (
            <>
              <strong>
                {selection.mode === 'all' && selection.ids.size === 0
                  ? t(pluralKey(locale, selected, 'bills.selectedAll.one', 'bills.selectedAll'), { count: format.number(selected) })
                  : t(pluralKey(locale, selected, 'bills.selected.one', 'bills.selected'), { count: format.number(selected) })}
              </strong>
              {selection.mode !== 'all' && total > selected && (
                <button type="button" className="button button-quiet" onClick={() => setSelection(selectAllMatching)}>
                  {t('bills.selectAll', { count: format.number(total) })}
                </button>
              )}
              <button type="button" className="button button-quiet" onClick={() => setSelection(clearSelection)}>
                {t('bills.selectNone')}
              </button>
            </>
          )}
        </div>
        {view.rows.error !== null && <ErrorNotice error={view.rows.error} onRetry={view.refresh} />}
        <div id="bills-grid" className="grid-frame">
          <VirtualGrid
            id="bills"
            label={t('workspace.bills')}
            columns={columns}
            columnLabels={labels}
            endAligned={BILL_END_ALIGNED}
            rows={view.rows}
            sorting={sorting}
            onSortingChange={(next) => {
              const first = next[0];
              if (first) view.setSort({ column: first.id as BillColumn, direction: first.desc ? 'desc' : 'asc' });
            }}
            columnFilters={columnFilters}
            globalFilter={view.filter.search ?? ''}
            prefs={prefs}
            onPrefsChange={setPrefs}
            selection={selection}
            onSelectionChange={setSelection}
            multiSelect
            onOpen={(row) => {
              window.location.hash = detailHash('bills', row.id);
            }}
            openId={openId}
            gridRef={gridRef}
            handleRef={gridHandle}
            pinned={PINNED}
            rowClass={(row) => (row.pending ? `row-${row.pending.state}` : '')}
            empty={
              filtered ? (
                <p>
                  {t('bills.empty.filtered')}{' '}
                  <button type="button" className="button button-quiet" onClick={clearFilters}>
                    {t('bills.filter.clear')}
                  </button>
                </p>
              ) : sync ? (
                // A first sync fills the cache: the bills show as their pages arrive (bills-while-filling.ts).
                <p role="status">
                  {t('bills.empty.syncing')}
                  {sync.entity === 'bills' && sync.total !== null
                    ? ` ${t('bills.empty.syncingBills', { done: format.number(sync.done), total: format.number(sync.total) })}`
                    : ''}
                </p>
              ) : (
                <p>
                  {t('bills.empty')} <a href={hashOf('sync')}>{t('bills.empty.sync')}</a>
                </p>
              )
            }
          />
        </div>
        <GridHints multiSelect />
      </div>
      {openId !== null && (
        <DetailPane title={t('palette.bill', { id: openId })} openKey={openId}>
          <BillDetailPanel
            id={openId}
            onClose={close}
            onPdf={(ids) => setDialog({ kind: 'pdf', target: { kind: 'ids', ids }, count: ids.length })}
          />
        </DetailPane>
      )}
      {dialog?.kind === 'xlsx' && (
        <XlsxExportDialog
          filter={view.filter}
          selection={selection}
          total={total}
          order={prefs.order}
          hidden={prefs.hidden}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'month' && <MonthExportDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'pdf' && (
        <PdfExportDialog target={dialog.target} filter={view.filter} count={dialog.count} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
