import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INVOICING } from '../../test/support/demo-invoicing';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import ExcelJS from 'exceljs';
import { getCustomer } from '../customers/customer-query';
import { writeBillsXlsx } from '../exports/bills-xlsx';
import { writeCreditNotesPdf } from '../exports/credit-notes-pdf';
import type { ExportJob } from '../exports/export-jobs';
import { discardEntry, listEntries, park } from '../sync/outbox';
import { errorTextOf, refusal } from '../../shared/errors/error-text';
import { getBillDetail } from './bill-detail';
import { issueCreditNote } from './credit-notes';

const run = promisify(execFile);
let cache: SyncedCache;
let dir: string;
const job: ExportJob = { exportId: 'credit', signal: new AbortController().signal, progress: () => {}, throwIfCancelled: () => {} };

beforeAll(async () => {
  cache = await syncedCache({ bills: 200 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-credit-'));
}, 60_000);
afterAll(async () => {
  await cache?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

let picked = 0;
/** An invoiced, paid bill with two lines or more at a positive rate; the same one for every test of this file. */
function pickBill(): number {
  picked ||= cache.db
    .prepare(
      `SELECT b.id FROM bill b WHERE b.idnumber <> '' AND b.status IN ('SOLDOUT', 'COMPLETE') AND b.paidcents = b.amountcents
         AND (SELECT count(*) FROM bill_item WHERE billid = b.id AND totalcents > 0 AND taxratio > 0) >= 1
         AND (SELECT count(*) FROM bill_item WHERE billid = b.id) >= 2
       ORDER BY b.id LIMIT 1`,
    )
    .pluck()
    .get() as number;
  return picked;
}

describe('a credit note and its refund', () => {
  it('is checked and queued, shows PAYBACK until the shop numbers it, then the bill is back to paid with the credit note', async () => {
    const id = pickBill();
    const before = getBillDetail(cache.db, id);
    expect(before.refundable).toBe(true);
    const line = before.lines.find((l) => l.totalcents > 0 && l.taxratio > 0)!;
    const part = Math.floor(line.totalcents / 3);
    // More than is left on the line: refused before anything is queued.
    expect(() =>
      issueCreditNote(cache.db, {
        id,
        reason: '',
        lines: [{ billitemid: line.id, quantity: 1, totalcents: line.totalcents + 1 }],
        refund: { paymode: 'transfer', refundedon: 1_790_000_000, reference: '' },
      }),
    ).toThrow(expect.objectContaining({ code: 'credit_exceeds_line' }));
    expect(listEntries(cache.db)).toEqual([]);

    const waiting = issueCreditNote(cache.db, {
      id,
      reason: 'Seat cancelled',
      lines: [{ billitemid: line.id, quantity: 0, totalcents: part }],
      refund: { paymode: 'transfer', refundedon: 1_790_000_000, reference: 'VIR-AV-1' },
    });
    const tax = Math.round((part * line.taxratio) / 10_000);
    expect(waiting.bill.status).toBe('PAYBACK');
    expect(waiting.refundable).toBe(false);
    expect(waiting.creditNotes).toEqual([
      expect.objectContaining({
        number: '',
        untaxedcents: part,
        amountcents: part + tax,
        refundcents: part + tax,
        pending: { state: 'pending', message: null, text: null },
      }),
    ]);
    // A second one waits for the first to reach the shop.
    expect(() =>
      issueCreditNote(cache.db, {
        id,
        reason: '',
        lines: [{ billitemid: line.id, quantity: 0, totalcents: 1 }],
        refund: { paymode: 'transfer', refundedon: 1_790_000_000, reference: '' },
      }),
    ).toThrow(expect.objectContaining({ code: 'bill_not_refundable' }));
    // The customer's totals count it already, as waiting, as the bill's detail lists it.
    const customerId = cache.db.prepare('SELECT customerid FROM bill WHERE id = ?').pluck().get(id) as number;
    const creditsOf = () => getCustomer(cache.db, customerId, { siteUrl: null, now: 1_790_000_000 }).credits;
    const earlier = cache.db
      .prepare('SELECT count(*) FROM bill_credit_note n JOIN bill b ON b.id = n.billid WHERE b.customerid = ?')
      .pluck()
      .get(customerId) as number;
    expect(creditsOf()).toMatchObject({ count: earlier + 1, waiting: 1 });

    expect((await cache.engine.start('manual')).outcome).toBe('done');
    expect(creditsOf()).toMatchObject({ count: earlier + 1, waiting: 0 });
    const after = getBillDetail(cache.db, id);
    expect(after.bill.status).toBe(before.bill.status);
    expect(after.creditNotes).toEqual([
      expect.objectContaining({ number: expect.stringMatching(/^AV-\d{4}-000001$/), untaxedcents: part, taxcents: tax, pending: null }),
    ]);
    expect(after.creditLeft[String(line.id)]).toBe(line.totalcents - part);
    expect(after.history.slice(-2).map((step) => step.tostatus)).toEqual(['PAYBACK', before.bill.status]);
    // The shop has it, as the cache does.
    expect(cache.sim.shop.read('bills', id)?.creditnotes).toEqual([
      expect.objectContaining({ number: after.creditNotes[0]!.number, amountcents: part + tax }),
    ]);

    // Its PDF: number, original invoice, amounts to the cent, the refund.
    const file = path.join(dir, 'avoir.pdf');
    await writeCreditNotesPdf({
      db: cache.db,
      ids: [after.creditNotes[0]!.id],
      target: { file },
      locale: 'fr',
      invoicing: DEMO_INVOICING,
      job,
    });
    const { stdout } = await run('pdftotext', ['-layout', file, '-']);
    const text = stdout.replace(/[ \u00a0\u202f\u2007]+/g, ' ');
    const euros = (cents: number) =>
      `${String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(cents % 100).padStart(2, '0')} €`;
    expect(text).toContain('FACTURE D’AVOIR');
    expect(text).toContain(`Avoir n° ${after.creditNotes[0]!.number}`);
    expect(text).toContain(`Facture d’origine : n° ${after.bill.idnumber}`);
    expect(text).toContain(`Total HT ${euros(part)}`);
    expect(text).toContain(`Total TVA ${euros(tax)}`);
    expect(text).toContain(`Total TTC de l’avoir ${euros(part + tax)}`);
    expect(text).toContain(`Remboursement de ${euros(part + tax)} par virement bancaire`);
    expect(text).toContain('Motif : Seat cancelled');
    expect(text).toContain('RCS Lyon 842 105 371');
  }, 60_000);

  it('credits the rest of the bill in full: CANCELLED, and the credit notes add up to the bill to the cent', async () => {
    const id = pickBill();
    const detail = getBillDetail(cache.db, id);
    const rest = detail.lines
      .filter((line) => (detail.creditLeft[String(line.id)] ?? 0) !== 0)
      .map((line) => ({ billitemid: line.id, quantity: line.quantity, totalcents: detail.creditLeft[String(line.id)]! }));
    issueCreditNote(cache.db, {
      id,
      reason: 'Order cancelled',
      lines: rest,
      refund: { paymode: 'check', refundedon: 1_790_000_000, reference: 'CHQ-9' },
    });
    expect((await cache.engine.start('manual')).outcome).toBe('done');
    const after = getBillDetail(cache.db, id);
    expect(after.bill.status).toBe('CANCELLED');
    const sum = (key: 'untaxedcents' | 'taxcents' | 'amountcents' | 'refundcents') =>
      after.creditNotes.reduce((total, note) => total + note[key], 0);
    expect([sum('untaxedcents'), sum('taxcents'), sum('amountcents'), sum('refundcents')]).toEqual([
      after.bill.untaxedcents,
      after.bill.taxcents,
      after.bill.amountcents,
      after.bill.amountcents,
    ]);
    expect(after.refundable).toBe(false);
  }, 60_000);

  it('shows in the customer’s totals and in the workbook’s credit notes sheet, negative, to the cent', async () => {
    const id = pickBill();
    const detail = getBillDetail(cache.db, id);
    const customerId = cache.db.prepare('SELECT customerid FROM bill WHERE id = ?').pluck().get(id) as number;
    const credits = getCustomer(cache.db, customerId, { siteUrl: null, now: 1_790_000_000 }).credits;
    const issued = detail.creditNotes;
    expect(issued.length).toBe(2);
    expect(credits).toEqual({
      count: 2,
      creditedCents: issued.reduce((sum, note) => sum + note.amountcents, 0),
      refundedCents: issued.reduce((sum, note) => sum + note.refundcents, 0),
      waiting: 0,
    });
    const file = path.join(dir, 'bills.xlsx');
    const written = await writeBillsXlsx({ db: cache.db, ids: [id], columns: ['id', 'idnumber', 'amountcents'], file, locale: 'fr', job });
    expect(written).toEqual({ bills: 1, lines: detail.lines.length, creditNotes: 2 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('Avoirs')!;
    const rows = [2, 3].map((index) => sheet.getRow(index).values as unknown[]);
    expect(rows.map((row) => row[1])).toEqual(issued.map((note) => note.number));
    // Untaxed, VAT, total, refunded: negative, in euros as real numbers.
    expect(rows.map((row) => row.slice(6, 10))).toEqual(
      issued.map((note) => [-note.untaxedcents / 100, -note.taxcents / 100, -note.amountcents / 100, -note.refundcents / 100]),
    );
  }, 60_000);

  it('shows a refund the shop refused with the refusal’s text, for the window to word in its language', () => {
    // Another invoiced, paid bill with a line left to credit: its refund is queued, then the shop refuses it.
    const id = cache.db
      .prepare(
        `SELECT b.id FROM bill b WHERE b.idnumber <> '' AND b.status IN ('SOLDOUT', 'COMPLETE') AND b.paidcents = b.amountcents
           AND b.id <> ? AND NOT EXISTS (SELECT 1 FROM bill_credit_note WHERE billid = b.id)
           AND EXISTS (SELECT 1 FROM bill_item WHERE billid = b.id AND totalcents > 100) ORDER BY b.id LIMIT 1`,
      )
      .pluck()
      .get(pickBill()) as number;
    const line = getBillDetail(cache.db, id).lines.find((l) => l.totalcents > 100)!;
    issueCreditNote(cache.db, {
      id,
      reason: '',
      lines: [{ billitemid: line.id, quantity: 0, totalcents: 100 }],
      refund: { paymode: 'transfer', refundedon: 1_790_000_000, reference: '' },
    });
    const entry = listEntries(cache.db).find((e) => !('damaged' in e) && e.kind === 'bill.refund' && e.entityId === id)!;
    const refused = refusal('bill_not_refundable', 'creditNote.notPaid', {
      id,
      status: { status: 'CANCELLED' },
      refundable: { statuses: ['SOLDOUT', 'COMPLETE'] },
    });
    park(cache.db, entry.seq, 'parked', { code: 'billnotrefundable', message: refused.message, text: errorTextOf(refused.details) });
    const [waiting] = getBillDetail(cache.db, id).creditNotes;
    expect(waiting!.pending).toEqual({ state: 'parked', message: refused.message, text: errorTextOf(refused.details) });
    discardEntry(cache.db, entry.seq);
  });
});
