import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import type { Db } from '../db/open';
import type { ExportJob } from './export-jobs';
import { invoiceFonts } from './invoice-fonts';
import { writeInvoicesPdf } from './invoice-pdf';

const run = promisify(execFile);
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results/exports');

let cache: SyncedCache;
let db: Db;
let dir: string;
/** Bills picked for what they show; see beforeAll. */
const pick = { lettered: 0, proforma: 0, multiRate: 0, invoiceinfo: 0, long: 0, cjk: 0 };

function job(overrides: Partial<ExportJob> = {}): ExportJob {
  return { exportId: 'test-export', signal: new AbortController().signal, progress: () => {}, throwIfCancelled: () => {}, ...overrides };
}

const one = (sql: string) => db.prepare(sql).pluck().get() as number;

beforeAll(async () => {
  cache = await syncedCache({ bills: 300 });
  db = cache.db;
  pick.lettered = one("SELECT id FROM bill WHERE idnumber <> '' AND paidcents >= amountcents ORDER BY id LIMIT 1");
  pick.proforma = one("SELECT id FROM bill WHERE idnumber = '' AND paidcents = 0 AND status = 'PENDING' ORDER BY id LIMIT 1");
  // Several VAT rates and a discount: the case where rounding line by line and summing could drift.
  pick.multiRate = one(
    `SELECT billid FROM bill_item GROUP BY billid
     HAVING count(DISTINCT taxratio) >= 2 AND sum(type = 'DISCOUNT') > 0 ORDER BY billid LIMIT 1`,
  );
  pick.invoiceinfo = one(
    `SELECT id FROM bill WHERE invoiceinfo LIKE '%department%' AND id NOT IN (${pick.lettered}, ${pick.proforma}, ${pick.multiRate}) LIMIT 1`,
  );
  pick.long = one(`SELECT id FROM bill WHERE id NOT IN (${Object.values(pick).join(',')}) ORDER BY id LIMIT 1`);
  pick.cjk = one(`SELECT id FROM bill WHERE id NOT IN (${Object.values(pick).join(',')}) ORDER BY id LIMIT 1`);
  // A customer of their own for each of these bills (demo customers have several bills), named in the
  // scripts the invoice must print.
  const own = (billId: number, firstname: string, lastname: string) => {
    const id = one('SELECT max(id) FROM customer') + 1;
    db.prepare(
      `INSERT INTO customer SELECT ?, shopid, ?, ?, email, address, zip, city, country, organisation, hasaccount, invoiceinfo, timecreated, version, timemodified
       FROM customer WHERE id = (SELECT customerid FROM bill WHERE id = ?)`,
    ).run(id, firstname, lastname, billId);
    db.prepare('UPDATE bill SET customerid = ? WHERE id = ?').run(id, billId);
  };
  own(pick.proforma, 'Δημήτρης', 'Παπαδόπουλος');
  own(pick.multiRate, 'Наталья', 'Иванова');
  own(pick.cjk, '芳', '王');
  // Sixty lines at no charge (bundle parts): the invoice needs a second page, its totals do not change.
  const next = one('SELECT max(id) FROM bill_item') + 1;
  const insert = db.prepare(
    `INSERT INTO bill_item (id, billid, ordering, type, itemcode, catalogitemid, abstract, description, delay, unitcents, quantity,
       totalcents, taxcode, taxratio, taxcents, bundleid, customerdata, productiondata)
     VALUES (?, ?, ?, 'BILLING', ?, 0, ?, '', 0, 0, 1, 0, 1, 2000, 0, 1, '', '')`,
  );
  for (let i = 0; i < 60; i += 1) insert.run(next + i, pick.long, 100 + i, `PART-${i}`, `Module ${i + 1} du parcours`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-pdf-'));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);
afterAll(async () => {
  await cache.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** pdftotext's pages; its spaces (no-break ones included) collapsed, so a row reads "Total HT 546,60 €". */
async function pagesOf(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return stdout
    .split('\f')
    .filter((page) => page.trim() !== '')
    .map((page) => page.replace(/[ \u00a0\u202f]+/g, ' '));
}

/** French amounts written by hand (not with Intl): 1250.5 € is "1 250,50 €". */
function euros(cents: number): string {
  const units = String(Math.floor(Math.abs(cents) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${cents < 0 ? '-' : ''}${units},${String(Math.abs(cents) % 100).padStart(2, '0')} €`;
}

const billOf = (id: number) =>
  db.prepare('SELECT idnumber, transactionid, untaxedcents, taxcents, amountcents, paidcents FROM bill WHERE id = ?').get(id) as {
    idnumber: string;
    transactionid: string;
    untaxedcents: number;
    taxcents: number;
    amountcents: number;
    paidcents: number;
  };

describe('invoices in one PDF', () => {
  let file: string;
  let pages: string[];
  let byInvoice: Map<string, string>;

  beforeAll(async () => {
    file = path.join(dir, 'factures.pdf');
    const written = await writeInvoicesPdf({ db, ids: Object.values(pick), target: { file }, locale: 'fr', job: job() });
    expect(written).toEqual({ files: [file], invoices: 6 });
    pages = await pagesOf(file);
    // Each page's footer names its invoice: the text of one invoice is its pages joined.
    byInvoice = new Map();
    for (const page of pages) {
      const number = /N° (\S+) Page \d+ \/ \d+/.exec(page)?.[1] ?? '?';
      byInvoice.set(number, (byInvoice.get(number) ?? '') + page);
    }
  }, 60_000);

  it('embeds DejaVu Sans', async () => {
    const { stdout } = await run('pdffonts', [file]);
    const fonts = stdout.split('\n').filter((line) => line.includes('DejaVuSans'));
    expect(fonts).toHaveLength(2);
    // Columns: type, encoding, emb, sub, uni.
    for (const line of fonts) expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('numbers the pages of each invoice on their own', () => {
    const long = billOf(pick.long);
    const number = long.idnumber || long.transactionid;
    const own = pages.filter((page) => page.includes(`N° ${number} Page`));
    expect(own.length).toBeGreaterThanOrEqual(2);
    own.forEach((page, index) => expect(page).toContain(`Page ${index + 1} / ${own.length}`));
    expect(byInvoice.get(number)).toContain('Module 60 du parcours');
    // The five others fit on one page each.
    expect(pages.filter((page) => page.includes('Page 1 / 1'))).toHaveLength(5);
    expect(pages).toHaveLength(5 + own.length);
  });

  it('prints the lettering as the invoice number, PAYÉE when paid in full', () => {
    const bill = billOf(pick.lettered);
    const text = byInvoice.get(bill.idnumber)!;
    expect(text).toContain('FACTURE');
    expect(text).not.toContain('PROFORMA');
    expect(text).toContain(`Commande ${bill.transactionid}`);
    expect(text).toContain('PAYÉE');
    expect(text).toContain('Boutique Savoirs & Compétences');
    expect(text).toContain(`Reste à payer ${euros(0)}`);
  });

  it('marks a bill without lettering PROFORMA under its transaction id', () => {
    const bill = billOf(pick.proforma);
    const text = byInvoice.get(bill.transactionid)!;
    expect(text).toContain('FACTURE PROFORMA');
    expect(text).toContain(`N° ${bill.transactionid}`);
    expect(text).not.toContain('PAYÉE');
    expect(text).toContain('Δημήτρης Παπαδόπουλος');
    expect(text).toContain(`Reste à payer ${euros(bill.amountcents)}`);
  });

  it('shows the VAT per rate and the totals to the cent, as the cache holds them', () => {
    const bill = billOf(pick.multiRate);
    const text = byInvoice.get(bill.idnumber || bill.transactionid)!;
    expect(text).toContain('Наталья Иванова');
    const rates = db
      .prepare(
        'SELECT taxratio, sum(totalcents) AS base, sum(taxcents) AS tax FROM bill_item WHERE billid = ? GROUP BY taxratio ORDER BY taxratio DESC',
      )
      .all(pick.multiRate) as { taxratio: number; base: number; tax: number }[];
    expect(rates.length).toBeGreaterThanOrEqual(2);
    for (const rate of rates) {
      const percent = `${String(rate.taxratio / 100).replace('.', ',')} %`;
      expect(text).toContain(`${percent} ${euros(rate.base)} ${euros(rate.tax)}`);
    }
    expect(rates.reduce((sum, rate) => sum + rate.base, 0)).toBe(bill.untaxedcents);
    expect(rates.reduce((sum, rate) => sum + rate.tax, 0)).toBe(bill.taxcents);
    expect(text).toContain(`Total HT ${euros(bill.untaxedcents)}`);
    expect(text).toContain(`Total TVA ${euros(bill.taxcents)}`);
    expect(text).toContain(`Total TTC ${euros(bill.amountcents)}`);
    expect(text).toContain(`Déjà réglé ${euros(bill.paidcents)}`);
    expect(text).toMatch(/Remise \d+ %/);
  });

  it('invoices the organisation’s accounts department when the bill says so', () => {
    const bill = billOf(pick.invoiceinfo);
    const info = JSON.parse(db.prepare('SELECT invoiceinfo FROM bill WHERE id = ?').pluck().get(pick.invoiceinfo) as string) as Record<
      string,
      string
    >;
    const text = byInvoice.get(bill.idnumber || bill.transactionid)!;
    expect(text).toContain(info['department']);
    expect(text).toContain(`${info['zip']} ${info['city']}`);
  });

  it('prints the terms, the sales conditions and the footer, HTML stripped', () => {
    const text = byInvoice.get(billOf(pick.lettered).idnumber)!;
    expect(text).toContain('Paiement à 30 jours à compter de la date d’émission');
    expect(text).toContain('Convention de formation sur demande.');
    expect(text).toContain('Formations exonérées de TVA');
    expect(text).not.toMatch(/<p>|&amp;/);
  });

  it('keeps the Latin text of an invoice whose customer’s name has no glyph in the font', () => {
    // DejaVu has no CJK: the name prints as empty boxes, and nothing else of the invoice is lost.
    const bill = billOf(pick.cjk);
    const text = byInvoice.get(bill.idnumber || bill.transactionid)!;
    expect(text).toContain(`Total TTC ${euros(bill.amountcents)}`);
  });

  it('renders a page an operator can look at (test-results/exports/)', async () => {
    const first = pages.findIndex((page) => page.includes(billOf(pick.multiRate).idnumber || billOf(pick.multiRate).transactionid)) + 1;
    for (const [name, page] of [
      ['invoice-fr-vat-rates', first],
      ['invoice-fr-first', 1],
    ] as const) {
      await run('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', file, path.join(ARTIFACTS, name)]);
      expect(fs.statSync(path.join(ARTIFACTS, `${name}.png`)).size).toBeGreaterThan(10_000);
    }
  });
});

describe('invoices as one file per bill', () => {
  it('names each file after its invoice number, in English', async () => {
    const folder = fs.mkdtempSync(path.join(dir, 'folder-'));
    const ids = [pick.lettered, pick.proforma];
    const written = await writeInvoicesPdf({ db, ids, target: { folder }, locale: 'en', job: job() });
    const lettered = billOf(pick.lettered);
    const proforma = billOf(pick.proforma);
    expect(written.files).toEqual([
      path.join(folder, `${lettered.idnumber}.pdf`),
      path.join(folder, `PROFORMA-${proforma.transactionid}.pdf`),
    ]);
    expect(fs.readdirSync(folder).sort()).toEqual([`${lettered.idnumber}.pdf`, `PROFORMA-${proforma.transactionid}.pdf`].sort());
    const [paid] = await pagesOf(written.files[0]!);
    expect(paid).toContain('INVOICE');
    expect(paid).toContain('PAID');
    expect(paid).toContain(`Total incl. VAT €${(lettered.amountcents / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`);
    expect(paid).toMatch(/Issue date: \d{2}\/\d{2}\/\d{4}/);
    const [open] = await pagesOf(written.files[1]!);
    expect(open).toContain('PROFORMA INVOICE');
    expect(open).not.toContain('PAID');
  }, 30_000);

  it('leaves no file behind when cancelled', async () => {
    const folder = fs.mkdtempSync(path.join(dir, 'cancelled-'));
    let done = 0;
    const cancelling = job({
      progress: (_phase, count) => (done = count),
      throwIfCancelled: () => {
        if (done >= 25) throw Object.assign(new Error('cancelled'), { code: 'export_cancelled' });
      },
    });
    const ids = db.prepare('SELECT id FROM bill ORDER BY id LIMIT 60').pluck().all() as number[];
    await expect(writeInvoicesPdf({ db, ids, target: { folder }, locale: 'fr', job: cancelling })).rejects.toMatchObject({
      code: 'export_cancelled',
    });
    expect(fs.readdirSync(folder)).toEqual([]);
  }, 30_000);
});

it('loads the fonts once for the whole process', () => {
  expect(invoiceFonts()).toBe(invoiceFonts());
  expect(typeof (invoiceFonts().regular as { layout?: unknown }).layout).toBe('function');
});
