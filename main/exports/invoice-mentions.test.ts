import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INVOICING_SETTINGS, type InvoicingSettings } from '../../shared/contract/invoicing';
import { DEMO_INVOICING } from '../../test/support/demo-invoicing';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import type { Db } from '../db/open';
import type { ExportJob } from './export-jobs';
import { writeInvoicesPdf } from './invoice-pdf';

/**
 * Every mention of docs/invoice-mentions.md, read by an independent reader (pdftotext, from poppler) from the
 * PDF of an invoice to a business customer, one to a private customer, and one with an exempt line and a taxed
 * line, in French and in English. Expected texts are written here by hand (amounts, rates, dates), not with the
 * app's formatters. A row added to the docs' table without a check here fails the first test.
 */

const run = promisify(execFile);
const DOCS = path.resolve(import.meta.dirname, '../../docs/invoice-mentions.md');
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results/exports');

type Locale = 'fr' | 'en';
type Case = 'business' | 'private' | 'exempt';
const CASES: Case[] = ['business', 'private', 'exempt'];

let cache: SyncedCache;
let db: Db;
let dir: string;
const bills = {} as Record<Case, number>;
/** pdftotext -layout, runs of spaces (no-break ones too) collapsed: a row reads "Total HT 546,60 €". */
const layout = {} as Record<Locale, Record<Case, string>>;
/** pdftotext in reading order, all white space (line ends too) collapsed: a text wrapped in its box reads whole. */
const flat = {} as Record<Locale, Record<Case, string>>;

const job: ExportJob = { exportId: 'mentions', signal: new AbortController().signal, progress: () => {}, throwIfCancelled: () => {} };
const one = (sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

/** The business customer's invoicing details: their accounts department elsewhere than their own address. */
const BUSINESS = {
  organisation: 'Ateliers Durand SARL',
  department: 'Service comptabilité',
  address: '5 rue des Comptables',
  zip: '75011',
  city: 'Paris',
  country: 'FR',
  siren: '732829320',
  vatnumber: 'FR44732829320',
};

/** A customer of one's own for a bill (demo customers have several bills), with these fields. */
function ownCustomer(billId: number, fields: Record<string, string>, billInvoiceinfo: string): void {
  const id = one('SELECT max(id) FROM customer') + 1;
  db.prepare(
    `INSERT INTO customer SELECT ?, shopid, firstname, lastname, email, address, zip, city, country, organisation, hasaccount, invoiceinfo, timecreated, version, timemodified
     FROM customer WHERE id = (SELECT customerid FROM bill WHERE id = ?)`,
  ).run(id, billId);
  db.prepare('UPDATE bill SET customerid = ?, invoiceinfo = ? WHERE id = ?').run(id, billInvoiceinfo, billId);
  for (const [key, value] of Object.entries(fields)) db.prepare(`UPDATE customer SET ${key} = ? WHERE id = ?`).run(value, id);
}

async function texts(file: string): Promise<{ layout: string; flat: string }> {
  const [{ stdout: laid }, { stdout: read }] = await Promise.all([run('pdftotext', ['-layout', file, '-']), run('pdftotext', [file, '-'])]);
  return { layout: laid.replace(/[ \u00a0\u202f\u2007]+/g, ' '), flat: read.replace(/[\s\u00a0\u202f\u2007]+/g, ' ') };
}

async function exportAll(locale: Locale, settings: InvoicingSettings, ids: number[]): Promise<string[]> {
  const folder = fs.mkdtempSync(path.join(dir, `${locale}-`));
  return (await writeInvoicesPdf({ db, ids, target: { folder }, locale, invoicing: settings, job })).files;
}

beforeAll(async () => {
  cache = await syncedCache({ bills: 300 });
  db = cache.db;
  // The shop has a billing address of its own: synced again, the cache keeps the shop's new settings.
  cache.sim.site.setPluginConfig('local_shop', 'sellerbillingaddress', '4 rue de la Comptabilité');
  cache.sim.site.setPluginConfig('local_shop', 'sellerbillingzip', '69003');
  cache.sim.site.setPluginConfig('local_shop', 'sellerbillingcity', 'Lyon');
  expect((await cache.engine.start('manual')).outcome).toBe('done');

  const lettered = "b.idnumber <> ''";
  // A business customer's invoice with a discount, and goods beside services when the shop has such a bill.
  bills.business = one(
    `SELECT b.id FROM bill AS b WHERE ${lettered}
       AND EXISTS (SELECT 1 FROM bill_item WHERE billid = b.id AND type = 'DISCOUNT')
     ORDER BY EXISTS (SELECT 1 FROM bill_item AS l JOIN catalog_item AS i ON i.id = l.catalogitemid WHERE l.billid = b.id AND i.categoryid = 10) DESC, b.id
     LIMIT 1`,
  );
  bills.exempt = one(
    `SELECT b.id FROM bill AS b WHERE ${lettered} AND b.id <> ?
       AND EXISTS (SELECT 1 FROM bill_item WHERE billid = b.id AND taxratio = 0 AND type = 'BILLING')
       AND EXISTS (SELECT 1 FROM bill_item WHERE billid = b.id AND taxratio > 0)
     ORDER BY b.id LIMIT 1`,
    bills.business,
  );
  bills.private = one(
    `SELECT b.id FROM bill AS b WHERE ${lettered} AND b.id NOT IN (?, ?) ORDER BY b.id LIMIT 1`,
    bills.business,
    bills.exempt,
  );
  ownCustomer(bills.business, { organisation: BUSINESS.organisation, invoiceinfo: '' }, JSON.stringify(BUSINESS));
  ownCustomer(bills.private, { organisation: '', invoiceinfo: '' }, '');
  ownCustomer(bills.exempt, { organisation: '', invoiceinfo: '' }, '');

  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-mentions-'));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const locale of ['fr', 'en'] as const) {
    const files = await exportAll(
      locale,
      DEMO_INVOICING,
      CASES.map((c) => bills[c]),
    );
    layout[locale] = {} as Record<Case, string>;
    flat[locale] = {} as Record<Case, string>;
    for (const [index, name] of CASES.entries()) {
      const read = await texts(files[index]!);
      if (process.env['DUMP_MENTIONS']) fs.writeFileSync(`/tmp/wt16-${locale}-${name}.txt`, `${read.layout}\n=====\n${read.flat}`);
      layout[locale][name] = read.layout;
      flat[locale][name] = read.flat;
    }
    await run('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      files[0]!,
      path.join(ARTIFACTS, `invoice-mentions-business-${locale}`),
    ]);
    await run('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      files[2]!,
      path.join(ARTIFACTS, `invoice-mentions-exempt-${locale}`),
    ]);
  }
}, 120_000);

afterAll(async () => {
  await cache?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// ---- Expected texts, written by hand ----

/** 1250.5 € as "1 250,50 €" (French) or "€1,250.50" (English). */
function money(cents: number, locale: Locale): string {
  const abs = Math.abs(cents);
  const sep = locale === 'fr' ? ' ' : ',';
  const units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const decimals = String(abs % 100).padStart(2, '0');
  const sign = cents < 0 ? '-' : '';
  return locale === 'fr' ? `${sign}${units},${decimals} €` : `${sign}€${units}.${decimals}`;
}

/** Basis points as "5,5 %" (French, a space before the sign) or "5.5%" (English). */
function rate(basisPoints: number, locale: Locale): string {
  const number = String(basisPoints / 100);
  return locale === 'fr' ? `${number.replace('.', ',')} %` : `${number}%`;
}

function day(unix: number): string {
  const date = new Date(unix * 1000);
  return `${String(date.getDate()).padStart(2, '0')}/${String(date.getMonth() + 1).padStart(2, '0')}/${date.getFullYear()}`;
}

interface BillTruth {
  idnumber: string;
  emissiondate: number;
  untaxedcents: number;
  taxcents: number;
  amountcents: number;
  customer: { firstname: string; lastname: string; address: string; zip: string; city: string };
  lines: {
    type: string;
    itemcode: string;
    abstract: string;
    quantity: number;
    unitcents: number;
    totalcents: number;
    taxratio: number;
    categoryid: number | null;
  }[];
  rates: { taxratio: number; base: number; tax: number }[];
}

function truth(billId: number): BillTruth {
  const bill = db
    .prepare('SELECT idnumber, emissiondate, untaxedcents, taxcents, amountcents, customerid FROM bill WHERE id = ?')
    .get(billId) as BillTruth & {
    customerid: number;
  };
  return {
    ...bill,
    customer: db
      .prepare('SELECT firstname, lastname, address, zip, city FROM customer WHERE id = ?')
      .get(bill.customerid) as BillTruth['customer'],
    lines: db
      .prepare(
        `SELECT l.type, l.itemcode, l.abstract, l.quantity, l.unitcents, l.totalcents, l.taxratio, i.categoryid
         FROM bill_item AS l LEFT JOIN catalog_item AS i ON i.id = l.catalogitemid WHERE l.billid = ? ORDER BY l.ordering, l.id`,
      )
      .all(billId) as BillTruth['lines'],
    rates: db
      .prepare(
        'SELECT taxratio, sum(totalcents) AS base, sum(taxcents) AS tax FROM bill_item WHERE billid = ? GROUP BY taxratio ORDER BY taxratio DESC',
      )
      .all(billId) as BillTruth['rates'],
  };
}

const WORDS = {
  fr: {
    exemption: 'Exonération de TVA, article 261-4-4° du CGI',
    natures: { services: 'Prestation de services', goods: 'Livraison de biens', both: 'Livraison de biens et prestation de services' },
  },
  en: {
    exemption: 'VAT exemption, article 261-4-4° of the French tax code (CGI)',
    natures: { services: 'Supply of services', goods: 'Supply of goods', both: 'Supply of goods and services' },
  },
} as const;

/** The nature the demo settings give a bill: category 10 (books) and shipping are goods, discounts neither. */
function natureOf(bill: BillTruth): 'services' | 'goods' | 'both' {
  const kinds = new Set(
    bill.lines
      .filter((line) => line.type !== 'DISCOUNT')
      .map((line) => (line.type === 'SHIPPING' || line.categoryid === 10 ? 'goods' : 'services')),
  );
  return kinds.size === 2 ? 'both' : kinds.has('goods') ? 'goods' : 'services';
}

type Check = (locale: Locale, kase: Case, text: { layout: string; flat: string }, bill: BillTruth) => void;

const fr = (locale: Locale, french: string, english: string) => (locale === 'fr' ? french : english);

/** One check per row of docs/invoice-mentions.md, run on every invoice in both languages. */
const CHECKS: Record<string, Check> = {
  'seller-name': (_l, _c, text) => expect(text.layout).toMatch(/^ *Savoirs & Compétences /m),
  'seller-address': (_l, _c, text) => {
    expect(text.layout).toContain('18 quai Claude Bernard');
    expect(text.layout).toContain('69007 Lyon');
  },
  'seller-billing-address': (locale, _c, text) =>
    expect(text.flat).toContain(`${fr(locale, 'Adresse de facturation :', 'Billing address:')} 4 rue de la Comptabilité, 69003 Lyon`),
  'seller-registration': (_l, _c, text) => expect(text.layout).toContain('RCS Lyon 842 105 371'),
  'seller-legal-form': (locale, _c, text) =>
    expect(text.layout).toContain(fr(locale, 'SAS au capital de 50 000,00 €', 'SAS with a share capital of €50,000.00')),
  'seller-vat-number': (locale, _c, text) =>
    expect(text.layout).toContain(`${fr(locale, 'N° TVA intracommunautaire', 'VAT No.')} FR13842105371`),
  'customer-name': (_l, kase, text, bill) => {
    if (kase === 'business') {
      expect(text.layout).toContain(BUSINESS.organisation);
      expect(text.layout).toContain(BUSINESS.department);
    }
    expect(text.layout).toContain(`${bill.customer.firstname} ${bill.customer.lastname}`);
  },
  'customer-address': (locale, kase, text, bill) => {
    const box = text.flat.slice(text.flat.indexOf(fr(locale, 'Facturé à', 'Bill to')));
    if (kase === 'business') expect(box).toMatch(/^.{0,200}5 rue des Comptables 75011 Paris France/);
    else expect(box).toContain(`${bill.customer.address.split('\n')[0]}`);
  },
  'customer-own-address': (locale, kase, text, bill) => {
    const labels = fr(locale, 'Adresse de livraison|Adresse du client', 'Delivery address|Customer address');
    if (kase !== 'business') {
      expect(text.flat).not.toMatch(new RegExp(labels));
      return;
    }
    const goods = natureOf(bill) !== 'services';
    const label = goods ? fr(locale, 'Adresse de livraison', 'Delivery address') : fr(locale, 'Adresse du client', 'Customer address');
    // The customer's own address (not the accounts department's) in its box, left of the billing box.
    const rows = text.layout.split('\n');
    const top = rows.findIndex((row) => row.includes(label));
    expect(top).toBeGreaterThan(0);
    expect(rows[top]).toMatch(new RegExp(`${label} ${fr(locale, 'Facturé à', 'Bill to')}`));
    expect(rows[top + 1]).toMatch(new RegExp(`^ ?${escape(bill.customer.address.split('\n')[0]!)} ${escape(BUSINESS.organisation)}`));
    expect(rows[top + 2]).toMatch(new RegExp(`^ ?${escape(`${bill.customer.zip} ${bill.customer.city}`)} `));
  },
  'customer-siren': (_l, kase, text) => {
    if (kase === 'business') expect(text.layout).toContain('SIREN 732 829 320');
    else expect(text.layout).not.toContain('SIREN');
  },
  'customer-vat-number': (locale, kase, text) => {
    const vat = `${fr(locale, 'N° TVA intracommunautaire', 'VAT No.')} ${BUSINESS.vatnumber}`;
    if (kase === 'business') expect(text.layout).toContain(vat);
    else expect(text.layout).not.toContain(BUSINESS.vatnumber);
  },
  'invoice-number': (locale, _c, text, bill) => expect(text.layout).toContain(`${fr(locale, 'N°', 'No.')} ${bill.idnumber}`),
  'issue-date': (locale, _c, text, bill) =>
    expect(text.layout).toContain(`${fr(locale, 'Date d’émission :', 'Issue date:')} ${day(bill.emissiondate)}`),
  'sale-date': (locale, _c, text, bill) =>
    expect(text.layout).toContain(
      `${fr(locale, 'Date de la vente ou de la prestation :', 'Date of sale or service:')} ${day(bill.emissiondate)}`,
    ),
  nature: (locale, _c, text, bill) =>
    expect(text.layout).toContain(
      `${fr(locale, 'Nature de l’opération :', 'Nature of the operation:')} ${WORDS[locale].natures[natureOf(bill)]}`,
    ),
  lines: (locale, _c, text, bill) => {
    // A long code wraps in its column ("MANAGEMENT-" / "EQUIPE"), which pdftotext reads back without the hyphen.
    const codes = text.flat.replace(/[-\s]/g, '');
    for (const line of bill.lines) {
      expect(codes).toContain(line.itemcode.replace(/-/g, ''));
      expect(text.flat).toContain(line.abstract);
      expect(text.layout).toContain(
        `${line.quantity} ${money(line.unitcents, locale)} ${money(line.totalcents, locale)} ${rate(line.taxratio, locale)}`,
      );
    }
  },
  discounts: (locale, kase, text, bill) => {
    const discounts = bill.lines.filter((line) => line.type === 'DISCOUNT');
    if (kase === 'business') expect(discounts.length).toBeGreaterThan(0);
    for (const line of discounts) {
      expect(line.totalcents).toBeLessThan(0);
      expect(text.layout).toMatch(
        new RegExp(`${escape(line.abstract)} 1 ${escape(money(line.unitcents, locale))} ${escape(money(line.totalcents, locale))}`),
      );
    }
  },
  'line-exemption': (locale, kase, text, bill) => {
    const exempt = bill.lines.filter((line) => line.taxratio === 0 && line.type === 'BILLING');
    if (kase === 'exempt') expect(exempt.length).toBeGreaterThan(0);
    const mention = WORDS[locale].exemption;
    // The mention under the line's label (a label or a mention may wrap in the description's column).
    const rows = text.layout.split('\n');
    for (const line of exempt) {
      const at = rows.findIndex((row) => row.includes(line.abstract));
      expect(at, line.abstract).toBeGreaterThan(0);
      expect(rows.slice(at + 1, at + 3).join(' '), line.abstract).toContain(mention.slice(0, 30));
    }
    if (exempt.length > 0) expect(text.flat).toContain(mention);
    // Once per line at 0 %, once under the 0 % row; never on an invoice without one.
    const atZero = bill.lines.filter((line) => line.taxratio === 0).length;
    expect(text.layout.split(mention.slice(0, 30)).length - 1).toBe(atZero === 0 ? 0 : atZero + 1);
  },
  'vat-breakdown': (locale, _c, text, bill) => {
    for (const row of bill.rates)
      expect(text.layout).toContain(`${rate(row.taxratio, locale)} ${money(row.base, locale)} ${money(row.tax, locale)}`);
  },
  'vat-exemption-row': (locale, kase, text, bill) => {
    const zero = bill.rates.find((row) => row.taxratio === 0);
    if (kase === 'exempt') expect(zero).toBeDefined();
    if (!zero) return;
    const rows = text.layout.split('\n');
    const at = rows.findIndex((row) => row.startsWith(`${rate(0, locale)} ${money(zero.base, locale)} ${money(0, locale)}`));
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 1]).toMatch(new RegExp(`^${escape(WORDS[locale].exemption.slice(0, 30))}`));
  },
  totals: (locale, _c, text, bill) => {
    expect(text.layout).toContain(`${fr(locale, 'Total HT', 'Total excl. VAT')} ${money(bill.untaxedcents, locale)}`);
    expect(text.layout).toContain(`${fr(locale, 'Total TVA', 'Total VAT')} ${money(bill.taxcents, locale)}`);
    expect(text.layout).toContain(`${fr(locale, 'Total TTC', 'Total incl. VAT')} ${money(bill.amountcents, locale)}`);
  },
  'due-date': (locale, _c, text, bill) => {
    const due = day(bill.emissiondate + 30 * 86_400);
    expect(text.layout).toContain(`${fr(locale, 'Échéance :', 'Due date:')} ${due}`);
    expect(text.flat).toContain(fr(locale, `au plus tard le ${due}`, `by ${due} at the latest`));
  },
  'late-penalty': (locale, _c, text) =>
    expect(text.flat).toContain(fr(locale, 'Pénalités de retard : taux annuel de 12 %', 'Late payment penalties: 12% a year')),
  'recovery-indemnity': (locale, kase, text) => {
    const sentence = fr(
      locale,
      'Indemnité forfaitaire pour frais de recouvrement due au créancier en cas de retard de paiement : 40,00 €',
      'Fixed compensation for recovery costs, due to the creditor in case of late payment: €40.00',
    );
    if (kase === 'business') expect(text.flat).toContain(sentence);
    else expect(text.flat).not.toContain(sentence.slice(0, 40));
  },
  'early-payment-discount': (locale, _c, text) =>
    expect(text.flat).toContain(fr(locale, 'Pas d’escompte pour paiement anticipé.', 'No discount for early payment.')),
  // Absent here (the demo company did not opt); present when it did: 'prints the VAT-on-debits option…' below.
  'vat-on-debits': (_l, _c, text) => expect(text.flat).not.toMatch(/d’après les débits/),
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the mentions of docs/invoice-mentions.md, read from the PDF by pdftotext', () => {
  it('has a check for every mention the docs list, and none the docs do not list', () => {
    const ids = [...fs.readFileSync(DOCS, 'utf8').matchAll(/^\| `([a-z-]+)` +\|/gm)].map((match) => match[1]);
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids)).toEqual(new Set(Object.keys(CHECKS)));
  });

  for (const locale of ['fr', 'en'] as const) {
    for (const kase of CASES) {
      for (const id of Object.keys(CHECKS)) {
        it(`${id}: ${kase} customer, ${locale === 'fr' ? 'French' : 'English'}`, () => {
          CHECKS[id]!(locale, kase, { layout: layout[locale][kase], flat: flat[locale][kase] }, truth(bills[kase]));
        });
      }
    }
  }

  it('writes rates as each language does: "20 %" and "0 %" in French, "20%" and "0%" in English', () => {
    const bill = truth(bills.exempt);
    const rates = bill.rates.map((row) => row.taxratio);
    expect(rates).toContain(0);
    for (const ratio of rates) {
      expect(layout.fr.exempt).toMatch(new RegExp(`\\b${String(ratio / 100).replace('.', ',')} %`));
      expect(layout.en.exempt).toMatch(new RegExp(`\\b${ratio / 100}% `));
    }
    // The rate column and the breakdown: a French rate never without its space, an English one never with one.
    expect(layout.fr.exempt.match(/\b\d+(,\d+)?%/g) ?? []).toEqual([]);
    // (A line's label is the shop's own text, "Remise 15 %" in the demo: only the rate column is the invoice's.)
    const englishRows = layout.en.exempt.split('\n').filter((line) => /€\d[\d,.]* *\S*% *$/.test(line));
    expect(englishRows.length).toBeGreaterThanOrEqual(bill.rates.length);
    for (const row of englishRows) expect(row).toMatch(/€[\d,.]+ \d+(\.\d+)?% *$/);
    const frenchRows = layout.fr.exempt.split('\n').filter((line) => /€ +\S+ *% *$/.test(line));
    for (const row of frenchRows) expect(row).toMatch(/€ \d+(,\d+)? % *$/);
  });

  it('prints the VAT-on-debits option when the company took it', async () => {
    const settings = { ...DEMO_INVOICING, payment: { ...DEMO_INVOICING.payment, vatOnDebits: true, earlyPaymentDiscountBasisPoints: 200 } };
    for (const locale of ['fr', 'en'] as const) {
      const [file] = await exportAll(locale, settings, [bills.private]);
      const { flat: text } = await texts(file!);
      expect(text).toContain(
        fr(
          locale,
          'Option pour le paiement de la taxe d’après les débits.',
          'VAT payable on debits (option pour le paiement de la taxe d’après les débits).',
        ),
      );
      expect(text).toContain(fr(locale, 'Escompte pour paiement anticipé : 2 %.', 'Discount for early payment: 2%.'));
    }
  });
});

describe('an invoice that would lack a mandatory mention', () => {
  const refused = async (settings: InvoicingSettings, ids: number[]) => {
    const folder = fs.mkdtempSync(path.join(dir, 'refused-'));
    const failure = writeInvoicesPdf({ db, ids, target: { folder }, locale: 'fr', invoicing: settings, job }).then(
      () => null,
      (error: unknown) => error as { code: string; message: string; details: { missing: { mention: string }[] } },
    );
    const error = await failure;
    const single = fs.mkdtempSync(path.join(dir, 'refused-one-'));
    await expect(
      writeInvoicesPdf({ db, ids, target: { file: path.join(single, 'all.pdf') }, locale: 'fr', invoicing: settings, job }),
    ).rejects.toMatchObject({
      code: 'invoice_mentions_missing',
    });
    // No file, in a folder or as one document.
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(fs.readdirSync(single)).toEqual([]);
    return error!;
  };

  it('is refused when the shop has no SIREN, saying so, and no file is written', async () => {
    const seller = db.prepare("SELECT value FROM site_meta WHERE key = 'site_seller'").pluck().get() as string;
    db.prepare("UPDATE site_meta SET value = ? WHERE key = 'site_seller'").run(JSON.stringify({ ...JSON.parse(seller), registration: '' }));
    try {
      // Nor its registry's city, which came with it ("842 105 371 RCS Lyon").
      const error = await refused(
        DEMO_INVOICING,
        CASES.map((c) => bills[c]),
      );
      expect(error).toMatchObject({ code: 'invoice_mentions_missing' });
      expect(error.details.missing).toEqual([
        { mention: 'seller.siren', where: 'settings' },
        { mention: 'seller.registryCity', where: 'settings' },
      ]);
      expect(error.message).toMatch(/the seller's SIREN; the city of its trade register/);
      expect(error.message).toMatch(/Settings › Invoicing/);
      // Given in the settings instead, the same invoices are written.
      const settings = { ...DEMO_INVOICING, seller: { ...DEMO_INVOICING.seller, siren: '842 105 371', registryCity: 'Lyon' } };
      expect(await exportAll('fr', settings, [bills.business])).toHaveLength(1);
    } finally {
      db.prepare("UPDATE site_meta SET value = ? WHERE key = 'site_seller'").run(seller);
    }
  });

  it('is refused with the list of everything a new profile must fill in', async () => {
    const error = await refused(DEFAULT_INVOICING_SETTINGS, [bills.exempt]);
    expect(error.details.missing.map((entry) => entry.mention)).toEqual([
      'seller.legalForm',
      'payment.latePenalty',
      'payment.earlyPaymentDiscount',
      'operations',
    ]);
    // A company must give its capital too.
    const sas = { ...DEMO_INVOICING, seller: { ...DEMO_INVOICING.seller, shareCapitalCents: null } };
    expect((await refused(sas, [bills.exempt])).details.missing).toEqual([{ mention: 'seller.shareCapital', where: 'settings' }]);
  });

  it('is refused for a French company without a SIREN, naming the customer and its bills', async () => {
    const info = JSON.stringify({ ...BUSINESS, siren: '' });
    db.prepare('UPDATE bill SET invoiceinfo = ? WHERE id = ?').run(info, bills.business);
    try {
      const error = await refused(DEMO_INVOICING, [bills.private, bills.business]);
      const customer = one('SELECT customerid FROM bill WHERE id = ?', bills.business);
      expect(error.details.missing).toEqual([
        {
          mention: 'customer.siren',
          where: 'customer',
          customer: { id: customer, name: `${BUSINESS.organisation}, ${BUSINESS.department}` },
          billIds: [bills.business],
        },
      ]);
    } finally {
      db.prepare('UPDATE bill SET invoiceinfo = ? WHERE id = ?').run(JSON.stringify(BUSINESS), bills.business);
    }
  });

  it('is refused for a line at 0 % whose tax names no legal basis, until the settings give one', async () => {
    const title = db.prepare('SELECT title FROM tax WHERE id = 3').pluck().get() as string;
    db.prepare("UPDATE tax SET title = 'Exonéré' WHERE id = 3").run();
    try {
      const error = await refused(DEMO_INVOICING, [bills.exempt]);
      expect(error.details.missing).toEqual([{ mention: 'tax.exemption', where: 'settings', tax: { id: 3, title: 'Exonéré' } }]);
      const settings: InvoicingSettings = { ...DEMO_INVOICING, exemptions: [{ taxId: 3, basis: 'training' }] };
      const [file] = await exportAll('en', settings, [bills.exempt]);
      expect((await texts(file!)).flat).toContain(WORDS.en.exemption);
    } finally {
      db.prepare('UPDATE tax SET title = ? WHERE id = 3').run(title);
    }
  });
});
