import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoice as EInvoice } from '@e-invoice-eu/core';
import { AppError } from '../../shared/contract';
import { errorTextOf, formatErrorText, PLAIN_FORMAT } from '../../shared/errors/error-text';
import { DEMO_INVOICING } from '../../test/support/demo-invoicing';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import { getBillDetail } from '../bills/bill-detail';
import { issueCreditNote } from '../bills/credit-notes';
import { writeCreditNotesPdf } from './credit-notes-pdf';
import { ciiXml } from './factur-x-writer';
import type { ExportJob } from './export-jobs';
import { writeInvoicesPdf } from './invoice-pdf';

/**
 * Factur-X files as independent readers see them: the attachment listed by pdfdetach, the file checked by qpdf,
 * the XML (embedded and alone) valid against the CII schema of the EN 16931 profile (xmllint), the PDF/A-3
 * identification in the XMP, and every amount of the XML equal to the PDF's own text (pdftotext) to the cent.
 */

const run = promisify(execFile);
const XSD = path.resolve(import.meta.dirname, '../../test/support/factur-x-xsd/Factur-X_1.07.3_EN16931.xsd');
const job: ExportJob = { exportId: 'facturx', signal: new AbortController().signal, progress: () => {}, throwIfCancelled: () => {} };

let cache: SyncedCache;
let dir: string;
let invoiceFiles: string[];
let creditFiles: string[];
let billId: number;

beforeAll(async () => {
  cache = await syncedCache({ bills: 200 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-facturx-'));
  // An invoice with an exempt line, a taxed line and a discount: the VAT rows a platform checks.
  billId = cache.db
    .prepare(
      `SELECT b.id FROM bill b WHERE b.idnumber <> '' AND b.status IN ('SOLDOUT', 'COMPLETE') AND b.paidcents = b.amountcents
         AND EXISTS (SELECT 1 FROM bill_item WHERE billid = b.id AND taxratio = 0 AND type = 'BILLING')
         AND EXISTS (SELECT 1 FROM bill_item WHERE billid = b.id AND taxratio > 0 AND type = 'BILLING')
         AND EXISTS (SELECT 1 FROM bill_item WHERE billid = b.id AND type = 'DISCOUNT')
       ORDER BY b.id LIMIT 1`,
    )
    .pluck()
    .get() as number;
  const taxed = getBillDetail(cache.db, billId).lines.find((line) => line.taxratio > 0 && line.totalcents > 0)!;
  issueCreditNote(cache.db, {
    id: billId,
    reason: 'Annulation partielle',
    lines: [{ billitemid: taxed.id, quantity: 1, totalcents: Math.floor(taxed.totalcents / 2) }],
    refund: { paymode: 'transfer', refundedon: 1_790_000_000, reference: 'VIR-1' },
  });
  expect((await cache.engine.start('manual')).outcome).toBe('done');
  const noteId = getBillDetail(cache.db, billId).creditNotes[0]!.id;
  const folder = fs.mkdtempSync(path.join(dir, 'out-'));
  const einvoice = { facturX: true, xml: true };
  invoiceFiles = (
    await writeInvoicesPdf({ db: cache.db, ids: [billId], target: { folder }, locale: 'fr', invoicing: DEMO_INVOICING, job, einvoice })
  ).files;
  creditFiles = (
    await writeCreditNotesPdf({ db: cache.db, ids: [noteId], target: { folder }, locale: 'fr', invoicing: DEMO_INVOICING, job, einvoice })
  ).files;
}, 120_000);
afterAll(async () => {
  await cache?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** What a Factur-X PDF and its XML say, read by the independent tools. */
async function read(pdf: string) {
  const listed = (await run('pdfdetach', ['-list', pdf])).stdout;
  const embedded = path.join(path.dirname(pdf), `${path.basename(pdf, '.pdf')}.embedded.xml`);
  await run('pdfdetach', ['-save', '1', '-o', embedded, pdf]);
  const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout.replace(/[ \u00a0\u202f\u2007]+/g, ' ');
  const meta = (await run('pdfinfo', ['-meta', pdf])).stdout;
  return { listed, embedded, xml: fs.readFileSync(embedded, 'utf8'), text, meta };
}

/** The first value of an element, or every one. */
const all = (xml: string, element: string) =>
  [...xml.matchAll(new RegExp(`<ram:${element}[^>]*>([^<]*)</ram:${element}>`, 'g'))].map((m) => m[1]!);
const first = (xml: string, element: string) => all(xml, element)[0];
/** "123.45" → 12345; "1 234,56 €" → 123456, by hand, without floats. */
const xmlCents = (text: string | undefined) => {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text ?? '');
  if (!match) throw new Error(`not an XML amount: ${text}`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0')));
};
const euros = (cents: number) =>
  `${cents < 0 ? '-' : ''}${String(Math.floor(Math.abs(cents) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(Math.abs(cents) % 100).padStart(2, '0')} €`;

/** xmllint's verdict: "<file> validates", or its errors (it exits 3 on an invalid file). */
async function xsdValid(file: string): Promise<string> {
  try {
    return (await run('xmllint', ['--noout', '--schema', XSD, file])).stderr.trim();
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error).trim();
  }
}

describe('Factur-X invoices and credit notes', () => {
  it('writes each document as a PDF and its CII XML, named by its number', () => {
    const number = cache.db.prepare('SELECT idnumber FROM bill WHERE id = ?').pluck().get(billId) as string;
    expect(invoiceFiles.map((file) => path.basename(file))).toEqual([`${number}.pdf`, `${number}.xml`]);
    expect(creditFiles.map((file) => path.basename(file))).toEqual([
      expect.stringMatching(/^AV-\d{4}-\d{6}\.pdf$/),
      expect.stringMatching(/^AV-\d{4}-\d{6}\.xml$/),
    ]);
  });

  for (const kind of ['invoice', 'credit note'] as const) {
    it(`${kind}: pdfdetach lists factur-x.xml, qpdf finds no error, the XMP says PDF/A-3 and Factur-X EN 16931`, async () => {
      const pdf = (kind === 'invoice' ? invoiceFiles : creditFiles)[0]!;
      const { listed, meta } = await read(pdf);
      expect(listed).toMatch(/^1 embedded files\n1: factur-x\.xml$/m);
      const checked = await run('qpdf', ['--check', pdf]);
      expect(checked.stdout).toContain('No syntax or stream encoding errors found');
      expect(meta).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
      expect(meta).toMatch(/<fx:ConformanceLevel>EN 16931<\/fx:ConformanceLevel>/);
      expect(meta).toMatch(/<fx:DocumentFileName>factur-x\.xml<\/fx:DocumentFileName>/);
    });

    it(`${kind}: its XML, embedded and alone, is valid against the CII schema of the EN 16931 profile`, async () => {
      const [pdf, alone] = (kind === 'invoice' ? invoiceFiles : creditFiles) as [string, string];
      const { embedded, xml } = await read(pdf);
      expect(await xsdValid(embedded)).toMatch(/validates$/);
      expect(await xsdValid(alone)).toMatch(/validates$/);
      expect(xml).toMatch(/<ram:GuidelineSpecifiedDocumentContextParameter>\s*<ram:ID>urn:cen\.eu:en16931:2017<\/ram:ID>/);
      expect(first(xml, 'TypeCode')).toBe(kind === 'invoice' ? '380' : '381');
      // The same data alone as embedded: its amounts and its number.
      const standalone = fs.readFileSync(alone, 'utf8');
      for (const element of [
        'LineTotalAmount',
        'TaxBasisTotalAmount',
        'TaxTotalAmount',
        'GrandTotalAmount',
        'DuePayableAmount',
        'CalculatedAmount',
        'BasisAmount',
      ])
        expect(all(standalone, element), element).toEqual(all(xml, element));
    });

    it(`${kind}: every amount of the XML is the PDF's, to the cent`, async () => {
      const pdf = (kind === 'invoice' ? invoiceFiles : creditFiles)[0]!;
      const { xml, text } = await read(pdf);
      const [untaxed, tax, total] = ['TaxBasisTotalAmount', 'TaxTotalAmount', 'GrandTotalAmount'].map((element) =>
        xmlCents(first(xml, element)),
      );
      expect(text).toContain(`Total HT ${euros(untaxed!)}`);
      expect(text).toContain(`Total TVA ${euros(tax!)}`);
      expect(text).toContain(`${kind === 'invoice' ? 'Total TTC' : 'Total TTC de l’avoir'} ${euros(total!)}`);
      if (kind === 'invoice') expect(text).toContain(`Reste à payer ${euros(xmlCents(first(xml, 'DuePayableAmount')))}`);
      // The VAT breakdown: each row's rate, base and tax, as the PDF prints it.
      const trade = [...xml.matchAll(/<ram:ApplicableTradeTax>([\s\S]*?)<\/ram:ApplicableTradeTax>/g)].map((m) => m[1]!);
      const header = trade.filter((block) => block.includes('<ram:CalculatedAmount>'));
      expect(header.length).toBeGreaterThanOrEqual(kind === 'invoice' ? 2 : 1);
      for (const block of header) {
        const rate = first(block, 'RateApplicablePercent')!.replace('.', ',');
        expect(text).toContain(
          `${rate} % ${euros(xmlCents(first(block, 'BasisAmount')))} ${euros(xmlCents(first(block, 'CalculatedAmount')))}`,
        );
        if (first(block, 'CategoryCode') === 'E')
          expect(first(block, 'ExemptionReason')).toBe('Exonération de TVA, article 261-4-4° du CGI');
      }
      // Each line's net amount is a line of the PDF's table.
      for (const amount of all(xml, 'LineTotalAmount').slice(1)) expect(text).toContain(euros(xmlCents(amount)));
      // The seller's and the customer's identifiers.
      expect(xml).toContain('<ram:ID schemeID="0002">842105371</ram:ID>');
      expect(xml).toContain('<ram:ID schemeID="VA">FR13842105371</ram:ID>');
    });
  }

  it('credit note: names the invoice it corrects, with its date', async () => {
    const { xml } = await read(creditFiles[0]!);
    if (process.env['DUMP_FACTURX']) fs.writeFileSync('/tmp/wt16-credit.xml', xml);
    const number = cache.db.prepare('SELECT idnumber FROM bill WHERE id = ?').pluck().get(billId) as string;
    expect(xml).toMatch(new RegExp(`<ram:InvoiceReferencedDocument>\\s*<ram:IssuerAssignedID>${number}</ram:IssuerAssignedID>`));
  });

  it('refuses data EN 16931 does not allow, naming the document and the library’s reason, in both languages', async () => {
    const refused = (await ciiXml('FA-0042', {} as EInvoice, 'fr').catch((error: unknown) => error)) as AppError;
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.code).toBe('export_einvoice_invalid');
    expect(refused.message).toMatch(/^Document FA-0042 cannot be written as Factur-X \(EN 16931\): .+\. No file was written\.$/);
    const text = errorTextOf(refused.details)!;
    expect(text.key).toBe('export.einvoiceInvalid');
    expect(formatErrorText(text.key, text.params, 'fr', PLAIN_FORMAT)).toMatch(
      /^Le document FA-0042 ne peut pas être écrit en Factur-X \(EN 16931\)\u00a0: .+\. Aucun fichier n’a été écrit\.$/,
    );
  });

  it('refuses several documents in one Factur-X file, writing nothing', async () => {
    const file = path.join(fs.mkdtempSync(path.join(dir, 'one-')), 'all.pdf');
    const ids = [billId, cache.db.prepare("SELECT id FROM bill WHERE idnumber <> '' AND id <> ? LIMIT 1").pluck().get(billId) as number];
    await expect(
      writeInvoicesPdf({
        db: cache.db,
        ids,
        target: { file },
        locale: 'fr',
        invoicing: DEMO_INVOICING,
        job,
        einvoice: { facturX: true, xml: false },
      }),
    ).rejects.toMatchObject({
      code: 'export_target_invalid',
      message: 'Factur-X and CII are one file per invoice: choose a folder (one file per document, named by its number), not one PDF.',
      details: { target: file, text: { key: 'export.oneFilePerInvoice', params: {} } },
    });
    expect(formatErrorText('export.oneFilePerInvoice', {}, 'fr', PLAIN_FORMAT)).toBe(
      'Factur-X et CII font un fichier par facture\u00a0: choisissez un dossier (un fichier par document, nommé d’après son numéro), pas un seul PDF.',
    );
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });
});
