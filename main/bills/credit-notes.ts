import { refusal } from '../../shared/errors/error-text';
import type { BillCreditLineTableRow, BillItemTableRow, BillTableRow } from '../db/tables';
import type { BillDetail, CreditNote } from '../../shared/contract/bills';
import type { Db, ReadableDb } from '../db/open';
import type { OutboxEntry } from '../sync/outbox';
import { enqueue } from '../sync/outbox';
import type { OutboxPayload } from '../sync/outbox-kinds';
import { overlaidState, pendingBillEntries } from './bill-overlay';
import { getBillDetail } from './bill-detail';
import { creditLines, linesLeft, type CreditAsked } from '../../shared/bills/credit-note-rules';

/**
 * Credit notes (factures d'avoir) and refunds of a bill: the ones the shop issued (the server's copy, numbered
 * by the shop in one sequence across the site) and the one waiting in the outbox. Issuing one is checked here
 * with the shop's own rules (credit-note-rules.ts) and queued as one change, 'bill.refund'
 * (local_shopbackoffice_record_refund): the shop numbers it when it arrives, so two back-offices never give two
 * credit notes one number, and the bill goes through PAYBACK to CANCELLED or back to paid.
 */

/** States in which the shop issues a credit note (with a lettering: the bill was invoiced). */
export const REFUNDABLE_STATUSES = ['SOLDOUT', 'COMPLETE'] as const;

type Refund = OutboxPayload<'bill.refund'>;

interface CreditRow extends Omit<CreditNote, 'pending' | 'lines'> {
  billid: number;
}

/** A line's amounts, which a credit note takes back in part or whole. */
type ItemAmounts = Pick<BillItemTableRow, 'id' | 'totalcents' | 'taxcents' | 'taxratio'>;
const ITEM_AMOUNTS = 'SELECT id, totalcents, taxcents, taxratio FROM bill_item WHERE billid = ?';
/** The bill's version and currency, read inside the transaction that found the bill (so it is there). */
const BILL_VERSION = 'SELECT version, currency FROM bill WHERE id = ?';

/** The credit notes of a bill: the shop's, then the one waiting to be sent (negative id, no number yet). */
export function creditNotesOf(db: ReadableDb, billId: number, entries: readonly OutboxEntry[]): CreditNote[] {
  const notes = db
    .prepare<unknown[], CreditRow>(
      `SELECT id, number, issuedat, reason, untaxedcents, taxcents, amountcents, refundcents, refundpaymode, refundedon, refundreference
       FROM bill_credit_note WHERE billid = ? ORDER BY issuedat, id`,
    )
    .all(billId);
  const lines = db
    .prepare<[number], CreditNote['lines'][number] & Pick<BillCreditLineTableRow, 'creditnoteid'>>(
      'SELECT creditnoteid, billitemid, quantity, totalcents, taxratio, taxcents FROM bill_credit_line WHERE billid = ? ORDER BY id',
    )
    .all(billId);
  const issued: CreditNote[] = notes.map((note) => ({
    ...note,
    pending: null,
    lines: lines.filter((line) => line.creditnoteid === note.id).map(({ creditnoteid: _note, ...line }) => line),
  }));
  const items = db.prepare<[number], ItemAmounts>(ITEM_AMOUNTS).all(billId);
  const waiting: CreditNote[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'bill.refund') continue;
    const payload = entry.payload as Refund;
    // Its tax as the shop will compute it, from what the credit notes before it leave.
    const left = linesLeft(
      items,
      [...issued, ...waiting].flatMap((note) => note.lines),
    );
    const computed = creditLines(left, payload.lines);
    const credited = 'lines' in computed ? computed.lines : [];
    const untaxedcents = credited.reduce((sum, line) => sum + line.totalcents, 0);
    const taxcents = credited.reduce((sum, line) => sum + line.taxcents, 0);
    waiting.push({
      id: -entry.seq,
      number: '',
      issuedat: Math.floor(entry.createdAt / 1000),
      reason: payload.reason,
      untaxedcents,
      taxcents,
      amountcents: untaxedcents + taxcents,
      refundcents: payload.refund.amountcents,
      refundpaymode: payload.refund.paymode,
      refundedon: payload.refund.refundedon,
      refundreference: payload.refund.reference,
      pending: { state: entry.state, message: entry.errorMessage, text: entry.errorText },
      lines: credited.map(({ billitemid, quantity, totalcents, taxratio, taxcents: tax }) => ({
        billitemid,
        quantity,
        totalcents,
        taxratio,
        taxcents: tax,
      })),
    });
  }
  return [...issued, ...waiting];
}

/** Untaxed cents left to credit per line, once every credit note (issued or waiting) is taken off. */
export function creditLeftOf(lines: BillDetail['lines'], notes: readonly CreditNote[]): Record<string, number> {
  const left = linesLeft(
    lines,
    notes.flatMap((note) => note.lines),
  );
  return Object.fromEntries([...left].map(([id, rest]) => [String(id), rest.total]));
}

/** Issues a credit note for `lines` and queues its refund (its total incl. tax), in one transaction with the checks. */
export function issueCreditNote(
  db: Db,
  input: {
    id: number;
    reason: string;
    lines: CreditAsked[];
    refund: { paymode: Refund['refund']['paymode']; refundedon: number; reference: string };
  },
): BillDetail {
  db.transaction(() => {
    const bill = overlaidState(db, input.id);
    if (!bill) throw refusal('bill_not_found', 'bill.notInCache', { id: input.id }, { id: input.id });
    const { version, currency } = db.prepare<[number], Pick<BillTableRow, 'version' | 'currency'>>(BILL_VERSION).get(input.id)!;
    if (bill.idnumber === '' || !(REFUNDABLE_STATUSES as readonly string[]).includes(bill.status)) {
      const details = { id: input.id, status: bill.status, invoiced: bill.idnumber !== '' };
      if (bill.idnumber === '') throw refusal('bill_not_refundable', 'creditNote.notInvoiced', { id: input.id }, details);
      // PAYBACK: the credit note before this one has not reached the shop yet.
      if (bill.status === 'PAYBACK') throw refusal('bill_not_refundable', 'creditNote.waiting', { id: input.id }, details);
      throw refusal(
        'bill_not_refundable',
        'creditNote.notPaid',
        { id: input.id, status: { status: bill.status }, refundable: { statuses: REFUNDABLE_STATUSES } },
        details,
      );
    }
    const entries = pendingBillEntries(db, [input.id]).get(input.id) ?? [];
    const notes = creditNotesOf(db, input.id, entries);
    const items = db.prepare<[number], ItemAmounts>(ITEM_AMOUNTS).all(input.id);
    const left = linesLeft(
      items,
      notes.flatMap((note) => note.lines),
    );
    const computed = creditLines(left, input.lines);
    if ('refusal' in computed) {
      const refused = computed.refusal;
      const details = { id: input.id, billitemid: refused.billitemid, leftCents: refused.left };
      throw refused.code === 'itemnotinbill'
        ? refusal('bill_not_found', 'creditNote.lineNotInBill', { id: input.id, line: refused.billitemid }, details)
        : refusal(
            'credit_exceeds_line',
            'creditNote.lineExceeded',
            { id: input.id, line: refused.billitemid, left: { cents: refused.left, currency } },
            details,
          );
    }
    const amountcents = computed.lines.reduce((sum, line) => sum + line.totalcents + line.taxcents, 0);
    const refunded = notes.reduce((sum, note) => sum + note.refundcents, 0);
    if (amountcents <= 0 || refunded + amountcents > bill.paidcents) {
      const details = { id: input.id, amountcents, paidcents: bill.paidcents, refundedcents: refunded };
      const money = (cents: number) => ({ cents, currency });
      throw amountcents <= 0
        ? refusal('credit_exceeds_line', 'creditNote.notPositive', { amount: money(amountcents) }, details)
        : refusal(
            'credit_exceeds_line',
            'creditNote.exceedsPaid',
            { amount: money(amountcents), paid: money(bill.paidcents), refunded: money(refunded) },
            details,
          );
    }
    enqueue(db, {
      kind: 'bill.refund',
      entityId: input.id,
      baseVersion: version,
      payload: {
        reason: input.reason,
        lines: input.lines.map((line) => ({ ...line })),
        refund: { ...input.refund, amountcents, currency },
      },
    });
  })();
  return getBillDetail(db, input.id);
}
