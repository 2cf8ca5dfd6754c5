import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReminderMessage, Renewal } from '../../shared/contract/followup';
import { writeMailMerge } from './mail-merge';
import { writeRenewalsXlsx } from './renewals-xlsx';

/** The follow-up's files: the mail-merge file of reminders (CSV and XLSX) and the renewals workbook. */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-followup-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const message = (overrides: Partial<ReminderMessage>): ReminderMessage => ({
  billId: 12,
  productId: null,
  customerId: 3,
  customer: 'Zoé "Ma" Dupré',
  email: 'zoe@example.org',
  moodleUserId: 0,
  amountCents: 123_456_789_05,
  currency: 'EUR',
  text: 'Bonjour Zoé,\nreste dû : 1 234 567 890,05 €',
  ...overrides,
});

describe('the mail-merge file', () => {
  it('as CSV: UTF-8 with its BOM, every field quoted, amounts exact from the cents, formulas neutralised', async () => {
    const file = await writeMailMerge([message({}), message({ billId: 13, customer: '=HYPERLINK("x")', amountCents: -5 })], {
      format: 'csv',
      target: path.join(dir, 'relances.csv'),
      language: 'fr',
    });
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      '"E-mail","Client","Facture","Montant","Devise","Message"',
      '"zoe@example.org","Zoé ""Ma"" Dupré","12","12345678905.00","EUR","Bonjour Zoé,\nreste dû : 1 234 567 890,05 €"'.replace(
        '12345678905.00',
        '123456789.05',
      ),
      '"zoe@example.org","\'=HYPERLINK(""x"")","13","-0.05","EUR","Bonjour Zoé,\nreste dû : 1 234 567 890,05 €"',
      '',
    ]);
    expect(fs.readdirSync(dir)).toEqual(['relances.csv']);
  });

  it('as XLSX: the amount a real number with its currency format, the text whole; a bad target writes nothing', async () => {
    const file = await writeMailMerge([message({})], { format: 'xlsx', target: path.join(dir, 'reminders.xlsx'), language: 'en' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Reminders')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Email', 'Customer', 'Bill', 'Amount', 'Currency', 'Message']);
    expect(sheet.getCell('D2').value).toBe(123456789.05);
    expect(sheet.getCell('D2').numFmt).toBe('"€"#,##0.00');
    expect(sheet.getCell('F2').value).toBe('Bonjour Zoé,\nreste dû : 1 234 567 890,05 €');
    await expect(writeMailMerge([message({})], { format: 'xlsx', target: 'relative.xlsx', language: 'en' })).rejects.toMatchObject({
      code: 'export_target_invalid',
    });
    await expect(
      writeMailMerge([message({})], { format: 'csv', target: path.join(dir, 'wrong.xlsx'), language: 'en' }),
    ).rejects.toMatchObject({
      code: 'export_target_invalid',
    });
    expect(fs.readdirSync(dir)).toEqual(['reminders.xlsx']);
  });
});

describe('the renewals workbook', () => {
  it('holds one row per renewal, dates and amounts as real values', async () => {
    const renewal: Renewal = {
      productId: 5,
      billId: 9,
      customerId: 3,
      customer: 'Zoé Dupré',
      hasAccount: true,
      catalogItemId: 7,
      product: 'Excel — 6 mois',
      code: 'EXCEL',
      endDate: 1_790_000_000,
      daysLeft: -3,
      renewalItem: 'Excel — 6 mois',
      renewalCents: 46_800,
      currency: 'EUR',
      reminders: 1,
      lastReminderAt: null,
    };
    const file = await writeRenewalsXlsx([renewal, { ...renewal, productId: 6, renewalCents: null }], {
      target: path.join(dir, 'renouvellements.xlsx'),
      language: 'fr',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Renouvellements')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getCell('D2').value).toEqual(new Date(1_790_000_000 * 1000));
    expect(sheet.getCell('E2').value).toBe(-3);
    expect(sheet.getCell('F2').value).toBe(468);
    expect(sheet.getCell('F3').value).toBeNull();
    expect(sheet.getCell('H2').value).toBe('oui');
  });
});
