import { table, type RowOf } from './table';

/** Totals and indexes derived from the shop's copy, kept by triggers or rebuilt after a sync; never the source of truth. Checked against the migrated schema by tables.test.ts. */

export const billItemcodesTable = table('bill_itemcodes', {
  billid: 'integer',
  codes: 'text',
});
export type BillItemcodesTableRow = RowOf<typeof billItemcodesTable>;

export const billStatusCountTable = table('bill_status_count', {
  status: 'text',
  bills: 'integer',
});
export type BillStatusCountTableRow = RowOf<typeof billStatusCountTable>;

export const customerTotalsTable = table('customer_totals', {
  customerid: 'integer',
  placed_count: 'integer',
  placed_cents: 'integer',
  pending_count: 'integer',
  pending_cents: 'integer',
  paid_count: 'integer',
  paid_cents: 'integer',
});
export type CustomerTotalsTableRow = RowOf<typeof customerTotalsTable>;

export const dashboardDayTable = table('dashboard_day', {
  currency: 'text',
  measure: 'text',
  day: 'text',
  shopid: 'integer',
  code: 'text',
  itemid: 'integer',
  cents: 'integer',
  bills: 'integer',
});
export type DashboardDayTableRow = RowOf<typeof dashboardDayTable>;

export const dashboardStaleTable = table('dashboard_stale', {
  day: 'text',
});
export type DashboardStaleTableRow = RowOf<typeof dashboardStaleTable>;

export const dashboardCustomerTable = table('dashboard_customer', {
  currency: 'text',
  customerid: 'integer',
  cents: 'integer',
});
export type DashboardCustomerTableRow = RowOf<typeof dashboardCustomerTable>;

export const dashboardStageTable = table('dashboard_stage', {
  status: 'text',
  currency: 'text',
  shopid: 'integer',
  bills: 'integer',
  cents: 'integer',
});
export type DashboardStageTableRow = RowOf<typeof dashboardStageTable>;
