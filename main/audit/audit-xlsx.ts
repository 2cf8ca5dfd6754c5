import ExcelJS from 'exceljs';
import { findingSentence, plainWords, type WordsLocale } from '../../shared/audit/finding-words';
import type { ReadableDb } from '../db/open';
import { StagedFiles } from '../exports/export-target';
import { DATE_FORMAT, safeText, spreadsheetDate } from '../exports/spreadsheet-cells';
import { eachFinding, type AuditFilter } from './audit-store';

const HEADERS: Record<WordsLocale, string[]> = {
  en: [
    'Kind',
    'What is wrong',
    'Customer',
    'Person',
    'Email',
    'Course',
    'Bill',
    'Product',
    'Paid on',
    'Product ends',
    'Enrolment ends',
    'Moodle user',
  ],
  fr: [
    'Type',
    'Écart',
    'Client',
    'Personne',
    'Courriel',
    'Cours',
    'Facture',
    'Produit',
    'Payé le',
    'Fin du produit',
    'Fin de l’inscription',
    'Utilisateur Moodle',
  ],
};

/**
 * The findings to a workbook, one row each, in words (the kind and the sentence the view shows) and in values
 * a spreadsheet sorts (dates as dates, ids as numbers). Written under a temporary name, renamed when whole.
 */
export async function writeAuditXlsx(db: ReadableDb, filter: AuditFilter, file: string, locale: WordsLocale): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shop Back-Office';
  const sheet = workbook.addWorksheet(locale === 'fr' ? 'Audit des ventes' : 'Audit of sales', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS[locale].map((header, i) => ({ header, width: [22, 60, 30, 26, 30, 18, 10, 24, 14, 14, 16, 14][i] }));
  sheet.getRow(1).font = { bold: true };
  const date = (time: number) => (time > 0 ? spreadsheetDate(time) : null);
  const words = plainWords(locale);
  let rows = 0;
  for (const finding of eachFinding(db, filter)) {
    const row = sheet.addRow([
      words.say(`audit.kind.${finding.kind}`),
      safeText(findingSentence(finding, words)),
      safeText(finding.customer),
      safeText(finding.who),
      safeText(finding.email),
      safeText(finding.course),
      finding.billId || null,
      safeText(finding.reference),
      date(finding.paidAt),
      finding.kind === 'without_sale' ? null : date(finding.expected.timeend),
      date(finding.found?.timeend ?? 0),
      finding.userId || null,
    ]);
    for (const column of [9, 10, 11]) row.getCell(column).numFmt = DATE_FORMAT;
    rows += 1;
  }
  const staged = new StagedFiles();
  try {
    await workbook.xlsx.writeFile(staged.stage(file));
    staged.commit();
  } catch (error) {
    staged.discard();
    throw error;
  }
  return rows;
}
