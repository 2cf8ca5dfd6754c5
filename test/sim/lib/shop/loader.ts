import type {
  BillRecord,
  CatalogItemRecord,
  CatalogRecord,
  CategoryRecord,
  CustomerRecord,
  ProductEventRecord,
  ProductRecord,
  ShopRecord,
  TaxRecord,
} from './structures';
import type { MoodleSite, SqlValue } from '../../site';
import { isBillState } from './bill-flow';
import { insertSql, statement } from './db';
import { READERS, tierColumns, type Row } from './records';
import { billItemKeys, columnsOf, creditLineKeys, creditNoteKeys, historyKeys, paymentKeys } from './structures';

/**
 * Puts wire records (structures.ts) into the shop tables as they are, ids, versions and times
 * included: what a seeder or a test's "server side" needs, with no checks a write would make. One prepared
 * statement per table, rows bound positionally, so a seeding run is bound by SQLite, not by JavaScript.
 *
 * Bills are checked against the invariants the server keeps (docs/shop-api.md): data that breaks them would
 * make every later test doubt the simulator instead of the client.
 */

type Insert = (values: SqlValue[]) => void;

function inserter(site: MoodleSite, table: string, columns: readonly string[]): Insert {
  const prepared = statement(site, insertSql(table, columns));
  // An array binds as the anonymous parameters, without spreading it into arguments first.
  return (values) => {
    prepared.run(values);
  };
}

const pick = (record: object, columns: readonly string[]): SqlValue[] => columns.map((c) => (record as Row)[c] ?? null);

const ITEM_OWN_COLUMNS = READERS.catalogitems.columns.filter((c) => !/^(range|price)\d/.test(c));
const TIER_NAMES = Object.keys(tierColumns([]));
const LINE_COLUMNS = ['billid', ...columnsOf(billItemKeys)];
const PAYMENT_COLUMNS = ['billid', 'currency', ...columnsOf(paymentKeys)];
const HISTORY_COLUMNS = ['billid', ...columnsOf(historyKeys)];
// A credit note's sequence is its number's last digits (AV-2026-000042): a loaded one keeps its place in line.
const CREDIT_NOTE_COLUMNS = ['billid', 'sequence', ...columnsOf(creditNoteKeys)];
const CREDIT_LINE_COLUMNS = ['billid', ...columnsOf(creditLineKeys)];

export class BillInvariantError extends Error {}

export function checkBillInvariants(bill: BillRecord): void {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const problems = [
    !isBillState(bill.status) && `status ${bill.status} is not a bill status`,
    bill.amountcents !== bill.untaxedcents + bill.taxcents && 'amountcents != untaxedcents + taxcents',
    bill.untaxedcents !== sum(bill.items.map((i) => i.totalcents)) && "untaxedcents != sum of the lines' totalcents",
    bill.taxcents !== sum(bill.items.map((i) => i.taxcents)) && "taxcents != sum of the lines' taxcents",
    bill.paidcents !== sum(bill.payments.map((p) => p.amountcents)) && 'paidcents != sum of the payments',
  ].filter(Boolean);
  if (problems.length > 0) throw new BillInvariantError(`bill ${bill.id}: ${problems.join('; ')}`);
}

export class ShopLoader {
  private readonly shopRow: Insert;
  private readonly taxRow: Insert;
  private readonly catalogRow: Insert;
  private readonly categoryRow: Insert;
  private readonly itemRow: Insert;
  private readonly customerRow: Insert;
  private readonly billRow: Insert;
  private readonly lineRow: Insert;
  private readonly paymentRow: Insert;
  private readonly historyRow: Insert;
  private readonly creditNoteRow: Insert;
  private readonly creditLineRow: Insert;
  private readonly productRow: Insert;
  private readonly eventRow: Insert;

  constructor(site: MoodleSite) {
    this.shopRow = inserter(site, READERS.shops.table, READERS.shops.columns);
    this.taxRow = inserter(site, READERS.taxes.table, READERS.taxes.columns);
    this.catalogRow = inserter(site, READERS.catalogs.table, READERS.catalogs.columns);
    this.categoryRow = inserter(site, READERS.categories.table, READERS.categories.columns);
    this.itemRow = inserter(site, READERS.catalogitems.table, [...ITEM_OWN_COLUMNS, ...TIER_NAMES]);
    this.customerRow = inserter(site, READERS.customers.table, READERS.customers.columns);
    this.billRow = inserter(site, READERS.bills.table, READERS.bills.columns);
    this.lineRow = inserter(site, 'local_shop_billitem', LINE_COLUMNS);
    this.paymentRow = inserter(site, 'local_shop_bill_payment', PAYMENT_COLUMNS);
    this.historyRow = inserter(site, 'local_shop_bill_history', HISTORY_COLUMNS);
    this.creditNoteRow = inserter(site, 'local_shop_bill_creditnote', CREDIT_NOTE_COLUMNS);
    this.creditLineRow = inserter(site, 'local_shop_bill_creditline', CREDIT_LINE_COLUMNS);
    this.productRow = inserter(site, READERS.products.table, READERS.products.columns);
    this.eventRow = inserter(site, READERS.productevents.table, READERS.productevents.columns);
  }

  shop(record: ShopRecord): void {
    this.shopRow(pick(record, READERS.shops.columns));
  }

  tax(record: TaxRecord): void {
    this.taxRow(pick(record, READERS.taxes.columns));
  }

  catalog(record: CatalogRecord): void {
    this.catalogRow(pick(record, READERS.catalogs.columns));
  }

  category(record: CategoryRecord): void {
    this.categoryRow(pick(record, READERS.categories.columns));
  }

  catalogItem(record: CatalogItemRecord): void {
    const tiers = tierColumns(record.prices);
    this.itemRow([...pick(record, ITEM_OWN_COLUMNS), ...TIER_NAMES.map((c) => tiers[c] ?? 0)]);
  }

  customer(record: CustomerRecord): void {
    this.customerRow(pick(record, READERS.customers.columns));
  }

  bill(record: BillRecord): void {
    checkBillInvariants(record);
    this.billRow(pick(record, READERS.bills.columns));
    for (const line of record.items) this.lineRow([record.id, ...pick(line, LINE_COLUMNS.slice(1))]);
    for (const payment of record.payments) this.paymentRow([record.id, record.currency, ...pick(payment, PAYMENT_COLUMNS.slice(2))]);
    for (const step of record.history) this.historyRow([record.id, ...pick(step, HISTORY_COLUMNS.slice(1))]);
    for (const note of record.creditnotes ?? []) {
      this.creditNoteRow([record.id, Number(/(\d+)$/.exec(note.number)?.[1] ?? note.id), ...pick(note, CREDIT_NOTE_COLUMNS.slice(2))]);
    }
    for (const line of record.creditlines ?? []) this.creditLineRow([record.id, ...pick(line, CREDIT_LINE_COLUMNS.slice(1))]);
  }

  product(record: ProductRecord): void {
    this.productRow(pick(record, READERS.products.columns));
  }

  productEvent(record: ProductEventRecord): void {
    this.eventRow(pick(record, READERS.productevents.columns));
  }
}
