import { createColumnHelper } from '@tanstack/react-table';
import type { CustomerRow } from '../../../../shared/contract';
import type { I18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/en';
import { pluralKey } from '../../i18n/plural';
import { formatMoney } from '../../money/money';
import { PendingMarker } from '../../outbox/pending-marker';
import { detailHash } from '../../shell/workspaces';
import { defaultColumnPrefs } from '../../tables/column-prefs';
import type { GridColumns, GridFeatures } from '../../tables/grid-features';

export const customerColumnIds = ['name', 'organisation', 'email', 'city', 'placed', 'pending', 'paid'] as const;
export type CustomerColumn = (typeof customerColumnIds)[number];

/** What customers.list can sort by: the core's choice of direction (names A→Z, amounts largest first). */
export type CustomerSort = 'name' | 'organisation' | 'paid' | 'pending';
export const SORTABLE: ReadonlySet<string> = new Set<CustomerSort>(['name', 'organisation', 'paid', 'pending']);

export const customerColumnLabelKeys: Readonly<Record<CustomerColumn, MessageKey>> = {
  name: 'customers.col.name',
  organisation: 'customers.col.organisation',
  email: 'customers.col.email',
  city: 'customers.col.city',
  placed: 'customers.col.placed',
  pending: 'customers.col.pending',
  paid: 'customers.col.paid',
};

export const CUSTOMER_END_ALIGNED: ReadonlySet<string> = new Set<CustomerColumn>(['placed', 'pending', 'paid']);
/** What is owed and paid come right after the name and organisation: they stay in view beside an open customer. */
export const defaultCustomerColumnPrefs = {
  ...defaultColumnPrefs<string>(customerColumnIds),
  order: ['name', 'organisation', 'pending', 'paid', 'email', 'city', 'placed'],
};

export function customerName(row: { firstname: string; lastname: string; email: string }): string {
  return `${row.firstname} ${row.lastname}`.trim() || row.email;
}

const helper = createColumnHelper<GridFeatures, CustomerRow>();

export function customerColumnDefs({ t, format, locale }: Pick<I18n, 't' | 'format' | 'locale'>): GridColumns<CustomerRow> {
  const label = (column: CustomerColumn) => t(customerColumnLabelKeys[column]);
  // Accessor columns (not display ones): TanStack offers sorting only on columns with a value.
  const total = (column: 'placed' | 'pending' | 'paid') =>
    helper.accessor(
      (row) => (column === 'placed' ? row.totals.placedCents : column === 'pending' ? row.totals.pendingCents : row.totals.paidCents),
      {
        id: column,
        header: label(column),
        size: 150,
        minSize: 130,
        enableSorting: column !== 'placed',
        cell: ({ row }) => {
          const totals = row.original.totals;
          const [count, cents] =
            column === 'placed'
              ? [totals.placedCount, totals.placedCents]
              : column === 'pending'
                ? [totals.pendingCount, totals.pendingCents]
                : [totals.paidCount, totals.paidCents];
          return count === 0 ? (
            <span className="muted">—</span>
          ) : (
            <span title={t(pluralKey(locale, count, 'customers.billsCount.one', 'customers.billsCount'), { count: format.number(count) })}>
              {formatMoney(cents, row.original.currency, locale)} <span className="muted">({format.number(count)})</span>
            </span>
          );
        },
      },
    );
  return helper.columns([
    helper.accessor((row) => customerName(row), {
      id: 'name',
      header: label('name'),
      size: 220,
      minSize: 140,
      cell: ({ row }) => (
        <>
          <a href={detailHash('customers', row.original.id)} tabIndex={-1}>
            {customerName(row.original)}
          </a>
          <PendingMarker pending={row.original.pending} />
        </>
      ),
    }),
    helper.accessor('organisation', { header: label('organisation'), size: 200, minSize: 120 }),
    helper.accessor('email', { header: label('email'), size: 220, minSize: 140, enableSorting: false }),
    helper.accessor((row) => [row.city, row.country].filter(Boolean).join(', '), {
      id: 'city',
      header: label('city'),
      size: 160,
      minSize: 100,
      enableSorting: false,
    }),
    total('placed'),
    total('pending'),
    total('paid'),
  ]);
}
