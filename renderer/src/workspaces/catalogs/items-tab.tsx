import { useMemo, useRef, useState } from 'react';
import type { CatalogDetail, ItemView } from '../../../../shared/contract/catalogs';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';
import { BulkPanel } from './bulk-dialog';
import { draftOf, newItem } from './item-draft';
import { ItemEditor } from './item-editor';
import { StateMarker } from './state-marker';
import { XlsxPanel } from './xlsx-panel';

/**
 * The catalog's items (a slave's with its master's), filtered by category and text, several selectable for
 * a bulk change; the open one is edited beside the list. Rows are buttons: Enter or a click opens one.
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
  const { t, locale } = useI18n();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [panel, setPanel] = useState<'bulk' | 'xlsx' | null>(null);
  const [creating, setCreating] = useState(false);
  const listRef = useRef<HTMLTableElement>(null);
  const categoryName = useMemo(() => new Map(detail.categories.map((c) => [c.id, c.name])), [detail.categories]);
  const words = search.trim().toLowerCase();
  const rows = detail.items.filter(
    (item) =>
      (category === 0 || item.categoryid === category) && (words === '' || `${item.code} ${item.name}`.toLowerCase().includes(words)),
  );
  const open = openId === null ? null : (detail.items.find((i) => i.id === openId) ?? null);
  const selectable = (item: ItemView) => item.origin !== 'master';
  const toggle = (id: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const selectedIds = [...selected].filter((id) => detail.items.some((i) => i.id === id));

  return (
    <div className={open || creating ? 'items-tab has-editor' : 'items-tab'}>
      <div className="items-main">
        <div className="table-toolbar">
          <div className="search-box">
            <label htmlFor="catalog-item-search" className="visually-hidden">
              {t('catalogs.items.search')}
            </label>
            <input
              id="catalog-item-search"
              type="search"
              value={search}
              placeholder={t('catalogs.items.search')}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
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
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              onOpen(null);
              setCreating(true);
            }}
          >
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
              setSelected(new Set());
            }}
            onClose={() => setPanel(null)}
          />
        )}
        {panel === 'xlsx' && <XlsxPanel detail={detail} onImported={onChanged} onClose={() => setPanel(null)} />}
        <p className="table-summary">{t('catalogs.items.count', { count: rows.length })}</p>
        <div className="items-scroll">
          <table className="data-table catalog-items" ref={listRef} aria-label={t('catalogs.items.label')}>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t('catalogs.items.selectAll')}
                    checked={rows.filter(selectable).length > 0 && rows.filter(selectable).every((i) => selected.has(i.id))}
                    onChange={(event) => setSelected(event.target.checked ? new Set(rows.filter(selectable).map((i) => i.id)) : new Set())}
                  />
                </th>
                <th scope="col">{t('catalogs.item.code')}</th>
                <th scope="col">{t('catalogs.item.name')}</th>
                <th scope="col">{t('catalogs.item.category')}</th>
                <th scope="col">{t('catalogs.item.status')}</th>
                <th scope="col" className="end">
                  {t('catalogs.items.price')}
                </th>
                <th scope="col">{t('catalogs.items.state')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((item) => (
                <tr key={item.id} className={item.id === openId ? 'row-open' : undefined} data-code={item.code}>
                  <td>
                    {selectable(item) && (
                      <input
                        type="checkbox"
                        aria-label={t('catalogs.items.select', { code: item.code })}
                        checked={selected.has(item.id)}
                        onChange={(event) => toggle(item.id, event.target.checked)}
                      />
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        setCreating(false);
                        onOpen(item.id);
                      }}
                    >
                      {item.code}
                    </button>
                  </td>
                  <td>
                    {item.name}
                    {item.origin !== 'own' && <span className={`badge origin-${item.origin}`}>{t(`catalogs.origin.${item.origin}`)}</span>}
                  </td>
                  <td>{categoryName.get(item.categoryid) ?? '—'}</td>
                  <td>{t(`catalogs.status.${item.status}`)}</td>
                  <td className="end">{item.prices[0] ? formatMoney(item.prices[0].unitcents, currency, locale) : '—'}</td>
                  <td>
                    <StateMarker state={item.localState} pushed={pushedIds.has(item.code)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {creating && !open && (
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
          onClose={() => setCreating(false)}
        />
      )}
      {open && (
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
          onClose={() => onOpen(null)}
        />
      )}
    </div>
  );
}
