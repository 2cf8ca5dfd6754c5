import { GridSearch } from '../../../tables/grid-search';
import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { AppError } from '../../../../../shared/contract';
import type { AuditFinding, AuditKind } from '../../../../../shared/contract/audit';
import { useApi } from '../../../api/api-context';
import { useQuery } from '../../../api/use-query';
import { useRefreshOn } from '../../../api/use-refresh-on';
import { useAction } from '../../../actions/use-action';
import { toAppErrorShape } from '../../../errors/app-error';
import { ErrorNotice } from '../../../errors/error-notice';
import { useI18n } from '../../../i18n/i18n-context';
import { pluralKey } from '../../../i18n/plural';
import { NoSiteNotice } from '../../../shell/no-site-notice';
import { usePaletteActions } from '../../../shell/palette-actions';
import { detailHash } from '../../../shell/workspaces';
import { ColumnMenu } from '../../../tables/column-menu';
import { GridHints } from '../../../tables/grid-hints';
import {
  clearSelection,
  emptySelection,
  selectAllMatching,
  selectedCount,
  selectionTarget,
  type Selection,
} from '../../../tables/selection-model';
import { useColumnPrefs } from '../../../tables/use-column-prefs';
import { useDebounced } from '../../../tables/use-debounced';
import { useSearchShortcut } from '../../../tables/use-search-shortcut';
import { useWindowedRows } from '../../../tables/use-windowed-rows';
import { VirtualGrid, type GridHandle } from '../../../tables/virtual-grid';
import {
  AUDIT_END_ALIGNED,
  AUDIT_PINNED,
  auditColumnDefs,
  auditColumnLabelKeys,
  auditColumns,
  AuditSelectionContext,
  defaultAuditColumnPrefs,
} from './audit-columns';
import { AuditExportNotice, useAuditExport } from './audit-export';
import { useAuditRun } from './audit-runner';
import { countText } from './audit-text';
import { auditFilter, findingIdsOf, MAX_FIX, rememberedFilter, rememberFilter } from './finding-ids';
import { FixDialog } from './fix-dialog';
import { KindChips } from './kind-chips';
import { RunPanel } from './run-panel';
import './audit.css';

const NO_SORT: never[] = [];

/**
 * The audit of sales: the last audit and a button to run one, a count per kind (chips that filter), a search, and
 * the findings, one sentence each, with the bill and the customer a click away. A selection is fixed through one
 * plan (FixDialog); the list as filtered exports to XLSX.
 */
export function AuditView() {
  const api = useApi();
  const i18n = useI18n();
  const { t, format, locale } = i18n;
  const [kinds, setKinds] = useState<ReadonlySet<AuditKind>>(() => rememberedFilter().kinds);
  const [searchText, setSearchText] = useState(() => rememberedFilter().search);
  useEffect(() => rememberFilter(kinds, searchText), [kinds, searchText]);
  const search = useDebounced(searchText, 200);
  const key = JSON.stringify(auditFilter(kinds, search));
  const filter = useMemo(() => JSON.parse(key) as ReturnType<typeof auditFilter>, [key]);

  // The counts of every kind and the last audit: under the search, whatever the chips, so each chip shows its count.
  const loadSummary = useCallback(
    () => api.invoke('audit.list', { ...(filter.search ? { search: filter.search } : {}), limit: 1 }),
    [api, filter.search],
  );
  const summary = useQuery(loadSummary);
  const fetchWindow = useCallback((offset: number, limit: number) => api.invoke('audit.list', { ...filter, offset, limit }), [api, filter]);
  const rows = useWindowedRows<AuditFinding>(fetchWindow);
  const { refresh } = rows;
  const { reload } = summary;
  const [selection, setSelection] = useSelectionFor(key);
  // An audit replaces the findings it read, under new ids that may be those of others before: a selection made
  // before it would name other findings, so it is dropped (a plan open meanwhile says which are gone).
  useEffect(() => api.on('audit.changed', () => setSelection(clearSelection)), [api, setSelection]);
  const refreshAll = useCallback(() => {
    refresh();
    reload();
  }, [refresh, reload]);
  useRefreshOn(api, ['audit.changed', 'profiles.changed'], refreshAll);
  // A cancelled or failed audit changes no finding (no audit.changed) but is the last audit now.
  const { ended } = useAuditRun();
  useEffect(() => {
    if (ended) refreshAll();
  }, [ended, refreshAll]);

  const [fixing, setFixing] = useState<readonly number[] | null>(null);
  // Reading which findings the selection holds, before the fix dialog opens.
  const choosing = useAction();
  const exporter = useAuditExport(filter);
  const [prefs, setPrefs] = useColumnPrefs('audit', auditColumns, defaultAuditColumnPrefs);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const columns = useMemo(() => auditColumnDefs(i18n), [i18n]);
  const labels = useMemo(() => Object.fromEntries(auditColumns.map((column) => [column, t(auditColumnLabelKeys[column])])), [t]);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridHandle = useRef<GridHandle>(null);
  useSearchShortcut(searchRef);

  const total = rows.total ?? 0;
  const selected = selectedCount(selection, total);
  const startFix = async () => {
    if (selected === 0) return choosing.clear();
    await choosing.run(async () => {
      const ids = await findingIdsOf(api, filter, selectionTarget(selection));
      if (ids === null) throw new AppError('invalid_input', t('audit.fix.tooMany', { max: format.number(MAX_FIX) }));
      if (ids.length > 0) setFixing(ids);
    });
  };
  usePaletteActions('audit', [
    { id: 'audit.fix', group: 'actions', title: `${t('audit.title')}: ${t('audit.fix')}`, run: () => void startFix() },
    { id: 'audit.export', group: 'actions', title: `${t('audit.title')}: ${t('audit.export')}`, run: () => void exporter.start() },
  ]);

  if (toAppErrorShape(summary.error).code === 'no_active_profile') return <NoSiteNotice text={t('audit.intro')} />;

  const lastRun = summary.value?.lastRun;
  const filtered = kinds.size > 0 || search.trim() !== '';
  const clearFilters = () => {
    setKinds(new Set());
    setSearchText('');
  };
  const allTicked = total > 0 && selected === total;
  const selectAll = (
    <input
      type="checkbox"
      className="audit-check"
      aria-label={t('audit.selectAll.checkbox')}
      checked={allTicked}
      ref={(box) => {
        if (box) box.indeterminate = selected > 0 && !allTicked;
      }}
      disabled={total === 0}
      onChange={() => setSelection(allTicked ? clearSelection : selectAllMatching)}
    />
  );
  return (
    <div className="audit-view">
      <p className="muted audit-intro">{t('audit.intro')}</p>
      <RunPanel lastRun={summary.value ? (lastRun ?? null) : undefined} />
      {summary.error !== null && <ErrorNotice error={summary.error} onRetry={summary.reload} />}
      <KindChips counts={summary.value?.counts} chosen={kinds} onChange={setKinds} controls="audit-grid" />
      <div className="table-toolbar">
        <GridSearch
          id="audit-search"
          label={t('audit.search')}
          placeholder={t('audit.search.placeholder')}
          value={searchText}
          onChange={setSearchText}
          inputRef={searchRef}
          onToTable={() => gridHandle.current?.focusRow(0)}
        />
        <button
          type="button"
          className="button"
          aria-expanded={columnsOpen}
          aria-controls="audit-columns"
          onClick={() => setColumnsOpen((open) => !open)}
        >
          {t('grid.columns')}
        </button>
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="button"
          aria-disabled={selected === 0}
          title={selected === 0 ? t('audit.fix.hint') : undefined}
          onClick={() => void startFix()}
        >
          {selected === 0 ? t('audit.fix') : t('audit.fix.count', { count: format.number(selected) })}
        </button>
        <button type="button" className="button" aria-disabled={exporter.job.state === 'writing'} onClick={() => void exporter.start()}>
          {t('audit.export')}
        </button>
      </div>
      {columnsOpen && (
        <ColumnMenu id="audit-columns" prefs={prefs} defaults={defaultAuditColumnPrefs} labels={labels} onChange={setPrefs} />
      )}
      <AuditExportNotice job={exporter.job} mode={exporter.mode} onDismiss={exporter.dismiss} />
      {choosing.error && <ErrorNotice error={choosing.error} onDismiss={choosing.clear} />}
      <div className="table-summary" aria-live="polite">
        <span>{rows.total === null ? t('app.loading') : countText(total, i18n)}</span>
        {selected > 0 && (
          <>
            <strong>{t(pluralKey(locale, selected, 'audit.selected.one', 'audit.selected'), { count: format.number(selected) })}</strong>
            {!allTicked && (
              <button type="button" className="button button-quiet" onClick={() => setSelection(selectAllMatching)}>
                {t('audit.selectAll', { count: format.number(total) })}
              </button>
            )}
            <button type="button" className="button button-quiet" onClick={() => setSelection(clearSelection)}>
              {t('audit.selectNone')}
            </button>
          </>
        )}
      </div>
      {rows.error !== null && toAppErrorShape(rows.error).code !== 'no_active_profile' && (
        <ErrorNotice error={rows.error} onRetry={rows.refresh} />
      )}
      <div id="audit-grid" className="grid-frame">
        <AuditSelectionContext.Provider value={{ selection, setSelection }}>
          <VirtualGrid<AuditFinding>
            id="audit"
            label={t('audit.title')}
            columns={columns}
            columnLabels={labels}
            endAligned={AUDIT_END_ALIGNED}
            rows={rows}
            sorting={NO_SORT}
            onSortingChange={() => undefined}
            prefs={prefs}
            onPrefsChange={setPrefs}
            selection={selection}
            onSelectionChange={setSelection}
            multiSelect
            onOpen={(finding) => {
              if (finding.billId > 0) window.location.hash = detailHash('bills', finding.billId);
              else if (finding.customerId > 0) window.location.hash = detailHash('customers', finding.customerId);
            }}
            openId={null}
            handleRef={gridHandle}
            pinned={AUDIT_PINNED}
            headerContent={{ select: selectAll }}
            rowData={(finding) => ({ 'data-finding': String(finding.id), 'data-kind': finding.kind })}
            empty={
              filtered ? (
                <p>
                  {t('audit.empty.filtered')}{' '}
                  <button type="button" className="button button-quiet" onClick={clearFilters}>
                    {t('audit.filter.clear')}
                  </button>
                </p>
              ) : (
                <p>{lastRun ? t('audit.empty.clean') : t('audit.empty.never')}</p>
              )
            }
          />
        </AuditSelectionContext.Provider>
      </div>
      <GridHints multiSelect />
      {fixing && (
        <FixDialog
          findingIds={fixing}
          onClose={() => {
            setFixing(null);
            // What was fixed is gone from the list (audit.changed reloads it); what was left stays, unticked.
            setSelection(clearSelection);
          }}
        />
      )}
    </div>
  );
}

/** The selection belongs to one filter: "all shown" means nothing under another, so it starts empty there. */
function useSelectionFor(key: string): [Selection, Dispatch<SetStateAction<Selection>>] {
  const [held, setHeld] = useState<{ key: string; selection: Selection }>({ key, selection: emptySelection });
  const selection = held.key === key ? held.selection : emptySelection;
  const set = useCallback<Dispatch<SetStateAction<Selection>>>(
    (next) =>
      setHeld((current) => {
        const base = current.key === key ? current.selection : emptySelection;
        return { key, selection: typeof next === 'function' ? next(base) : next };
      }),
    [key],
  );
  return [selection, set];
}
