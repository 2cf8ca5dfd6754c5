/**
 * The plugin's flow-control table as docs/shop-api.md prints it, written here again rather than imported from
 * shared/: the simulator stands for the server, and a test compares this table with the back-office's
 * (shared/bills/bill-status.ts), so a mistake on either side shows instead of being shared.
 */
export const BILL_STATES = [
  'WORKING',
  'PLACED',
  'PENDING',
  'PREPROD',
  'PARTIAL',
  'SOLDOUT',
  'COMPLETE',
  'PAYBACK',
  'FAILED',
  'REFUSED',
  'CANCELLED',
] as const;
export type BillState = (typeof BILL_STATES)[number];

export const FLOW: Readonly<Record<BillState, readonly BillState[]>> = {
  WORKING: ['PLACED', 'PENDING', 'PARTIAL', 'CANCELLED'],
  PLACED: ['PENDING', 'PREPROD', 'SOLDOUT', 'CANCELLED'],
  PENDING: ['SOLDOUT', 'REFUSED', 'CANCELLED'],
  PREPROD: ['COMPLETE', 'PARTIAL'],
  PARTIAL: ['COMPLETE', 'PAYBACK'],
  SOLDOUT: ['COMPLETE', 'PAYBACK'],
  REFUSED: ['PENDING', 'SOLDOUT'],
  FAILED: ['SOLDOUT', 'CANCELLED'],
  PAYBACK: ['CANCELLED'],
  COMPLETE: [],
  CANCELLED: [],
};

/** local_shopbackoffice_record_payment is accepted on these (docs/shop-api.md). */
export const PAYABLE: readonly BillState[] = ['WORKING', 'PLACED', 'PENDING', 'PREPROD', 'PARTIAL', 'REFUSED', 'FAILED'];

/** local_shopbackoffice_set_bill_lettering needs one of these, else `billnotpaid`. */
export const LETTERABLE: readonly BillState[] = ['SOLDOUT', 'COMPLETE', 'PARTIAL'];

export function isBillState(status: string): status is BillState {
  return (BILL_STATES as readonly string[]).includes(status);
}
