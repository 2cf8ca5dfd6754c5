import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import type { BillColumn, BillRow } from '../../../../shared/contract';
import { billColumns } from '../../../../shared/contract/bills';
import type { I18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/en';
import { formatMoney } from '../../money/money';
import { PendingMarker } from '../../outbox/pending-marker';
import { detailHash } from '../../shell/workspaces';
import { defaultColumnPrefs } from '../../tables/column-prefs';
import type { GridColumns, GridFeatures } from '../../tables/grid-features';
import { BillStatusBadge } from './bill-status-badge';

export const billColumnLabelKeys: Readonly<Record<BillColumn, MessageKey>> = {
  id: 'bills.col.id',
  transactionid: 'bills.col.transactionid',
  idnumber: 'bills.col.idnumber',
  title: 'bills.col.title',
  status: 'bills.col.status',
  emissiondate: 'bills.col.emissiondate',
  lastactiondate: 'bills.col.lastactiondate',
  untaxedcents: 'bills.col.untaxedcents',
  taxcents: 'bills.col.taxcents',
  amountcents: 'bills.col.amountcents',
  currency: 'bills.col.currency',
  paymode: 'bills.col.paymode',
  customer: 'bills.col.customer',
  organisation: 'bills.col.organisation',
  items: 'bills.col.items',
};

export const BILL_END_ALIGNED: ReadonlySet<string> = new Set<BillColumn>(['id', 'untaxedcents', 'taxcents', 'amountcents']);

/** Shown at first; the operator brings the others back from the Columns menu. */
export const defaultBillColumnPrefs = defaultColumnPrefs<string>(billColumns, [
  'transactionid',
  'lastactiondate',
  'untaxedcents',
  'taxcents',
  'currency',
]);

const paymodeKeys: Readonly<Record<string, MessageKey>> = {
  check: 'paymode.check',
  transfer: 'paymode.transfer',
  paypal: 'paymode.paypal',
  card: 'paymode.card',
};

/** A pay mode in words; one the shop added later shows as its code. */
export function paymodeLabel(paymode: string, t: I18n['t']): string {
  const key = paymodeKeys[paymode];
  return key ? t(key) : paymode;
}

export function sortingOf(sort: { column: BillColumn; direction: 'asc' | 'desc' }): SortingState {
  return [{ id: sort.column, desc: sort.direction === 'desc' }];
}

const helper = createColumnHelper<GridFeatures, BillRow>();

/** The bills table's columns, as the reference's bills export has them; built per language. */
export function billColumnDefs({ t, format, locale }: Pick<I18n, 't' | 'format' | 'locale'>): GridColumns<BillRow> {
  const label = (column: BillColumn) => t(billColumnLabelKeys[column]);
  const money = (column: 'untaxedcents' | 'taxcents' | 'amountcents', size: number) =>
    helper.accessor(column, {
      header: label(column),
      size,
      sortDescFirst: true,
      cell: (info) => formatMoney(info.getValue(), info.row.original.currency, locale),
    });
  const text = (column: 'transactionid' | 'title' | 'organisation' | 'items' | 'currency', size: number) =>
    helper.accessor(column, {
      header: label(column),
      size,
      cell: (info) => <span title={info.getValue()}>{info.getValue()}</span>,
    });
  return helper.columns([
    helper.accessor('id', {
      header: label('id'),
      size: 100,
      sortDescFirst: true,
      // Not a tab stop: the grid is one, and Enter opens the row under the cursor.
      cell: (info) => (
        <a href={detailHash('bills', info.getValue())} tabIndex={-1}>
          {info.getValue()}
        </a>
      ),
    }),
    text('transactionid', 150),
    helper.accessor('idnumber', {
      header: label('idnumber'),
      size: 120,
      cell: (info) => info.getValue() || <span className="muted">{t('bills.notLettered')}</span>,
    }),
    text('title', 240),
    helper.accessor('status', {
      header: label('status'),
      size: 190,
      cell: (info) => (
        <>
          <BillStatusBadge status={info.getValue()} />
          <PendingMarker pending={info.row.original.pending} />
        </>
      ),
    }),
    helper.accessor('emissiondate', {
      header: label('emissiondate'),
      size: 110,
      sortDescFirst: true,
      cell: (info) => format.date(info.getValue() * 1000),
    }),
    helper.accessor('lastactiondate', {
      header: label('lastactiondate'),
      size: 150,
      sortDescFirst: true,
      cell: (info) => format.dateTime(info.getValue() * 1000),
    }),
    money('untaxedcents', 110),
    money('taxcents', 100),
    money('amountcents', 120),
    text('currency', 80),
    helper.accessor('paymode', { header: label('paymode'), size: 100, cell: (info) => paymodeLabel(info.getValue(), t) }),
    helper.accessor('customer', {
      header: label('customer'),
      size: 170,
      cell: (info) => (
        <a href={detailHash('customers', info.row.original.customerId)} tabIndex={-1} title={info.getValue()}>
          {info.getValue()}
        </a>
      ),
    }),
    text('organisation', 170),
    text('items', 150),
  ]);
}
