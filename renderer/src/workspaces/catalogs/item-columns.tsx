import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import type { ItemView } from '../../../../shared/contract/catalogs';
import type { I18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/en';
import { formatMoney } from '../../money/money';
import { defaultColumnPrefs } from '../../tables/column-prefs';
import type { GridColumns, GridFeatures } from '../../tables/grid-features';
import { StateMarker } from './state-marker';

/** A product with what the table shows beside it: its category's name and whether the shop took it back. */
export interface ItemRow extends ItemView {
  categoryName: string;
  pushed: boolean;
}

export const itemColumnIds = ['code', 'name', 'category', 'status', 'price', 'state'] as const;
type ItemColumn = (typeof itemColumnIds)[number];

export const itemColumnLabelKeys: Readonly<Record<ItemColumn, MessageKey>> = {
  code: 'catalogs.item.code',
  name: 'catalogs.item.name',
  category: 'catalogs.item.category',
  status: 'catalogs.item.status',
  price: 'catalogs.items.price',
  state: 'catalogs.items.state',
};

export const ITEM_END_ALIGNED: ReadonlySet<string> = new Set<ItemColumn>(['price']);
/** Code, name, price and what waits for the shop first: they stay in view beside the open product. */
export const defaultItemColumnPrefs = {
  ...defaultColumnPrefs<string>(itemColumnIds),
  order: ['code', 'name', 'price', 'state', 'category', 'status'],
};
export const DEFAULT_ITEM_SORT: SortingState = [{ id: 'code', desc: false }];

const priceOf = (item: ItemView) => item.prices[0]?.unitcents ?? -1;

/** The products in the order the table's header asks for (the catalog is held whole: sorted here, not by the core). */
export function sortItems(rows: readonly ItemRow[], sorting: SortingState, locale: string): ItemRow[] {
  const sort = sorting[0] ?? DEFAULT_ITEM_SORT[0]!;
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const text = (row: ItemRow): string =>
    sort.id === 'name' ? row.name : sort.id === 'category' ? row.categoryName : sort.id === 'status' ? row.status : row.code;
  const compare =
    sort.id === 'price'
      ? (a: ItemRow, b: ItemRow) => priceOf(a) - priceOf(b)
      : (a: ItemRow, b: ItemRow) => collator.compare(text(a), text(b));
  const sorted = [...rows].sort((a, b) => compare(a, b) || collator.compare(a.code, b.code));
  return sort.desc ? sorted.reverse() : sorted;
}

const helper = createColumnHelper<GridFeatures, ItemRow>();

/** The products table's columns; the code opens the product beside the list. */
export function itemColumnDefs(
  { t, locale }: Pick<I18n, 't' | 'locale'>,
  currency: string,
  onOpen: (id: number) => void,
): GridColumns<ItemRow> {
  return helper.columns([
    helper.accessor('code', {
      header: t('catalogs.item.code'),
      size: 170,
      // Not a tab stop: the grid is one, and Enter opens the row under the cursor.
      cell: (info) => (
        <button type="button" className="link-button" tabIndex={-1} title={info.getValue()} onClick={() => onOpen(info.row.original.id)}>
          {info.getValue()}
        </button>
      ),
    }),
    helper.accessor('name', {
      header: t('catalogs.item.name'),
      size: 320,
      minSize: 160,
      cell: (info) => (
        <span title={info.getValue()}>
          {info.getValue()}
          {info.row.original.origin !== 'own' && (
            <span className={`badge origin-${info.row.original.origin}`}>{t(`catalogs.origin.${info.row.original.origin}`)}</span>
          )}
        </span>
      ),
    }),
    helper.accessor('categoryName', {
      id: 'category',
      header: t('catalogs.item.category'),
      size: 190,
      minSize: 110,
      cell: (info) => <span title={info.getValue()}>{info.getValue() || '—'}</span>,
    }),
    helper.accessor('status', { header: t('catalogs.item.status'), size: 120, cell: (info) => t(`catalogs.status.${info.getValue()}`) }),
    helper.accessor(priceOf, {
      id: 'price',
      header: t('catalogs.items.price'),
      size: 110,
      cell: (info) => (info.getValue() >= 0 ? formatMoney(info.getValue(), currency, locale) : '—'),
    }),
    helper.accessor('localState', {
      id: 'state',
      header: t('catalogs.items.state'),
      size: 150,
      minSize: 110,
      enableSorting: false,
      cell: (info) => <StateMarker state={info.getValue()} pushed={info.row.original.pushed} />,
    }),
  ]);
}
