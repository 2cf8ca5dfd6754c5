import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/contract';
import { fecText } from '../../test/support/lettering-fec';
import { invoiceFor, letterableBills, type CachedBill } from '../../test/support/lettering-from-cache';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import { listEntries } from '../sync/outbox';
import { importInvoices, previewImport } from './invoice-import';
import { writeLetteringFec, writeLetteringXlsx } from './lettering-export';
import { readLog } from './lettering-log';
import { acceptSuggestions, createMatch, letteringsFor, listMatches, unmatch } from './matches';
import { letteringOverview } from './overview';

let cache: SyncedCache;
let dir: string;
let bills: CachedBill[];
const WHO = 'tester (internal)';
const source = (name: string, text: string | Uint8Array) => ({ name, base64: Buffer.from(text).toString('base64') });
const refusal = async (action: () => unknown): Promise<AppError> => {
  try {
    await action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
};
const refusalSync = (action: () => unknown): AppError => {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
};
/** An invoice as an import would store it, for cases a well-formed file cannot make on its own. */
const addInvoice = (reference: string, amountcents: number): number =>
  cache.db
    .prepare(
      `INSERT INTO lettering_invoice (import_id, reference, invoice_date, customer, customer_account, email, label, amountcents, currency)
       SELECT id, ?, 1742000000, 'Test', '', '', '', ?, 'EUR' FROM lettering_import ORDER BY id LIMIT 1 RETURNING id`,
    )
    .pluck()
    .get(reference, amountcents) as number;
const letteringQueued = (billId: number) =>
  listEntries(cache.db)
    .filter((e) => !('damaged' in e) && e.kind === 'bill.lettering' && e.entityId === billId)
    .map((e) => (e as { payload: { idnumber: string } }).payload.idnumber);

beforeAll(async () => {
  cache = await syncedCache({ bills: 400 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lettering-'));
  bills = letterableBills(cache.db, 12);
}, 60_000);
afterAll(async () => {
  await cache.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('importing invoices', () => {
  it('refuses a malformed FEC as a whole, naming the lines, and imports nothing', async () => {
    const good = fecText([invoiceFor(bills[0]!, 'FA-T-0001'), invoiceFor(bills[1]!, 'FA-T-0002')]);
    const lines = good.split('\r\n');
    lines[4] = lines[4]!.replace(/\|[\d]+,\d\d\|0,00\|/, '|12.345,6|0,00|');
    const error = await refusal(() => importInvoices(cache.db, { source: source('fec.txt', lines.join('\r\n')) }, WHO));
    expect(error.code).toBe('lettering_file_invalid');
    expect(error.details?.['problems']).toEqual([
      expect.objectContaining({ line: 5, code: 'amount', params: { column: 'Debit', value: '12.345,6' } }),
    ]);
    expect(cache.db.prepare('SELECT count(*) FROM lettering_invoice').pluck().get()).toBe(0);
    expect(cache.db.prepare('SELECT count(*) FROM lettering_import').pluck().get()).toBe(0);
  });

  it('imports a CSV through a column mapping, remembered for the next file with the same columns', async () => {
    const csv =
      'N° facture;Date;Client;Montant TTC;Libellé\r\nCSV-1;14/03/2025;Acme;1 250,00;x\r\nCSV-2;2025-03-15;"Dupont; Fils";99,9;y\r\n';
    const preview = await previewImport(cache.db, source('ventes.csv', csv));
    expect(preview).toMatchObject({
      format: 'csv',
      headers: ['N° facture', 'Date', 'Client', 'Montant TTC', 'Libellé'],
      remembered: false,
      rows: 2,
    });
    expect(preview.mapping).toEqual({ reference: 0, date: 1, customer: 2, amount: 3, label: 4 });
    // The operator says the label is the customer column instead, say: that mapping is the one remembered.
    const mapping = { reference: 0, date: 1, customer: 4, amount: 3 };
    const result = await importInvoices(cache.db, { source: source('ventes.csv', csv), mapping }, WHO);
    expect(result).toMatchObject({ format: 'csv', invoices: 2, skipped: 0 });
    const again = await previewImport(cache.db, source('ventes-avril.csv', csv));
    expect(again).toMatchObject({ remembered: true, mapping });
    const rows = cache.db
      .prepare("SELECT reference, amountcents, customer FROM lettering_invoice WHERE reference LIKE 'CSV-%' ORDER BY reference")
      .all();
    expect(rows).toEqual([
      { reference: 'CSV-1', amountcents: 125000, customer: 'x' },
      { reference: 'CSV-2', amountcents: 9990, customer: 'y' },
    ]);
    // Importing the same file again adds nothing.
    expect(await importInvoices(cache.db, { source: source('ventes.csv', csv) }, WHO)).toMatchObject({ invoices: 0, skipped: 2 });
  });

  it('reads an XLSX sheet with real numbers and dates, and reports its bad rows by row number', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Factures');
    sheet.addRow(['Invoice number', 'Invoice date', 'Customer', 'Amount']);
    sheet.addRow(['XL-1', new Date(Date.UTC(2025, 2, 14)), 'Acme', 1250.5]);
    sheet.addRow(['XL-2', new Date(Date.UTC(2025, 2, 15)), 'Acme', 0.29]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await importInvoices(cache.db, { source: source('factures.xlsx', bytes) }, WHO)).toMatchObject({ format: 'xlsx', invoices: 2 });
    expect(cache.db.prepare("SELECT amountcents FROM lettering_invoice WHERE reference = 'XL-2'").pluck().get()).toBe(29);
    expect(cache.db.prepare("SELECT invoice_date FROM lettering_invoice WHERE reference = 'XL-1'").pluck().get()).toBe(
      Date.UTC(2025, 2, 14) / 1000,
    );

    sheet.addRow(['XL-3', 'next week', 'Acme', 'twelve']);
    const bad = new Uint8Array(await workbook.xlsx.writeBuffer());
    const error = await refusal(() => importInvoices(cache.db, { source: source('factures.xlsx', bad) }, WHO));
    expect((error.details?.['problems'] as { line: number; code: string }[]).map((p) => [p.line, p.code])).toEqual([
      [4, 'date'],
      [4, 'amount'],
    ]);
  });
});

/** The invoices of the FEC imported for matching, to import it again grown. */
let invoicesOfFec: ReturnType<typeof invoiceFor>[] = [];

describe('matching, lettering and unmatching', () => {
  let exactRefs: string[];

  beforeAll(async () => {
    // Eight bills invoiced exactly (half with the transaction id in the label), one a cent off.
    const invoices = bills
      .slice(0, 8)
      .map((b, k) => invoiceFor(b, `FA-T-${String(k + 1).padStart(4, '0')}`, { withTransaction: k % 2 === 0 }));
    invoices.push(invoiceFor(bills[8]!, 'FA-T-0009', { withTransaction: false, amountcents: bills[8]!.amountcents + 1 }));
    exactRefs = invoices.slice(0, 8).map((i) => i.reference);
    invoicesOfFec = invoices;
    const result = await importInvoices(cache.db, { source: source('fec.txt', fecText(invoices, { withPayments: true })) }, WHO);
    expect(result).toMatchObject({ format: 'fec', invoices: 9, encoding: 'utf-8' });
  });

  it('suggests the exact pairs as exact and the cent off to check, then accepts the exact ones and queues their lettering', () => {
    const overview = letteringOverview(cache.db);
    const byBill = new Map(overview.suggestions.map((s) => [s.billIds[0], s]));
    for (const b of bills.slice(0, 8)) expect(byBill.get(b.id)?.kind, `bill ${b.id}`).toBe('exact');
    expect(byBill.get(bills[8]!.id)).toMatchObject({ kind: 'check', rule: 'nearAmount' });

    const result = acceptSuggestions(cache.db, overview.suggestions, WHO);
    expect(result.accepted).toBe(8);
    bills.slice(0, 8).forEach((b, k) => expect(letteringQueued(b.id)).toEqual([exactRefs[k]]));
    expect(letteringQueued(bills[8]!.id)).toEqual([]);
    const after = letteringOverview(cache.db);
    expect(after.bills.map((b) => b.id)).not.toContain(bills[0]!.id);
    expect(after.suggestions.filter((s) => s.kind === 'exact')).toEqual([]);
    expect(readLog(cache.db, 100).filter((l) => l.action === 'close')).toHaveLength(8);
  });

  it('keeps a cent off open unless a tolerance is given, and refuses a lettering another bill holds', () => {
    const cent = cache.db.prepare("SELECT id FROM lettering_invoice WHERE reference = 'FA-T-0009'").pluck().get() as number;
    const open = createMatch(cache.db, { bills: [{ id: bills[8]!.id }], invoices: [{ id: cent }], toleranceCents: 0, rule: 'manual' }, WHO);
    const view = listMatches(cache.db, '', 10).matches.find((m) => m.id === open)!;
    expect(view).toMatchObject({ state: 'open', balanceCents: -1, pushed: 'none' });
    expect(letteringQueued(bills[8]!.id)).toEqual([]);
    unmatch(cache.db, open, 'one cent: accept it', WHO);

    const closed = createMatch(
      cache.db,
      { bills: [{ id: bills[8]!.id }], invoices: [{ id: cent }], toleranceCents: 1, rule: 'manual' },
      WHO,
    );
    expect(listMatches(cache.db, 'FA-T-0009', 10).matches[0]).toMatchObject({ id: closed, state: 'closed', balanceCents: -1 });
    expect(letteringQueued(bills[8]!.id)).toEqual(['FA-T-0009']);

    // An invoice whose number a bill already carries on the shop: lettering another bill with it is refused.
    const holder = cache.db.prepare("SELECT id, idnumber FROM bill WHERE idnumber <> '' ORDER BY id LIMIT 1").get() as {
      id: number;
      idnumber: string;
    };
    const taken = addInvoice(holder.idnumber, bills[9]!.amountcents);
    const error = refusalSync(() =>
      createMatch(cache.db, { bills: [{ id: bills[9]!.id }], invoices: [{ id: taken }], toleranceCents: 0, rule: 'manual' }, WHO),
    );
    expect(error).toMatchObject({ code: 'lettering_taken', details: { holderId: holder.id, idnumber: holder.idnumber } });
    expect(letteringQueued(bills[9]!.id)).toEqual([]);
    // Nothing half-written: the bill is still open.
    expect(letteringOverview(cache.db).bills.map((b) => b.id)).toContain(bills[9]!.id);
    // And the shop's own lettering makes that invoice an exact suggestion with the bill that holds it.
    expect(letteringOverview(cache.db).suggestions.find((s) => s.invoiceIds[0] === taken)).toMatchObject({
      kind: 'exact',
      rule: 'lettered',
      billIds: [holder.id],
    });
  });
});

describe('partial, many-to-one and one-to-many, then back to the shop and the accounting software', () => {
  it('closes many-to-one only when balanced; each bill gets the number with /k; unmatch takes the letterings back', () => {
    const [a, b] = [bills[10]!, bills[11]!];
    const invoice = addInvoice('FA-T-SUM', a.amountcents + b.amountcents);
    // First only part of the invoice against one bill: an open (partial) match, nothing sent.
    const partial = createMatch(
      cache.db,
      { bills: [{ id: a.id }], invoices: [{ id: invoice, allocatedCents: a.amountcents }], toleranceCents: 0, rule: 'manual' },
      WHO,
    );
    expect(listMatches(cache.db, 'FA-T-SUM', 10).matches[0]).toMatchObject({ id: partial, state: 'closed', balanceCents: 0 });
    expect(letteringQueued(a.id)).toEqual(['FA-T-SUM']);
    expect(letteringOverview(cache.db).invoices.find((i) => i.id === invoice)?.remainingCents).toBe(b.amountcents);
    // Over-allocating what is left is refused.
    expect(
      refusalSync(() =>
        createMatch(
          cache.db,
          { bills: [{ id: b.id }], invoices: [{ id: invoice, allocatedCents: b.amountcents + 1 }], toleranceCents: 0, rule: 'manual' },
          WHO,
        ),
      ).code,
    ).toBe('lettering_over_allocated');
    unmatch(cache.db, partial, '', WHO);
    // Never sent: the lettering is dropped rather than sent, then taken back by a removal.
    expect(letteringQueued(a.id)).toEqual([]);

    const both = createMatch(
      cache.db,
      { bills: [{ id: a.id }, { id: b.id }], invoices: [{ id: invoice }], toleranceCents: 0, rule: 'manual' },
      WHO,
    );
    const view = listMatches(cache.db, 'FA-T-SUM', 10).matches[0]!;
    expect(view).toMatchObject({ id: both, state: 'closed', balanceCents: 0, pushed: 'pending' });
    const [first, second] = [a, b].sort((x, y) => x.id - y.id);
    expect(letteringQueued(first!.id).at(-1)).toBe('FA-T-SUM/1');
    expect(letteringQueued(second!.id).at(-1)).toBe('FA-T-SUM/2');
    const log = readLog(cache.db, 5);
    expect(log[0]).toMatchObject({ action: 'close', who: WHO, matchId: both });
    expect(log[1]).toMatchObject({ action: 'match', matchId: both });
    expect(log[1]!.what).toMatchObject({ action: 'match', invoices: [{ reference: 'FA-T-SUM' }] });
    expect(log[1]!.detail).toContain('FA-T-SUM');
    expect(log[0]!.what).toEqual({
      action: 'close',
      currency: 'EUR',
      differenceCents: 0,
      toleranceCents: 0,
      letterings: ['FA-T-SUM/1', 'FA-T-SUM/2'],
    });
    expect(log[0]!.detail).toBe('balanced to the cent; lettering FA-T-SUM/1, FA-T-SUM/2');
  });

  it('pushes the letterings to the shop, which then holds them', async () => {
    const run = await cache.engine.start('manual');
    expect(run.outcome).toBe('done');
    expect(listEntries(cache.db, 'parked')).toEqual([]);
    expect(cache.sim.shop.read('bills', bills[0]!.id)?.idnumber).toBe('FA-T-0001');
    expect(cache.sim.shop.read('bills', bills[8]!.id)?.idnumber).toBe('FA-T-0009');
    expect(cache.sim.shop.read('bills', bills[10]!.id)?.idnumber).toMatch(/^FA-T-SUM\/[12]$/);
    expect(listMatches(cache.db, 'FA-T-0001', 10).matches[0]?.pushed).toBe('done');
  });

  it('shows a lettering the shop refused, with its reason, when another bill took the number there meanwhile', async () => {
    const [late] = letterableBills(cache.db, 1);
    const other = cache.db.prepare("SELECT id FROM bill WHERE status = 'CANCELLED' ORDER BY id LIMIT 1").pluck().get() as number;
    // On the site, behind the app's back, another bill gets the number first.
    cache.sim.shop.touch('bills', other, { idnumber: 'FA-T-RACE' });
    const invoice = addInvoice('FA-T-RACE', late!.amountcents);
    const id = createMatch(cache.db, { bills: [{ id: late!.id }], invoices: [{ id: invoice }], toleranceCents: 0, rule: 'manual' }, WHO);
    expect((await cache.engine.start('manual')).outcome).toBe('done');
    const view = listMatches(cache.db, 'FA-T-RACE', 10).matches.find((m) => m.id === id)!;
    expect(view.pushed).toBe('parked');
    expect(view.pushedMessage, view.pushedMessage ?? '').toContain('idnumbertaken');
    expect(cache.sim.shop.read('bills', late!.id)?.idnumber).toBe('');
    // Undoing it drops the refused lettering rather than queueing a removal behind it.
    unmatch(cache.db, id, 'the number belongs to another bill', WHO);
    expect(letteringQueued(late!.id)).toEqual([]);
    expect(letteringOverview(cache.db).bills.map((b) => b.id)).toContain(late!.id);
  });

  it('writes the FEC back with EcritureLet and DateLet on the matched invoices, and the lettering as XLSX', async () => {
    const fec = path.join(dir, 'FEC-lettre.txt');
    const written = await writeLetteringFec(cache.db, fec);
    expect(written.lettered).toBe(9);
    const lines = fs
      .readFileSync(fec, 'utf8')
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split('|'));
    expect(lines[0]).toHaveLength(18);
    const customerLines = lines.filter((f) => f[0] === 'VT' && f[4] === '41100000');
    const lettered = customerLines.filter((f) => f[13] !== '');
    expect(lettered).toHaveLength(9);
    for (const f of lettered) {
      expect(f[13]).toMatch(/^[A-Z]+$/);
      expect(f[14]).toMatch(/^20\d{6}$/);
    }
    // Bank lines and the other accounts' lines are as they were.
    expect(lines.filter((f) => f[0] === 'BQ').every((f) => f[13] === '')).toBe(true);

    // Next month the same FEC, grown by one invoice, is imported again: each line is written once.
    const grown = [...invoicesOfFec, invoiceFor(bills[10]!, 'FA-T-0011')];
    expect(await importInvoices(cache.db, { source: source('fec-2.txt', fecText(grown, { withPayments: true })) }, WHO)).toMatchObject({
      invoices: 1,
    });
    const again = await writeLetteringFec(cache.db, path.join(dir, 'FEC-lettre-2.txt'));
    const grownLines = fecText(grown, { withPayments: true }).trimEnd().split('\r\n').length;
    expect(again).toMatchObject({ lines: grownLines - 1, lettered: 9 });

    const xlsx = path.join(dir, 'lettrage.xlsx');
    const out = await writeLetteringXlsx(cache.db, xlsx, 'fr');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(out.rows + 1);
    const refs = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) refs.add(String(row.getCell(3).value));
    });
    expect(refs).toContain('FA-T-0001');
    expect(refs).toContain('FA-T-SUM');
  });
});

describe('letteringsFor', () => {
  it('gives the invoice number, joins several, and numbers several bills of one invoice, within 64 characters', () => {
    expect(letteringsFor([7], ['FA-1'])).toEqual(new Map([[7, 'FA-1']]));
    expect(letteringsFor([7], ['FA-2', 'FA-1'])).toEqual(new Map([[7, 'FA-1+FA-2']]));
    expect(letteringsFor([9, 7], ['FA-1'])).toEqual(
      new Map([
        [7, 'FA-1/1'],
        [9, 'FA-1/2'],
      ]),
    );
    const long = Array.from({ length: 8 }, (_, k) => `FA-2025-00000${k}`);
    const [value] = letteringsFor([7], long).values();
    expect(value).toBe('FA-2025-000000+7');
    const sixtyFour = 'F'.repeat(64);
    expect(letteringsFor([1], [sixtyFour]).get(1)).toBe(sixtyFour);
    for (const v of letteringsFor([1, 2, 3], [sixtyFour]).values()) expect(v.length).toBeLessThanOrEqual(64);
  });
});
