import { GridSearch } from '../../tables/grid-search';
import type { SortingState } from '@tanstack/react-table';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { CatalogDetail, ItemView } from '../../../../shared/contract/catalogs';
import { useI18n } from '../../i18n/i18n-context';
import { usePaletteActions } from '../../shell/palette-actions';
import { DetailPane } from '../../tables/detail-pane';
import { GridHints } from '../../tables/grid-hints';
import { emptySelection, isSelected, type Selection } from '../../tables/selection-model';
import { useColumnPrefs } from '../../tables/use-column-prefs';
import { useSearchShortcut } from '../../tables/use-search-shortcut';
import { useStaticRows } from '../../tables/use-static-rows';
import { VirtualGrid, type GridHandle } from '../../tables/virtual-grid';
import { BulkPanel } from './bulk-dialog';
import {
  DEFAULT_ITEM_SORT,
  defaultItemColumnPrefs,
  ITEM_END_ALIGNED,
  itemColumnDefs,
  itemColumnIds,
  itemColumnLabelKeys,
  sortItems,
  type ItemRow,
} from './item-columns';
import { draftOf, newItem } from './item-draft';
import { ItemEditor } from './item-editor';
import { XlsxPanel } from './xlsx-panel';

/** The code stays in view while the other columns scroll sideways. */
const PINNED: readonly string[] = ['code'];

/**
 * The catalog's items (a slave's with its master's), filtered by category and text, in the same table as
 * Bills and Customers (sorted by a header, selected with clicks and keys for a bulk change); the open one is
 * edited beside the list, in the same resizable panel as a bill.
 */
export function ItemsTab(props: {
  detail: CatalogDetail;
  currency: string;
  openId: number | null;
  onOpen(id: number | null): void;
  onChanged(detail: CatalogDetail): void;
  /** Codes of the items the shop acknowledged while this screen showed them. */
  pushedIds: ReadonlySet<string>;
}) {
  const { detail, currency, openId, onOpen, onChanged, pushedIds } = props;
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState(0);
  const [sorting, setSorting] = useState<SortingState>(DEFAULT_ITEM_SORT);
  const [panel, setPanel] = useState<'bulk' | 'xlsx' | null>(null);
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const gridHandle = useRef<GridHandle>(null);
  useSearchShortcut(searchRef);
  const [prefs, setPrefs] = useColumnPrefs('catalog-items', itemColumnIds, defaultItemColumnPrefs);
  const open = openId === null ? null : (detail.items.find((i) => i.id === openId) ?? null);
  const openItem = useCallback(
    (id: number) => {
      setCreating(false);
      onOpen(id);
    },
    [onOpen],
  );
  const columns = useMemo(() => itemColumnDefs(i18n, currency, openItem), [i18n, currency, openItem]);
  const labels = useMemo(() => Object.fromEntries(itemColumnIds.map((column) => [column, t(itemColumnLabelKeys[column])])), [t]);

  const words = search.trim().toLowerCase();
  const rows = useMemo(() => {
    const categoryName = new Map(detail.categories.map((c) => [c.id, c.name]));
    const shown = detail.items
      .filter(
        (item) =>
          (category === 0 || item.categoryid === category) && (words === '' || `${item.code} ${item.name}`.toLowerCase().includes(words)),
      )
      .map((item): ItemRow => ({ ...item, categoryName: categoryName.get(item.categoryid) ?? '', pushed: pushedIds.has(item.code) }));
    return sortItems(shown, sorting, locale);
  }, [detail.items, detail.categories, category, words, pushedIds, sorting, locale]);
  const query = `${category}|${words}|${sorting[0]?.id ?? ''}|${sorting[0]?.desc ?? ''}`;
  const gridRows = useStaticRows(rows, query);
  // A selection belongs to the rows it was made in: another filter or order starts a new one.
  const [held, setHeld] = useState({ query, selection: emptySelection });
  const selection = held.query === query ? held.selection : emptySelection;
  const setSelection = useCallback(
    (next: Selection | ((current: Selection) => Selection)) =>
      setHeld((current) => {
        const base = current.query === query ? current.selection : emptySelection;
        return { query, selection: typeof next === 'function' ? next(base) : next };
      }),
    [query],
  );
  // A master's product seen from a slave is not this catalog's to change.
  const selectable = (item: ItemView) => item.origin !== 'master';
  const selectedIds = rows.filter((item) => selectable(item) && isSelected(selection, item.id)).map((item) => item.id);
  const startNew = () => {
    onOpen(null);
    setCreating(true);
  };
  usePaletteActions('catalog-items', [{ id: 'catalogs.new', group: 'actions', title: t('palette.action.newProduct'), run: startNew }]);
  const closeEditor = () => {
    if (creating) setCreating(false);
    else onOpen(null);
    gridRef.current?.focus();
  };

  return (
    <div className="table-workspace items-tab">
      <div className="table-main">
        <div className="table-toolbar">
          <GridSearch
            id="catalog-item-search"
            label={t('catalogs.items.search')}
            placeholder={t('catalogs.items.search')}
            value={search}
            onChange={setSearch}
            inputRef={searchRef}
            onToTable={() => gridHandle.current?.focusRow(0)}
          />
          <label className="inline-field">
            {t('catalogs.item.category')}{' '}
            <select value={category} onChange={(event) => setCategory(Number(event.target.value))}>
              <option value={0}>{t('catalogs.items.allCategories')}</option>
              {detail.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <span className="toolbar-spacer" />
          <button type="button" className="button button-primary" onClick={startNew}>
            {t('catalogs.items.new')}
          </button>
          <button
            type="button"
            className="button"
            aria-disabled={selectedIds.length === 0}
            onClick={() => selectedIds.length > 0 && setPanel('bulk')}
          >
            {t('catalogs.items.bulk', { count: selectedIds.length })}
          </button>
          <button type="button" className="button" onClick={() => setPanel('xlsx')}>
            {t('catalogs.items.xlsx')}
          </button>
        </div>
        {panel === 'bulk' && selectedIds.length > 0 && (
          <BulkPanel
            detail={detail}
            ids={selectedIds}
            currency={currency}
            onApplied={(d) => {
              onChanged(d);
              setSelection(emptySelection);
            }}
            onClose={() => setPanel(null)}
          />
        )}
        {panel === 'xlsx' && <XlsxPanel detail={detail} onImported={onChanged} onClose={() => setPanel(null)} />}
        <p className="table-summary">{t('catalogs.items.count', { count: rows.length })}</p>
        <div className="grid-frame">
          <VirtualGrid
            id="catalog-items"
            label={t('catalogs.items.label')}
            columns={columns}
            columnLabels={labels}
            endAligned={ITEM_END_ALIGNED}
            rows={gridRows}
            sorting={sorting}
            onSortingChange={(next) => setSorting(next.length > 0 ? next : DEFAULT_ITEM_SORT)}
            prefs={prefs}
            onPrefsChange={setPrefs}
            selection={selection}
            onSelectionChange={setSelection}
            multiSelect
            onOpen={(row) => openItem(row.id)}
            openId={openId}
            gridRef={gridRef}
            handleRef={gridHandle}
            pinned={PINNED}
            rowData={(row) => ({ 'data-code': row.code })}
            empty={<p>{t('catalogs.items.none')}</p>}
          />
        </div>
        <GridHints multiSelect />
      </div>
      {creating && !open && (
        <DetailPane title={t('catalogs.item.new')} openKey="new">
          <ItemEditor
            key="new"
            detail={detail}
            item={null}
            initial={newItem(detail)}
            currency={currency}
            pushed={false}
            onSaved={(d, id) => {
              onChanged(d);
              setCreating(false);
              onOpen(id);
            }}
            onClose={closeEditor}
          />
        </DetailPane>
      )}
      {open && (
        <DetailPane title={open.code} openKey={open.id}>
          <ItemEditor
            key={`${open.id}:${open.origin}`}
            detail={detail}
            item={open}
            initial={draftOf(open)}
            currency={currency}
            pushed={pushedIds.has(open.code)}
            onSaved={(d, id) => {
              onChanged(d);
              onOpen(id === 0 ? null : id);
            }}
            onClose={closeEditor}
          />
        </DetailPane>
      )}
    </div>
  );
}
