import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Renewal, ReminderLanguage } from '../../shared/contract/followup';
import { checkFileTarget } from '../exports/export-target';
import { amountOf, currencyFormat, DATE_FORMAT, safeText, spreadsheetDate } from '../exports/spreadsheet-cells';

const HEADERS = {
  en: ['Customer', 'Product', 'Code', 'Ends', 'Days left', 'Renewal today', 'Currency', 'Moodle account', 'Reminders', 'Bill'],
  fr: [
    'Client',
    'Produit',
    'Code',
    'Fin',
    'Jours restants',
    'Renouvellement au tarif du jour',
    'Devise',
    'Compte Moodle',
    'Relances',
    'Facture',
  ],
} as const;

/**
 * The renewals list as a workbook: real dates and amounts with their currency's format, a frozen header and
 * a filter, written under a hidden name and renamed once complete.
 */
export async function writeRenewalsXlsx(
  rows: readonly Renewal[],
  options: { target: string; language: ReminderLanguage },
): Promise<string> {
  const file = checkFileTarget(options.target, '.xlsx');
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.part`);
  const yes = options.language === 'fr' ? 'oui' : 'yes';
  const no = options.language === 'fr' ? 'non' : 'no';
  try {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(options.language === 'fr' ? 'Renouvellements' : 'Renewals', {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = HEADERS[options.language].map((header, index) => ({ header, width: [28, 32, 14, 12, 10, 16, 8, 10, 10, 8][index] }));
    for (const r of rows) {
      const row = sheet.addRow([
        safeText(r.customer),
        safeText(r.product),
        safeText(r.code),
        spreadsheetDate(r.endDate),
        r.daysLeft,
        r.renewalCents === null ? null : amountOf(r.renewalCents),
        r.currency,
        r.hasAccount ? yes : no,
        r.reminders,
        r.billId || null,
      ]);
      row.getCell(4).numFmt = DATE_FORMAT;
      row.getCell(6).numFmt = currencyFormat(r.currency, options.language);
    }
    sheet.autoFilter = { from: 'A1', to: 'J1' };
    await workbook.xlsx.writeFile(temporary);
    fs.renameSync(temporary, file);
    return file;
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
