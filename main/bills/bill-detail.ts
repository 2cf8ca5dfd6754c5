import { BILL_TRANSITIONS, type BillStatus } from '../../shared/bills/bill-status';
import type { BillDetail } from '../../shared/contract/bills';
import type { ReadableDb } from '../db/open';
import { overlay } from '../sync/overlay';
import { applyPending, pendingBillEntries, serverStates } from './bill-overlay';
import { readBillRows } from './bill-rows';
import { refusal } from '../../shared/errors/error-text';
import { creditLeftOf, creditNotesOf, REFUNDABLE_STATUSES } from './credit-notes';

type Line = BillDetail['lines'][number];

/**
 * One bill as the bill screen shows it: the server's copy with the outbox laid over it. Pending payments are
 * listed (with negative ids, as records made offline are) and pending state changes appear in the history,
 * so what is shown adds up: paid = the sum of the payments, and the status is the last step of the history.
 */
export function getBillDetail(db: ReadableDb, id: number): BillDetail {
  const [row] = readBillRows(db, [id]);
  const bill = db
    .prepare(
      'SELECT shopid AS shopId, customerid, discountcents, shippingcents, productionfeedback, invoiceinfo, status FROM bill WHERE id = ?',
    )
    .get(id) as
    | {
        shopId: number;
        customerid: number;
        discountcents: number;
        shippingcents: number;
        productionfeedback: string;
        invoiceinfo: string;
        status: BillStatus;
      }
    | undefined;
  if (!row || !bill) throw refusal('bill_not_found', 'bill.notInCache', { id }, { id });

  const lines = db
    .prepare<unknown[], Line>(
      `SELECT id, type, itemcode, abstract, unitcents, quantity, totalcents, taxratio, taxcents
       FROM bill_item WHERE billid = ? ORDER BY ordering, id`,
    )
    .all(id);

  const payments = db
    .prepare<unknown[], BillDetail['payments'][number]>(
      'SELECT id, amountcents, paymode, paidon, reference FROM bill_payment WHERE billid = ? ORDER BY paidon, id',
    )
    .all(id);
  const history = db
    .prepare<unknown[], BillDetail['history'][number]>(
      'SELECT fromstatus, tostatus, timecreated, note FROM bill_history WHERE billid = ? ORDER BY timecreated, id',
    )
    .all(id);
  const entries = pendingBillEntries(db, [id]).get(id) ?? [];
  const server = serverStates(db, [id]).get(id)!;
  // Replayed one entry at a time, so each pending step shows where the shop will record it.
  let status = server.status;
  for (const [index, entry] of entries.entries()) {
    const after = applyPending(server, entries.slice(0, index + 1));
    if (entry.kind === 'bill.payment') {
      const p = entry.payload as { amountcents: number; paymode: string; paidon: number; reference: string };
      payments.push({ id: -entry.seq, amountcents: p.amountcents, paymode: p.paymode, paidon: p.paidon, reference: p.reference });
    }
    if (after.status !== status) {
      const note = entry.kind === 'bill.transition' ? (entry.payload as { note: string }).note : '';
      history.push({ fromstatus: status, tostatus: after.status, timecreated: Math.floor(entry.createdAt / 1000), note });
      status = after.status;
    }
  }

  const creditNotes = creditNotesOf(db, id, entries);
  const creditLeft = creditLeftOf(lines, creditNotes);

  const serverCustomer = db
    .prepare<unknown[], BillDetail['customer']>(
      'SELECT id, firstname, lastname, email, organisation, address, zip, city, country, hasaccount FROM customer WHERE id = ?',
    )
    .get(bill.customerid);
  const customer = serverCustomer ? overlay(db, 'customers', [serverCustomer])[0] : undefined;

  const products = db
    .prepare<unknown[], BillDetail['products'][number]>(
      `SELECT p.id, p.reference, coalesce(ci.code, bi.itemcode, '') AS itemcode, p.startdate, p.enddate
       FROM product p
       LEFT JOIN catalog_item ci ON ci.id = p.catalogitemid
       LEFT JOIN bill_item bi ON bi.id = p.initialbillitemid
       WHERE p.deleted = 0 AND p.id IN (
         SELECT id FROM product WHERE currentbillitemid IN (SELECT id FROM bill_item WHERE billid = ?)
         UNION SELECT id FROM product WHERE initialbillitemid IN (SELECT id FROM bill_item WHERE billid = ?))
       ORDER BY p.id`,
    )
    .all(id, id);

  return {
    bill: {
      ...row,
      discountcents: bill.discountcents,
      shippingcents: bill.shippingcents,
      productionfeedback: bill.productionfeedback,
      invoiceinfo: bill.invoiceinfo,
      shopId: bill.shopId,
    },
    customer: customer
      ? pick(customer, ['id', 'firstname', 'lastname', 'email', 'organisation', 'address', 'zip', 'city', 'country', 'hasaccount'])
      : {
          id: bill.customerid,
          firstname: '',
          lastname: '',
          email: '',
          organisation: '',
          address: '',
          zip: '',
          city: '',
          country: '',
          hasaccount: 0,
        },
    lines,
    taxesByRate: taxesByRate(lines),
    payments,
    history,
    products,
    creditNotes,
    creditLeft,
    refundable:
      row.idnumber !== '' &&
      (REFUNDABLE_STATUSES as readonly string[]).includes(row.status) &&
      Object.values(creditLeft).some((left) => left !== 0),
    allowedTransitions: [...BILL_TRANSITIONS[row.status]],
    dueCents: Math.max(0, row.amountcents - row.paidcents),
  };
}

/** The VAT breakdown: lines grouped by rate, untaxed and tax summed exactly (integer cents, no rounding). */
export function taxesByRate(lines: readonly Pick<Line, 'taxratio' | 'totalcents' | 'taxcents'>[]): BillDetail['taxesByRate'] {
  const byRate = new Map<number, { taxratio: number; untaxedcents: number; taxcents: number }>();
  for (const line of lines) {
    const rate = byRate.get(line.taxratio) ?? { taxratio: line.taxratio, untaxedcents: 0, taxcents: 0 };
    rate.untaxedcents += line.totalcents;
    rate.taxcents += line.taxcents;
    byRate.set(line.taxratio, rate);
  }
  return [...byRate.values()].sort((a, b) => a.taxratio - b.taxratio);
}

function pick<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, record[key]])) as Pick<T, K>;
}
