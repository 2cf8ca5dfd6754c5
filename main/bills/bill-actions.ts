import type { BillTableRow } from '../db/tables';
import { BILL_TRANSITIONS, PAYABLE_STATUSES, type BillStatus } from '../../shared/bills/bill-status';
import type { BillDetail } from '../../shared/contract/bills';
import type { Db } from '../db/open';
import { enqueue } from '../sync/outbox';
import { overlaidState } from './bill-overlay';
import { getBillDetail } from './bill-detail';
import { refusal } from '../../shared/errors/error-text';

/**
 * The operator's actions on a bill. Each is checked against the bill as the operator sees it (the server's
 * copy with the changes already queued), then queued for the shop in the same transaction as that check, so
 * two quick clicks cannot both pass it. The shop checks again when the change arrives; what it refuses is
 * parked in the outbox with its reason.
 */

function currentBill(db: Db, id: number) {
  const bill = overlaidState(db, id);
  if (!bill) throw refusal('bill_not_found', 'bill.notInCache', { id }, { id });
  // overlaidState found the bill: its row is there.
  const { version, currency } = db
    .prepare<[number], Pick<BillTableRow, 'version' | 'currency'>>('SELECT version, currency FROM bill WHERE id = ?')
    .get(id)!;
  return { ...bill, version, currency };
}

/** A bill after an action, with the outbox entry the action queued (for undo). */
export type QueuedBill = BillDetail & { queued: number[] };

export function transitionBill(db: Db, input: { id: number; to: BillStatus; note: string }): QueuedBill {
  const seq = db.transaction(() => {
    const bill = currentBill(db, input.id);
    const allowed = BILL_TRANSITIONS[bill.status];
    if (!allowed.includes(input.to)) {
      const details = { id: input.id, from: bill.status, to: input.to, allowed: [...allowed] };
      throw allowed.length === 0
        ? refusal('bill_transition_not_allowed', 'bill.noTransition', { id: input.id, status: { status: bill.status } }, details)
        : refusal(
            'bill_transition_not_allowed',
            'bill.transitionNotAllowed',
            { id: input.id, status: { status: bill.status }, allowed: { statuses: allowed }, to: { status: input.to } },
            details,
          );
    }
    return enqueue(db, {
      kind: 'bill.transition',
      entityId: input.id,
      baseVersion: bill.version,
      payload: { fromstatus: bill.status, tostatus: input.to, note: input.note },
    }).seq;
  })();
  return { ...getBillDetail(db, input.id), queued: [seq] };
}

/** An offline payment (check, transfer). Its status effect follows the amounts, as local_shopbackoffice_record_payment does. */
export function recordPayment(
  db: Db,
  input: { id: number; amountcents: number; paymode: 'check' | 'transfer'; paidon: number; reference: string },
): QueuedBill {
  const seq = db.transaction(() => {
    const bill = currentBill(db, input.id);
    if (!PAYABLE_STATUSES.includes(bill.status)) {
      throw refusal(
        'bill_not_payable',
        'bill.notPayable',
        { id: input.id, status: { status: bill.status }, payable: { statuses: PAYABLE_STATUSES } },
        { id: input.id, status: bill.status },
      );
    }
    const due = bill.amountcents - bill.paidcents;
    if (input.amountcents > due) {
      throw refusal(
        'payment_exceeds_due',
        'bill.paymentExceedsDue',
        { id: input.id, due: { cents: due, currency: bill.currency } },
        { id: input.id, dueCents: due, amountcents: input.amountcents },
      );
    }
    return enqueue(db, {
      kind: 'bill.payment',
      entityId: input.id,
      baseVersion: bill.version,
      // The bill's own currency: the shop refuses any other, so none other can be sent.
      payload: {
        amountcents: input.amountcents,
        currency: bill.currency,
        paymode: input.paymode,
        paidon: input.paidon,
        reference: input.reference,
      },
    }).seq;
  })();
  return { ...getBillDetail(db, input.id), queued: [seq] };
}
