/**
 * Bill states and the plugin's flow-control table (../shared/reference/local_shop.md): the only transitions
 * the shop accepts, so the only ones the back-office offers.
 */
export const BILL_STATUSES = [
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
export type BillStatus = (typeof BILL_STATUSES)[number];

export const BILL_TRANSITIONS: Readonly<Record<BillStatus, readonly BillStatus[]>> = {
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

export function isAllowedTransition(from: BillStatus, to: BillStatus): boolean {
  return BILL_TRANSITIONS[from].includes(to);
}

/** Where an offline payment may be recorded (docs/shop-api.md, local_shopbackoffice_record_payment). */
export const PAYABLE_STATUSES: readonly BillStatus[] = ['WORKING', 'PLACED', 'PENDING', 'PREPROD', 'PARTIAL', 'REFUSED', 'FAILED'];

/** Where a lettering may be set: the bill has been (at least partly) paid. */
export const LETTERABLE_STATUSES: readonly BillStatus[] = ['SOLDOUT', 'COMPLETE', 'PARTIAL'];
