import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/contract';
import { errorTextOf, formatErrorText, PLAIN_FORMAT } from '../../shared/errors/error-text';
import { DEMO_INVOICING } from '../../test/support/demo-invoicing';
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

/**
 * Customers whose legal identity is written in the scripts an invoice must print as written: each gets a
 * bill of its own (see beforeAll). The Chinese address has no space and is wider than the address box.
 */
const SCRIPTS = {
  chinese: {
    organisation: '北京语言培训有限公司',
    firstname: '芳',
    lastname: '王',
    address: '北京市海淀区学院路15号语言大学国际交流中心三层东侧办公室',
    zip: '100083',
    city: '北京',
  },
  japanese: {
    organisation: '株式会社東京研修センター',
    firstname: '太郎',
    lastname: '山田',
    address: '千代田区丸の内1丁目9番2号',
    zip: '100-0005',
    city: '東京',
  },
  arabic: {
    organisation: 'شركة التدريب 123',
    firstname: 'محمد',
    lastname: 'العلي',
    address: 'شارع الملك فهد 45',
    zip: '12211',
    city: 'الرياض',
  },
  hebrew: { organisation: 'חברת הדרכה 456', firstname: 'דוד', lastname: 'כהן', address: 'רחוב הרצל 12', zip: '6473925', city: 'תל אביב' },
  korean: {
    organisation: '한국어교육 주식회사',
    firstname: '민준',
    lastname: '김',
    address: '종로구 세종대로 175',
    zip: '03154',
    city: '서울',
  },
  mixed: {
    organisation: 'ACME (شركة التدريب) 北京 2024',
    firstname: 'Jean',
    lastname: 'Dupont',
    address: 'مؤسسة الإمارات للتعليم والتدريب المهني المتقدم، شارع الشيخ زايد رقم ٤٥، دبي',
    zip: '',
    city: 'Dubai',
  },
  /** Ol Chiki (Santali) and an emoji: no font of the invoices has them. */
  unprintable: { organisation: 'Santal Sikhya', firstname: 'ᱚᱛᱟ', lastname: 'Murmu', address: 'Formation 🚀', zip: '', city: 'Jamshedpur' },
} as const;
type Script = keyof typeof SCRIPTS;
const scriptBill = {} as Record<Script, number>;

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
  for (const script of Object.keys(SCRIPTS) as Script[]) {
    const taken = [...Object.values(pick), ...Object.values(scriptBill)].join(',');
    scriptBill[script] = one(`SELECT id FROM bill WHERE id NOT IN (${taken}) ORDER BY id LIMIT 1`);
    const { organisation, firstname, lastname, address, zip, city } = SCRIPTS[script];
    own(scriptBill[script], firstname, lastname);
    // The invoicing details (invoiceinfo) would override the customer's fields.
    db.prepare(
      `UPDATE customer SET organisation = ?, address = ?, zip = ?, city = ?, invoiceinfo = ''
       WHERE id = (SELECT customerid FROM bill WHERE id = ?)`,
    ).run(organisation, address, zip, city, scriptBill[script]);
    db.prepare("UPDATE bill SET invoiceinfo = '' WHERE id = ?").run(scriptBill[script]);
  }
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

/** A bill as the cache holds it; `ref` is what its invoice's pages are named by: its number, or its order's. */
const billOf = (id: number) => {
  const bill = db
    .prepare('SELECT idnumber, ordering, transactionid, untaxedcents, taxcents, amountcents, paidcents FROM bill WHERE id = ?')
    .get(id) as {
    idnumber: string;
    ordering: number;
    transactionid: string;
    untaxedcents: number;
    taxcents: number;
    amountcents: number;
    paidcents: number;
  };
  return { ...bill, ref: bill.idnumber || String(bill.ordering) };
};

describe('invoices in one PDF', () => {
  let file: string;
  let pages: string[];
  let byInvoice: Map<string, string>;

  beforeAll(async () => {
    file = path.join(dir, 'factures.pdf');
    const written = await writeInvoicesPdf({
      db,
      ids: Object.values(pick),
      target: { file },
      locale: 'fr',
      invoicing: DEMO_INVOICING,
      job: job(),
    });
    expect(written).toEqual({ files: [file], invoices: 6 });
    pages = await pagesOf(file);
    // Each page's footer names its invoice: the text of one invoice is its pages joined.
    byInvoice = new Map();
    for (const page of pages) {
      const number = /(?:N°|Commande n°) (\S+) Page \d+ \/ \d+/.exec(page)?.[1] ?? '?';
      byInvoice.set(number, (byInvoice.get(number) ?? '') + page);
    }
  }, 60_000);

  it('embeds DejaVu Sans, and of the other fonts only those its texts need', async () => {
    const { stdout } = await run('pdffonts', [file]);
    const fonts = stdout.split('\n').filter((line) => line.includes('DejaVuSans'));
    expect(fonts).toHaveLength(2);
    // Columns: type, encoding, emb, sub, uni.
    for (const line of fonts) expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    // One customer's name is Chinese; none is Arabic, Hebrew or Korean.
    expect(stdout).toMatch(/NotoSansHans-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(stdout).not.toMatch(/Naskh|Hebrew|NotoSansKR/);
  });

  it('numbers the pages of each invoice on their own', () => {
    const long = billOf(pick.long);
    const number = long.ref;
    const own = pages.filter((page) => page.includes(` ${number} Page`));
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
    expect(text).toContain(`Commande n° ${bill.ordering}`);
    // Human references only: never the shop's 32-character transaction key.
    expect(text).not.toContain(bill.transactionid);
    expect(text).toContain('PAYÉE');
    expect(text).toContain('Boutique Savoirs & Compétences');
    expect(text).toContain(`Reste à payer ${euros(0)}`);
  });

  it('marks a bill without lettering PROFORMA under its order number', () => {
    const bill = billOf(pick.proforma);
    const text = byInvoice.get(bill.ref)!;
    expect(text).toContain('FACTURE PROFORMA');
    expect(text).toContain(`Commande n° ${bill.ordering}`);
    expect(text).not.toContain(bill.transactionid);
    expect(text).not.toContain('PAYÉE');
    expect(text).toContain('Δημήτρης Παπαδόπουλος');
    expect(text).toContain(`Reste à payer ${euros(bill.amountcents)}`);
  });

  it('shows the VAT per rate and the totals to the cent, as the cache holds them', () => {
    const bill = billOf(pick.multiRate);
    const text = byInvoice.get(bill.ref)!;
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
    const text = byInvoice.get(bill.ref)!;
    expect(text).toContain(info['department']);
    expect(text).toContain(`${info['zip']} ${info['city']}`);
  });

  it('prints the terms, the sales conditions and the footer, HTML stripped', () => {
    const text = byInvoice.get(billOf(pick.lettered).idnumber)!;
    expect(text).toContain('Paiement à 30 jours à compter de la date d’émission');
    expect(text).toContain('Convention de formation sur demande.');
    expect(text).toContain('Déclaration d’activité');
    expect(text).not.toMatch(/<p>|&amp;/);
  });

  it('prints a customer’s name that DejaVu has no glyph for with another font, the rest as before', () => {
    const bill = billOf(pick.cjk);
    const text = byInvoice.get(bill.ref)!;
    // pdftotext leaves out the space between two ideographs; the page has it.
    expect(text).toMatch(/芳 ?王/);
    expect(text).toContain(`Total TTC ${euros(bill.amountcents)}`);
  });

  it('renders a page an operator can look at (test-results/exports/)', async () => {
    const first = pages.findIndex((page) => page.includes(billOf(pick.multiRate).ref)) + 1;
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
    const written = await writeInvoicesPdf({ db, ids, target: { folder }, locale: 'en', invoicing: DEMO_INVOICING, job: job() });
    const lettered = billOf(pick.lettered);
    const proforma = billOf(pick.proforma);
    expect(written.files).toEqual([path.join(folder, `${lettered.idnumber}.pdf`), path.join(folder, `PROFORMA-${proforma.ordering}.pdf`)]);
    expect(fs.readdirSync(folder).sort()).toEqual([`${lettered.idnumber}.pdf`, `PROFORMA-${proforma.ordering}.pdf`].sort());
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
    const ids = db.prepare('SELECT id FROM bill WHERE id <> ? ORDER BY id LIMIT 60').pluck().all(scriptBill.unprintable) as number[];
    await expect(
      writeInvoicesPdf({ db, ids, target: { folder }, locale: 'fr', invoicing: DEMO_INVOICING, job: cancelling }),
    ).rejects.toMatchObject({
      code: 'export_cancelled',
    });
    expect(fs.readdirSync(folder)).toEqual([]);
  }, 30_000);
});

describe('names and addresses in other scripts', () => {
  const printable = (Object.keys(SCRIPTS) as Script[]).filter((script) => script !== 'unprintable');
  const files = {} as Record<Script, string>;
  /** pdftotext's default mode: each line in reading order, a right-to-left run marked (U+202B … U+202C). */
  const text = {} as Record<Script, string>;
  /** pdftotext -raw: the words as drawn, left to right on the page. */
  const raw = {} as Record<Script, string>;
  const unmarked = (page: string) => page.replace(/[\u202a-\u202e]/g, '');

  beforeAll(async () => {
    const folder = fs.mkdtempSync(path.join(dir, 'scripts-'));
    const written = await writeInvoicesPdf({
      db,
      ids: printable.map((script) => scriptBill[script]),
      target: { folder },
      locale: 'fr',
      invoicing: DEMO_INVOICING,
      job: job(),
    });
    for (const [index, script] of printable.entries()) {
      files[script] = written.files[index]!;
      text[script] = unmarked((await run('pdftotext', [files[script], '-'])).stdout);
      raw[script] = unmarked((await run('pdftotext', ['-raw', files[script], '-'])).stdout);
      // For an operator to look at: test-results/exports/invoice-script-*.png.
      await run('pdftoppm', [
        '-png',
        '-r',
        '110',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        files[script],
        path.join(ARTIFACTS, `invoice-script-${script}`),
      ]);
    }
  }, 60_000);

  it('prints a Chinese company as written, with a CJK font embedded', async () => {
    expect(text.chinese).toContain('北京语言培训有限公司');
    // pdftotext leaves out the space between two ideographs; the page has it.
    expect(text.chinese).toMatch(/^芳 ?王$/m);
    expect(text.chinese).toContain('100083 北京');
    // The address wider than the box is broken between ideographs: its two parts, in order.
    expect(text.chinese.replace(/\n/g, '')).toContain('北京市海淀区学院路15号语言大学国际交流中心三层东侧办公室');
    const { stdout } = await run('pdffonts', [files.chinese]);
    expect(stdout).toMatch(/NotoSansHans-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('keeps every word inside the address box, however long', async () => {
    for (const script of printable) {
      const { stdout } = await run('pdftotext', ['-bbox', files[script], '-']);
      const words = [...stdout.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</g)].map(
        ([, left, top, right, word]) => ({
          left: Number(left),
          top: Number(top),
          right: Number(right),
          word,
        }),
      );
      // The box: from its label down to the lines' table, right of x = 330; its text stops 8 points
      // before the right margin (595.28 - 40).
      const label = words.find((word) => word.word === 'Facturé')!;
      const table = words.find((word) => word.word === 'Code' && word.top > label.top)!;
      const inBox = words.filter((word) => word.top > label.top && word.top < table.top && word.left >= 330);
      expect(inBox.length, script).toBeGreaterThanOrEqual(4);
      for (const word of inBox) expect(word.right, `${script}: ${word.word}`).toBeLessThanOrEqual(547.28 + 0.01);
      // And the words are there: glyphs missing from the font would be neither read nor measured here.
      if (script === 'chinese' || script === 'japanese' || script === 'korean') {
        expect(inBox.map((word) => word.word).join('')).toContain(SCRIPTS[script].address.replace(/ /g, ''));
      }
    }
  });

  it('prints Japanese and Korean names', () => {
    expect(text.japanese).toContain('株式会社東京研修センター');
    expect(text.japanese).toContain('太郎 山田');
    expect(text.japanese).toContain('千代田区丸の内1丁目9番2号');
    expect(text.korean).toContain('한국어교육 주식회사');
    expect(text.korean).toContain('민준 김');
    expect(text.korean).toContain('03154 서울');
  });

  it('orders Arabic right to left, its words apart and its digits left to right', () => {
    // In reading order: the words as written, 123 not 321.
    expect(text.arabic).toMatch(/^123 شركة التدريب$/m);
    expect(text.arabic).toMatch(/^محمد العلي$/m);
    expect(text.arabic).toMatch(/^45 شارع الملك فهد$/m);
    expect(text.arabic).not.toContain('321');
    // As drawn, left to right: the number at the left end, then the words from last to first.
    expect(raw.arabic).toMatch(/^123 التدريب شركة$/m);
    expect(raw.arabic).toMatch(/^45 فهد الملك شارع$/m);
  });

  it('orders Hebrew right to left, its digits left to right', () => {
    expect(text.hebrew).toMatch(/^456 חברת הדרכה$/m);
    expect(text.hebrew).toMatch(/^12 רחוב הרצל$/m);
    expect(text.hebrew).not.toContain('654');
    expect(raw.hebrew).toMatch(/^456 הדרכה חברת$/m);
    // The postcode comes first in reading order, so at the right end of a right-to-left line.
    expect(raw.hebrew).toMatch(/^אביב תל 6473925$/m);
  });

  it('orders a line that mixes directions and scripts, and wraps an Arabic address', () => {
    // As drawn: the Arabic words inside the brackets from last to first, the rest left to right.
    expect(raw.mixed).toMatch(/^ACME \(التدريب شركة\) 北京 2024$/m);
    // pdftotext's reading order moves the brackets around the Arabic; the words are as written.
    expect(text.mixed).toContain('شركة التدريب');
    // Broken after "شارع"; each line right to left (as drawn, the words from last to first), and the
    // Arabic-Indic digits ٤٥ (45) left to right. (The first two words are left out: pdftotext turns the
    // lam-alef ligature's two letters around, and cuts a word where a letter does not join the next.)
    expect(raw.mixed).toMatch(/^شارع ،المتقدم المهني والتدريب للتعليم /m);
    expect(raw.mixed).toMatch(/^دبي ،٤٥ رقم زايد الشيخ$/m);
    expect(text.mixed).not.toContain('٥٤');
  });

  it('refuses, before writing anything, text that no font can print, naming bill, field and characters', async () => {
    const folder = fs.mkdtempSync(path.join(dir, 'unprintable-'));
    const progress: number[] = [];
    // Thirty printable invoices first: an export that checked as it went would have written and reported them.
    const before = db
      .prepare(`SELECT id FROM bill WHERE id NOT IN (${Object.values(scriptBill).join(',')}) ORDER BY id LIMIT 30`)
      .pluck()
      .all() as number[];
    const watching = job({ progress: (_phase, done) => progress.push(done) });
    for (const target of [{ folder }, { file: path.join(folder, 'all.pdf') }]) {
      const failure = writeInvoicesPdf({
        db,
        ids: [...before, scriptBill.unprintable],
        target,
        locale: 'fr',
        invoicing: DEMO_INVOICING,
        job: watching,
      });
      await expect(failure).rejects.toMatchObject({
        code: 'export_unprintable_text',
        details: {
          count: 2,
          problems: [
            {
              billId: scriptBill.unprintable,
              field: 'customer name',
              text: 'ᱚᱛᱟ Murmu',
              characters: ['ᱚ (U+1C5A)', 'ᱛ (U+1C5B)', 'ᱟ (U+1C5F)'],
            },
            { billId: scriptBill.unprintable, field: 'customer address', text: 'Formation 🚀', characters: ['🚀 (U+1F680)'] },
          ],
        },
      });
      await expect(failure).rejects.toThrow(/customer name “ᱚᱛᱟ Murmu”: ᱚ \(U\+1C5A\), ᱛ \(U\+1C5B\), ᱟ \(U\+1C5F\)/);
      // Its words for a window: each text with its bill, field and characters, for the window to name in its language.
      const text = errorTextOf(((await failure.catch((error: unknown) => error)) as AppError).details);
      expect(text).toMatchObject({
        key: 'export.unprintableTexts',
        params: {
          named: {
            coded: 'unprintableText',
            items: [
              {
                params: {
                  bill: scriptBill.unprintable,
                  field: 'customer name',
                  text: 'ᱚᱛᱟ Murmu',
                  characters: 'ᱚ (U+1C5A), ᱛ (U+1C5B), ᱟ (U+1C5F)',
                },
              },
              { params: { field: 'customer address', text: 'Formation 🚀' } },
            ],
          },
        },
      });
      expect(formatErrorText(text!.key, text!.params, 'fr', PLAIN_FORMAT)).toMatch(
        /^Aucune police des factures ne peut imprimer certains caractères, aucune facture n’a donc été écrite\u00a0: .*\. Corrigez ces textes dans la boutique/,
      );
    }
    expect(progress).toEqual([]);
    expect(fs.readdirSync(folder)).toEqual([]);
  }, 30_000);
});

it('loads the fonts once for the whole process', () => {
  expect(invoiceFonts()).toBe(invoiceFonts());
  expect(typeof (invoiceFonts().regular as { layout?: unknown }).layout).toBe('function');
});
