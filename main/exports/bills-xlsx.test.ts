import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BILL_STATUS_LABELS, PAYMODE_LABELS } from '../../shared/bills/bill-labels';
import { BILL_STATUSES, type BillStatus } from '../../shared/bills/bill-status';
import { billColumns } from '../../shared/contract/bills';
import { sheetsAsCsv } from '../../test/support/libreoffice';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import type { Db } from '../db/open';
import { writeBillsXlsx } from './bills-xlsx';
import type { ExportJob } from './export-jobs';

let cache: SyncedCache;
let db: Db;
let dir: string;
let ids: number[];

/** What the shop's customers typed, as a formula-injection attempt would type it. */
const HOSTILE = {
  name: '=HYPERLINK("http://evil.example/refund","Refund")',
  organisation: '+33 6 12 34 56 78',
  title: '@SUM(1+1)',
  minus: '-2+3',
  tab: '\t=1+1',
  cr: '\r=1+1',
};

function job(overrides: Partial<ExportJob> = {}): ExportJob {
  return { exportId: 'test-export', signal: new AbortController().signal, progress: () => {}, throwIfCancelled: () => {}, ...overrides };
}

beforeAll(async () => {
  cache = await syncedCache({ bills: 300 });
  db = cache.db;
  ids = db.prepare('SELECT id FROM bill ORDER BY id').pluck().all() as number[];
  // Hostile text as if it had come from the shop (the cache holds whatever customers typed).
  db.prepare('UPDATE customer SET firstname = ?, lastname = ? WHERE id = (SELECT customerid FROM bill WHERE id = 1)').run(HOSTILE.name, '');
  db.prepare('UPDATE customer SET organisation = ? WHERE id = (SELECT customerid FROM bill WHERE id = 2)').run(HOSTILE.organisation);
  for (const [id, title] of [
    [3, HOSTILE.title],
    [4, HOSTILE.minus],
    [5, HOSTILE.tab],
    [6, HOSTILE.cr],
  ] as const)
    db.prepare('UPDATE bill SET title = ? WHERE id = ?').run(title, id);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-xlsx-'));
}, 60_000);
afterAll(async () => {
  await cache.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface CacheBill {
  id: number;
  transactionid: string;
  idnumber: string;
  title: string;
  status: string;
  paymode: string;
  emissiondate: number;
  untaxedcents: number;
  taxcents: number;
  amountcents: number;
  currency: string;
  customer: string;
  organisation: string;
}

const cacheBills = () =>
  db
    .prepare(
      `SELECT b.id, b.transactionid, b.idnumber, b.title, b.status, b.paymode, b.emissiondate, b.untaxedcents, b.taxcents, b.amountcents, b.currency,
              trim(c.firstname || ' ' || c.lastname) AS customer, c.organisation
       FROM bill b JOIN customer c ON c.id = b.customerid ORDER BY b.id`,
    )
    .all() as CacheBill[];

/** LibreOffice's raw value of an amount, back to cents: it must be the exact decimal amount. */
const cents = (text: string | undefined) => Math.round(Number(text) * 100);
/**
 * What an operator sees in a text cell: a formula-like text keeps a leading apostrophe and is never run. A
 * carriage return comes back as a line feed: XML parsers normalise line ends in the sheet's text.
 */
const shown = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/\r/g, '\n');
const pad = (n: number) => String(n).padStart(2, '0');
/** LibreOffice's raw date-time in en-US: MM/DD/YYYY HH:MM:SS, in the machine's time zone. */
const usDateTime = (seconds: number) => {
  const d = new Date(seconds * 1000);
  return `${pad(d.getMonth() + 1)}/${pad(d.getDate())}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

describe('bills workbook, read back by LibreOffice', () => {
  let file: string;
  let raw: Map<string, string[][]>;
  let displayed: Map<string, string[][]>;

  beforeAll(async () => {
    file = path.join(dir, 'factures.xlsx');
    await writeBillsXlsx({ db, ids, columns: billColumns, file, locale: 'fr', job: job() });
    [raw, displayed] = await Promise.all([sheetsAsCsv(file, { asShown: false }), sheetsAsCsv(file, { asShown: true })]);
  }, 180_000);

  it('has the bills sheet with every bill, its values equal to the cache', () => {
    const sheet = raw.get('Factures')!;
    expect(sheet[0]).toEqual([
      'Identifiant',
      'N° de transaction',
      'N° de facture',
      'Titre',
      'Statut',
      'Date d’émission',
      'Dernière action',
      'Montant HT',
      'TVA',
      'Montant TTC',
      'Devise',
      'Mode de paiement',
      'Client',
      'Organisation',
      'Articles',
    ]);
    const bills = cacheBills();
    // Header, 300 bills, a blank row, the totals.
    expect(sheet).toHaveLength(1 + bills.length + 2);
    bills.forEach((bill, index) => {
      const row = sheet[index + 1]!;
      expect(Number(row[0])).toBe(bill.id);
      expect(row[1]).toBe(bill.transactionid);
      expect(row[2]).toBe(bill.idnumber);
      expect(row[3]).toBe(shown(bill.title));
      expect(row[4]).toBe(BILL_STATUS_LABELS.fr[bill.status as BillStatus]);
      expect(row[11]).toBe(PAYMODE_LABELS.fr[bill.paymode as 'check' | 'transfer' | 'paypal']);
      expect(row[5]).toBe(usDateTime(bill.emissiondate));
      expect([cents(row[7]), cents(row[8]), cents(row[9])]).toEqual([bill.untaxedcents, bill.taxcents, bill.amountcents]);
      expect(row[10]).toBe(bill.currency);
      expect(row[12]).toBe(shown(bill.customer));
      expect(row[13]).toBe(shown(bill.organisation));
    });
  });

  it('says states and pay modes in French words, as the window does, never the shop’s codes', () => {
    const sheet = raw.get('Factures')!;
    const bills = cacheBills();
    const cell = (status: string, column: number) => sheet[bills.findIndex((b) => b.status === status) + 1]![column];
    expect(cell('SOLDOUT', 4)).toBe('Payée');
    expect(cell('PENDING', 4)).toBe('En attente de paiement');
    expect(sheet[bills.findIndex((b) => b.paymode === 'transfer') + 1]![11]).toBe('Virement');
    expect(sheet[bills.findIndex((b) => b.paymode === 'check') + 1]![11]).toBe('Chèque');
    const codes = new Set<string>([...BILL_STATUSES, 'check', 'transfer', 'paypal']);
    for (const row of sheet.slice(1, 1 + bills.length)) {
      expect(codes.has(row[4]!), row[4]).toBe(false);
      expect(codes.has(row[11]!), row[11]).toBe(false);
    }
  });

  it('totals the amounts with formulas LibreOffice recalculates to the cache’s sums', () => {
    const sheet = raw.get('Factures')!;
    const totals = sheet.at(-1)!;
    const sums = db.prepare('SELECT sum(untaxedcents) AS u, sum(taxcents) AS t, sum(amountcents) AS a FROM bill').get() as {
      u: number;
      t: number;
      a: number;
    };
    expect(totals[0]).toBe('Total');
    expect([cents(totals[7]), cents(totals[8]), cents(totals[9])]).toEqual([sums.u, sums.t, sums.a]);
    expect(sheet.at(-2)!.every((cell) => cell === '')).toBe(true);
  });

  it('has the lines sheet with one row per bill line', () => {
    const sheet = raw.get('Lignes')!;
    const lines = db
      .prepare('SELECT billid, itemcode, quantity, unitcents, totalcents, taxratio, taxcents FROM bill_item ORDER BY billid, ordering, id')
      .all() as {
      billid: number;
      itemcode: string;
      quantity: number;
      unitcents: number;
      totalcents: number;
      taxratio: number;
      taxcents: number;
    }[];
    expect(sheet[0]![0]).toBe('Facture');
    expect(sheet).toHaveLength(1 + lines.length + 2);
    lines.forEach((line, index) => {
      const row = sheet[index + 1]!;
      expect([Number(row[0]), row[2], Number(row[4])]).toEqual([line.billid, line.itemcode, line.quantity]);
      expect([cents(row[5]), cents(row[6]), cents(row[8]), cents(row[9])]).toEqual([
        line.unitcents,
        line.totalcents,
        line.taxcents,
        line.totalcents + line.taxcents,
      ]);
      expect(row[7]).toBe(`${line.taxratio / 100}%`);
    });
    const totals = sheet.at(-1)!;
    const sums = db.prepare('SELECT sum(totalcents) AS u, sum(taxcents) AS t FROM bill_item').get() as { u: number; t: number };
    expect([cents(totals[6]), cents(totals[8]), cents(totals[9])]).toEqual([sums.u, sums.t, sums.u + sums.t]);
  });

  it('shows formula-like text literally and never evaluates it', () => {
    const sheet = displayed.get('Factures')!;
    const byId = new Map(sheet.slice(1).map((row) => [row[0], row]));
    expect(byId.get('1')![12]).toBe(`'${HOSTILE.name}`);
    expect(byId.get('2')![13]).toBe(`'${HOSTILE.organisation}`);
    expect(byId.get('3')![3]).toBe(`'${HOSTILE.title}`);
    expect(byId.get('4')![3]).toBe(`'${HOSTILE.minus}`);
    expect(byId.get('5')![3]).toBe(`'${HOSTILE.tab}`);
    expect(byId.get('6')![3]).toBe(shown(HOSTILE.cr));
    const everything = sheet.flat().join('\n');
    // Evaluated, they would show "Refund", 2 and 1.
    expect(everything).not.toMatch(/(^|,)Refund(,|$)/m);
    expect(byId.get('3')![3]).not.toBe('2');
  });

  it('displays amounts with the currency and dates day first', () => {
    const bill = cacheBills()[0]!;
    const row = displayed.get('Factures')![1]!;
    const amount = (bill.amountcents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(row[9]).toBe(`${amount} €`);
    const d = new Date(bill.emissiondate * 1000);
    expect(row[5]).toBe(`${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`);
  });
});

describe('bills workbook, read back by exceljs', () => {
  it('holds real numbers and dates, a frozen header, an autofilter and the totals formulas with their results', async () => {
    const file = path.join(dir, 'bills-en.xlsx');
    const columns = ['idnumber', 'emissiondate', 'amountcents', 'customer'] as const;
    const chosen = ids.slice(0, 20);
    const written = await writeBillsXlsx({ db, ids: chosen, columns, file, locale: 'en', job: job() });
    const lineCount = db.prepare(`SELECT count(*) FROM bill_item WHERE billid <= 20`).pluck().get() as number;
    expect(written).toEqual({ bills: 20, lines: lineCount, creditNotes: 0 });

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Bills', 'Lines', 'Credit notes']);
    const sheet = book.getWorksheet('Bills')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:D21');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Invoice number', 'Issued', 'Total', 'Customer']);
    const first = cacheBills()[0]!;
    const row = sheet.getRow(2);
    expect(row.getCell(2).value).toBeInstanceOf(Date);
    expect(row.getCell(2).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(row.getCell(3).value).toBe(first.amountcents / 100);
    expect(row.getCell(3).numFmt).toBe('"€"#,##0.00');
    const total = sheet.getRow(23).getCell(3).value as { formula: string; result: number };
    const sum = db.prepare('SELECT sum(amountcents) FROM bill WHERE id <= 20').pluck().get() as number;
    expect(total).toEqual({ formula: 'SUBTOTAL(9,C2:C21)', result: sum / 100 });
    const lines = book.getWorksheet('Lines')!;
    expect(lines.getRow(2).getCell(8).value).toBeTypeOf('number');
    expect(lines.getRow(2).getCell(8).numFmt).toBe('0.0%');
  });

  it('says states and pay modes in English words in an English workbook', async () => {
    const file = path.join(dir, 'words-en.xlsx');
    const bills = cacheBills();
    const paid = bills.find((b) => b.status === 'SOLDOUT')!;
    const transfer = bills.find((b) => b.paymode === 'transfer')!;
    await writeBillsXlsx({ db, ids: [paid.id, transfer.id], columns: ['id', 'status', 'paymode'], file, locale: 'en', job: job() });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('Bills')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Id', 'Status', 'Payment method']);
    expect(sheet.getRow(2).values).toEqual([undefined, paid.id, 'Paid', PAYMODE_LABELS.en[paid.paymode as 'check']]);
    expect(sheet.getRow(3).getCell(3).value).toBe('Bank transfer');
  });

  it('keeps the bills in the order asked', async () => {
    const file = path.join(dir, 'order.xlsx');
    await writeBillsXlsx({ db, ids: [7, 3, 250], columns: ['id'], file, locale: 'fr', job: job() });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('Factures')!;
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(1).value)).toEqual([7, 3, 250]);
  });
});

describe('cancelling', () => {
  it('stops between batches, removes the partial file and leaves an existing file as it was', async () => {
    const file = path.join(dir, 'cancelled.xlsx');
    fs.writeFileSync(file, 'the previous export');
    const controller = new AbortController();
    const phases: string[] = [];
    const cancelling = job({
      signal: controller.signal,
      progress: (phase) => {
        phases.push(phase);
        if (phase === 'lines') controller.abort();
      },
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw Object.assign(new Error('cancelled'), { code: 'export_cancelled' });
      },
    });
    await expect(
      writeBillsXlsx({ db, ids, columns: billColumns, file, locale: 'fr', job: cancelling, batchSize: 50 }),
    ).rejects.toMatchObject({
      code: 'export_cancelled',
    });
    expect(phases.filter((phase) => phase === 'bills')).toHaveLength(6);
    expect(fs.readFileSync(file, 'utf8')).toBe('the previous export');
    expect(fs.readdirSync(dir).filter((name) => name.includes('cancelled'))).toEqual(['cancelled.xlsx']);
  });
});
