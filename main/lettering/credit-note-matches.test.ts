import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fecDay, fecText } from '../../test/support/lettering-fec';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import { getBillDetail } from '../bills/bill-detail';
import { issueCreditNote } from '../bills/credit-notes';
import { acceptCreditSuggestions, creditNoteOverview, matchCreditNote } from './credit-note-matches';
import { importInvoices } from './invoice-import';
import { writeLetteringFec, writeLetteringXlsx } from './lettering-export';
import { listMatches } from './matches';
import { letteringOverview } from './overview';

const WHO = 'tester (internal)';
let cache: SyncedCache;
let dir: string;
/** Two credit notes issued by the shop on two bills, as the cache has them after a sync. */
const notes: { id: number; number: string; amountcents: number; customer: string; issuedat: number }[] = [];

beforeAll(async () => {
  cache = await syncedCache({ bills: 200 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-credit-lettering-'));
  const bills = cache.db
    .prepare(
      `SELECT b.id FROM bill b WHERE b.idnumber <> '' AND b.status IN ('SOLDOUT', 'COMPLETE') AND b.paidcents = b.amountcents
         AND EXISTS (SELECT 1 FROM bill_item WHERE billid = b.id AND totalcents > 0) ORDER BY b.id LIMIT 2`,
    )
    .pluck()
    .all() as number[];
  for (const id of bills) {
    const line = getBillDetail(cache.db, id).lines.find((l) => l.totalcents > 0)!;
    issueCreditNote(cache.db, {
      id,
      reason: '',
      lines: [{ billitemid: line.id, quantity: 1, totalcents: Math.floor(line.totalcents / 2) }],
      refund: { paymode: 'transfer', refundedon: 1_790_000_000, reference: '' },
    });
  }
  expect((await cache.engine.start('manual')).outcome).toBe('done');
  for (const id of bills) {
    const note = getBillDetail(cache.db, id).creditNotes[0]!;
    const customer = cache.db
      .prepare("SELECT trim(c.firstname || ' ' || c.lastname) FROM bill b JOIN customer c ON c.id = b.customerid WHERE b.id = ?")
      .pluck()
      .get(id) as string;
    notes.push({ id: note.id, number: note.number, amountcents: note.amountcents, customer, issuedat: note.issuedat });
  }
}, 90_000);
afterAll(async () => {
  await cache?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('credit notes in the lettering', () => {
  it('suggests the imported credit note of the same number and amount as exact, one of the same customer and amount too', async () => {
    const [first, second] = notes as [(typeof notes)[number], (typeof notes)[number]];
    // The accounting software kept the shop's number for the first, its own for the second; a third is unrelated.
    const file = path.join(dir, 'avoirs.txt');
    fs.writeFileSync(
      file,
      fecText([
        {
          reference: first.number,
          date: fecDay(first.issuedat),
          customer: first.customer,
          account: 'C1',
          label: 'Avoir',
          amountcents: -first.amountcents,
        },
        {
          reference: 'AV-COMPTA-77',
          date: fecDay(second.issuedat),
          customer: second.customer,
          account: 'C2',
          label: 'Avoir',
          amountcents: -second.amountcents,
        },
        {
          reference: 'AV-COMPTA-78',
          date: fecDay(second.issuedat),
          customer: 'Quelqu’un d’autre',
          account: 'C3',
          label: 'Avoir',
          amountcents: -12_345,
        },
      ]),
    );
    const imported = await importInvoices(cache.db, { source: { file } }, WHO, {});
    expect(imported.invoices).toBe(3);
    const { creditNotes, creditSuggestions } = creditNoteOverview(cache.db);
    expect(creditNotes.map((note) => [note.number, note.amountcents])).toEqual(notes.map((note) => [note.number, -note.amountcents]));
    const invoiceId = (reference: string) =>
      cache.db.prepare('SELECT id FROM lettering_invoice WHERE reference = ?').pluck().get(reference) as number;
    expect(creditSuggestions.map((s) => [s.creditNoteId, s.invoiceId, s.rule, s.kind])).toEqual([
      [first.id, invoiceId(first.number), 'lettered', 'exact'],
      [second.id, invoiceId('AV-COMPTA-77'), 'amountCustomer', 'exact'],
    ]);
    // The bill engine no longer sees the imported credit notes once matched: accept the exact ones.
    expect(acceptCreditSuggestions(cache.db, creditSuggestions, WHO)).toBe(2);
    const after = letteringOverview(cache.db);
    expect(after.creditNotes).toEqual([]);
    expect(after.invoices.map((i) => i.reference)).toEqual(['AV-COMPTA-78']);
    const matches = listMatches(cache.db, 'AV-', 10).matches;
    expect(matches.map((m) => [m.creditNotes.map((c) => c.number), m.invoices.map((i) => i.reference), m.balanceCents, m.state])).toEqual([
      [[second.number], ['AV-COMPTA-77'], 0, 'closed'],
      [[first.number], [first.number], 0, 'closed'],
    ]);

    // The FEC written back letters the imported credit notes' customer lines with their match's code.
    const out = path.join(dir, 'lettered.txt');
    const written = await writeLetteringFec(cache.db, out);
    expect(written.lettered).toBe(2);
    const lines = fs
      .readFileSync(out, 'utf8')
      .split('\r\n')
      .filter((line) => line.includes('AV-COMPTA-77') && line.includes('41100000'));
    expect(lines.map((line) => line.split('|')[13])).toEqual([matches[0]!.code]);

    // The lettering workbook lists both, negative on both sides, the shop's credit note named in its own column.
    const xlsx = path.join(dir, 'lettering.xlsx');
    await writeLetteringXlsx(cache.db, xlsx, 'en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    const credited: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n === 1 || !row.getCell(column('Credit note (shop)')).value) return;
      credited.push(
        ['Credit note (shop)', 'Invoice', 'Amount matched', 'Bill amount matched'].map((name) => row.getCell(column(name)).value),
      );
    });
    const euros = (cents: number) => cents / 100;
    expect(credited).toEqual([
      [first.number, first.number, euros(-first.amountcents), euros(-first.amountcents)],
      [second.number, 'AV-COMPTA-77', euros(-second.amountcents), euros(-second.amountcents)],
    ]);
  });

  it('refuses a credit note of another amount, and one already matched', () => {
    const other = cache.db.prepare("SELECT id FROM lettering_invoice WHERE reference = 'AV-COMPTA-78'").pluck().get() as number;
    expect(() => matchCreditNote(cache.db, { creditNoteId: notes[0]!.id, invoiceId: other, rule: 'manual' }, WHO)).toThrow(
      expect.objectContaining({ code: 'lettering_item_not_open' }),
    );
  });
});
