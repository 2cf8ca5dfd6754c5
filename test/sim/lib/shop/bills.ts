import type { BillRecord } from './structures';
import { percentOf } from './money';
import { invalidParameter } from '../../external/exceptions';
import type { MoodleSite } from '../../site';
import { FLOW, isBillState, LETTERABLE, PAYABLE } from './bill-flow';
import { insertRow, statement, updateVersioned } from './db';
import { shopException } from './exceptions';
import { readBill } from './records';
import { missingRecord } from './versioned';

/**
 * Bill writes (docs/shop-api.md): status transitions along the flow table, offline payments, the lettering.
 * Every one records who did it, sets `lastactiondate`, and moves the bill's version and timemodified on.
 * The invariants the server keeps: `paidcents` is the sum of the payments, recomputed from them; a status
 * change always leaves a history row.
 */

export interface BillAnswer {
  status: 'applied' | 'conflict';
  replayed: 0 | 1;
  bill: BillRecord;
}

export function billOrFail(site: MoodleSite, billid: number): BillRecord {
  const bill = readBill(site, billid);
  if (!bill) throw missingRecord('local_shop_bill', billid);
  return bill;
}

function addHistory(site: MoodleSite, billid: number, fromstatus: string, tostatus: string, userid: number, note: string): void {
  insertRow(site, 'local_shop_bill_history', {
    id: site.nextId('local_shop_bill_history'),
    billid,
    fromstatus,
    tostatus,
    timecreated: site.now(),
    userid,
    note,
  });
}

function applied(site: MoodleSite, billid: number): BillAnswer {
  return { status: 'applied', replayed: 0, bill: billOrFail(site, billid) };
}

export function transitionBill(site: MoodleSite, userid: number, billid: number, from: string, to: string, note: string): BillAnswer {
  if (!isBillState(from)) throw invalidParameter(`unknown bill status ${from}`);
  if (!isBillState(to)) throw invalidParameter(`unknown bill status ${to}`);
  // The pair is checked before the bill: a pair outside the table is a client bug whatever the bill's state.
  if (!FLOW[from].includes(to)) throw shopException('invalidtransition', `${from} -> ${to}`);
  const bill = billOrFail(site, billid);
  if (bill.status !== from) return { status: 'conflict', replayed: 0, bill };
  addHistory(site, billid, from, to, userid, note);
  updateVersioned(site, 'local_shop_bill', billid, { status: to, lastactiondate: site.now() });
  return applied(site, billid);
}

export interface PaymentInput {
  amountcents: number;
  currency: string;
  paymode: string;
  paidon: number;
  reference: string;
}

export const OFFLINE_PAYMODES = ['check', 'transfer'];

/**
 * The bill was produced before it was paid: it is PREPROD, or it went through PREPROD before a first partial
 * payment made it PARTIAL. Paying such a bill in full completes it (docs/shop-api.md: COMPLETE "when the bill
 * was PREPROD (already produced)").
 */
function alreadyProduced(bill: BillRecord): boolean {
  return bill.status === 'PREPROD' || bill.history.some((step) => step.fromstatus === 'PREPROD' || step.tostatus === 'PREPROD');
}

export function recordPayment(site: MoodleSite, userid: number, billid: number, payment: PaymentInput): BillAnswer & { paymentid: number } {
  if (payment.amountcents <= 0) throw invalidParameter(`amountcents must be positive, not ${payment.amountcents}`);
  if (!OFFLINE_PAYMODES.includes(payment.paymode)) throw invalidParameter(`paymode must be check or transfer, not ${payment.paymode}`);
  if (payment.reference.length > 100) throw invalidParameter('reference must have at most 100 characters');
  const bill = billOrFail(site, billid);
  if (!(PAYABLE as readonly string[]).includes(bill.status)) throw shopException('billnotpayable', `bill ${billid} is ${bill.status}`);
  if (payment.currency !== bill.currency) throw shopException('currencymismatch', `${payment.currency} on a ${bill.currency} bill`);
  const sum = () =>
    (
      statement(site, 'SELECT COALESCE(SUM(amountcents), 0) AS s FROM mdl_local_shop_bill_payment WHERE billid = ?').get(billid) as {
        s: number;
      }
    ).s;
  const before = sum();
  if (before + payment.amountcents > bill.amountcents) {
    throw shopException('paymentexceedsdue', `paid ${before} + ${payment.amountcents} > ${bill.amountcents} cents`);
  }
  const paymentid = site.nextId('local_shop_bill_payment');
  insertRow(site, 'local_shop_bill_payment', {
    id: paymentid,
    billid,
    amountcents: payment.amountcents,
    currency: payment.currency,
    paymode: payment.paymode,
    paidon: payment.paidon,
    reference: payment.reference,
    userid,
    timecreated: site.now(),
  });
  const paidcents = sum();
  const status = paidcents < bill.amountcents ? 'PARTIAL' : alreadyProduced(bill) ? 'COMPLETE' : 'SOLDOUT';
  if (status !== bill.status) addHistory(site, billid, bill.status, status, userid, `Payment ${paymentid} (${payment.paymode})`);
  updateVersioned(site, 'local_shop_bill', billid, { paidcents, status, paymode: payment.paymode, lastactiondate: site.now() });
  return { ...applied(site, billid), paymentid };
}

export const MAX_IDNUMBER = 64;

export function setBillLettering(site: MoodleSite, billid: number, idnumber: string): BillAnswer {
  if (idnumber.length > MAX_IDNUMBER) throw invalidParameter(`idnumber must have at most ${MAX_IDNUMBER} characters`);
  const bill = billOrFail(site, billid);
  // Removing a lettering ('') is always allowed; giving one needs a (partly) paid bill and a free number.
  if (idnumber !== '') {
    if (!(LETTERABLE as readonly string[]).includes(bill.status)) throw shopException('billnotpaid', `bill ${billid} is ${bill.status}`);
    const holder = statement(site, 'SELECT id FROM mdl_local_shop_bill WHERE idnumber = ? AND id <> ?').get(idnumber, billid) as
      { id: number } | undefined;
    if (holder) throw shopException('idnumbertaken', `bill ${holder.id} has ${idnumber}`);
  }
  updateVersioned(site, 'local_shop_bill', billid, { idnumber, lastactiondate: site.now() });
  return applied(site, billid);
}

export interface RefundInput {
  reason: string;
  lines: { billitemid: number; quantity: number; totalcents: number }[];
  refund: { amountcents: number; currency: string; paymode: string; refundedon: number; reference: string };
}

export const REFUND_PAYMODES = ['check', 'transfer', 'card', 'paypal'];
/** record_refund is accepted on invoiced bills that are paid. */
export const REFUNDABLE = ['SOLDOUT', 'COMPLETE'];

/**
 * local_shopbackoffice_record_refund (docs/shop-api.md): a credit note for all or part of an invoiced bill,
 * numbered in one chronological sequence across the site, and its refund. Each line's tax is its rate on the
 * amount credited, except a line credited up to its total, which gets the rest of its tax. The bill goes
 * through PAYBACK, then to CANCELLED when every line is credited in full, or back to the status it had.
 */
export function recordRefund(
  site: MoodleSite,
  userid: number,
  billid: number,
  input: RefundInput,
): BillAnswer & { creditnoteid: number; number: string } {
  const { refund } = input;
  if (input.reason.length > 255) throw invalidParameter('reason must have at most 255 characters');
  if (input.lines.length === 0) throw invalidParameter('a credit note credits at least one line');
  if (refund.amountcents <= 0) throw invalidParameter(`amountcents must be positive, not ${refund.amountcents}`);
  if (!REFUND_PAYMODES.includes(refund.paymode)) throw invalidParameter(`paymode must be one of ${REFUND_PAYMODES.join(', ')}`);
  if (refund.reference.length > 100) throw invalidParameter('reference must have at most 100 characters');
  const bill = billOrFail(site, billid);
  if (bill.idnumber === '' || !REFUNDABLE.includes(bill.status)) {
    throw shopException('billnotrefundable', `bill ${billid} is ${bill.status}${bill.idnumber === '' ? ', not invoiced' : ''}`);
  }
  if (refund.currency !== bill.currency) throw shopException('currencymismatch', `${refund.currency} on a ${bill.currency} bill`);
  // What is left to credit on each line, as the credit notes so far leave it.
  const left = new Map(bill.items.map((item) => [item.id, { total: item.totalcents, tax: item.taxcents, ratio: item.taxratio }]));
  for (const line of bill.creditlines) {
    const rest = left.get(line.billitemid);
    if (rest) {
      rest.total -= line.totalcents;
      rest.tax -= line.taxcents;
    }
  }
  const lines = input.lines.map((line) => {
    const rest = left.get(line.billitemid);
    if (!rest) throw shopException('itemnotinbill', `line ${line.billitemid} is not a line of bill ${billid}`);
    const against = line.totalcents === 0 || Math.sign(line.totalcents) !== Math.sign(rest.total);
    if (against || Math.abs(line.totalcents) > Math.abs(rest.total)) {
      throw shopException('creditexceedsline', `line ${line.billitemid}: ${line.totalcents} cents asked, ${rest.total} left`);
    }
    const taxcents = line.totalcents === rest.total ? rest.tax : percentOf(line.totalcents, rest.ratio);
    rest.total -= line.totalcents;
    rest.tax -= taxcents;
    return { ...line, taxratio: rest.ratio, taxcents };
  });
  const untaxedcents = lines.reduce((sum, line) => sum + line.totalcents, 0);
  const taxcents = lines.reduce((sum, line) => sum + line.taxcents, 0);
  const amountcents = untaxedcents + taxcents;
  const refunded = bill.creditnotes.reduce((sum, note) => sum + note.refundcents, 0);
  if (refund.amountcents !== amountcents || refunded + amountcents > bill.paidcents) {
    throw shopException(
      'refundmismatch',
      `refund ${refund.amountcents}, credit note ${amountcents}, paid ${bill.paidcents} of which ${refunded} refunded`,
    );
  }
  const sequence =
    (statement(site, 'SELECT COALESCE(MAX(sequence), 0) AS s FROM mdl_local_shop_bill_creditnote').get() as { s: number }).s + 1;
  const number = `AV-${new Date(site.now() * 1000).getUTCFullYear()}-${String(sequence).padStart(6, '0')}`;
  const creditnoteid = site.nextId('local_shop_bill_creditnote');
  insertRow(site, 'local_shop_bill_creditnote', {
    id: creditnoteid,
    billid,
    number,
    sequence,
    issuedat: site.now(),
    reason: input.reason,
    untaxedcents,
    taxcents,
    amountcents,
    refundcents: refund.amountcents,
    refundpaymode: refund.paymode,
    refundedon: refund.refundedon,
    refundreference: refund.reference,
    userid,
  });
  for (const line of lines) {
    insertRow(site, 'local_shop_bill_creditline', {
      id: site.nextId('local_shop_bill_creditline'),
      billid,
      creditnoteid,
      billitemid: line.billitemid,
      quantity: line.quantity,
      totalcents: line.totalcents,
      taxratio: line.taxratio,
      taxcents: line.taxcents,
    });
  }
  const settled = [...left.values()].every((rest) => rest.total === 0 && rest.tax === 0);
  const to = settled ? 'CANCELLED' : bill.status;
  addHistory(site, billid, bill.status, 'PAYBACK', userid, `Credit note ${number}`);
  addHistory(site, billid, 'PAYBACK', to, userid, `Refund ${refund.amountcents} cents (${refund.paymode})`);
  updateVersioned(site, 'local_shop_bill', billid, { status: to, lastactiondate: site.now() });
  return { ...applied(site, billid), creditnoteid, number };
}
