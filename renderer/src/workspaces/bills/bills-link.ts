import type { BillFilter } from '../../../../shared/contract';
import type { BillStatus } from '../../../../shared/bills/bill-status';
import { hashOf } from '../../shell/workspaces';

/**
 * A figure of another workspace (the dashboard) opening the bills behind it: the filter travels to Bills with
 * the words that say what it is, and Bills shows them above the table with a way back to every bill. The
 * status goes to the status tabs; the rest (a currency, a shop, a payment date…) has no field in the filter
 * panel, so it is held beside it.
 */
export interface BillsLink {
  /** What the filter is, in the operator's language: "Paid, not produced". */
  label: string;
  currency: string;
  status: BillStatus | null;
  /** The filter without its status. */
  filter: BillFilter;
}

let waiting: BillsLink | null = null;

export function linkOf(filter: BillFilter, label: string): BillsLink {
  const { status, ...rest } = filter;
  return { label, currency: filter.currency ?? '', status: status ?? null, filter: rest };
}

/** Opens Bills on those bills. */
export function openBills(filter: BillFilter, label: string): void {
  waiting = linkOf(filter, label);
  window.location.hash = hashOf('bills');
}

/** The link Bills was opened with, once: taken when Bills mounts. */
export function takeBillsLink(): BillsLink | null {
  const link = waiting;
  waiting = null;
  return link;
}
