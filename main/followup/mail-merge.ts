import { centsText } from '../../shared/money/cents-text';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ReminderLanguage, ReminderMessage } from '../../shared/contract/followup';
import { checkFileTarget } from '../exports/export-target';
import { amountOf, currencyFormat, safeText } from '../exports/spreadsheet-cells';

/**
 * A mail-merge file of reminders, for the customers a Moodle message cannot reach: one row per reminder, with
 * the address, the customer, the amount and the whole text, as a word processor's mail merge or a mailing tool
 * reads it. CSV (UTF-8 with its BOM, so that Excel reads the accents; comma-separated, every field quoted) or
 * XLSX. Written under a hidden name and renamed at the end, so a failure leaves no half-written file.
 */

const HEADERS = {
  en: ['Email', 'Customer', 'Bill', 'Amount', 'Currency', 'Message'],
  fr: ['E-mail', 'Client', 'Facture', 'Montant', 'Devise', 'Message'],
} as const;

/** A text field: a formula-like text is neutralised as in the XLSX exports; quotes are doubled. */
function csvField(text: string): string {
  return quoted(safeText(text));
}

/** Quoted as it is: for the amount, whose minus sign is a number's, not a formula's. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** 125050 → "1250.50": exact from the integer cents, no floating point. */
function plainAmount(cents: number): string {
  return centsText(cents);
}

export async function writeMailMerge(
  messages: readonly ReminderMessage[],
  options: { format: 'csv' | 'xlsx'; target: string; language: ReminderLanguage },
): Promise<string> {
  const file = checkFileTarget(options.target, options.format === 'csv' ? '.csv' : '.xlsx');
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.part`);
  try {
    if (options.format === 'csv') {
      const lines = [HEADERS[options.language].map(csvField).join(',')];
      for (const m of messages) {
        const fields = [csvField(m.email), csvField(m.customer), quoted(String(m.billId)), quoted(plainAmount(m.amountCents))];
        lines.push([...fields, csvField(m.currency), csvField(m.text)].join(','));
      }
      fs.writeFileSync(temporary, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
    } else {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(options.language === 'fr' ? 'Relances' : 'Reminders', {
        views: [{ state: 'frozen', ySplit: 1 }],
      });
      sheet.columns = HEADERS[options.language].map((header, index) => ({ header, width: [32, 28, 10, 14, 8, 80][index] }));
      for (const m of messages) {
        const row = sheet.addRow([
          safeText(m.email),
          safeText(m.customer),
          m.billId,
          amountOf(m.amountCents),
          m.currency,
          safeText(m.text),
        ]);
        row.getCell(4).numFmt = currencyFormat(m.currency, options.language);
        row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
      }
      sheet.autoFilter = { from: 'A1', to: 'F1' };
      await workbook.xlsx.writeFile(temporary);
    }
    fs.renameSync(temporary, file);
    return file;
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
