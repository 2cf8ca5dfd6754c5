import type { BillRecord } from '../../../../main/shop-api/records';
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
