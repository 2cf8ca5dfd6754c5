import ExcelJS from 'exceljs';
import type { DashboardQuery, DashboardSummary } from '../../shared/contract/dashboard';
import { checkFileTarget, StagedFiles } from '../exports/export-target';
import {
  amountOf,
  currencyFormat,
  DATE_FORMAT,
  INTEGER_FORMAT,
  safeText,
  spreadsheetDate,
  type ExportLocale,
} from '../exports/spreadsheet-cells';

/**
 * The dashboard's figures as a workbook (exceljs, as every export): one sheet per chart, amounts as numbers in
 * the currency's format, so an accountant can add them up again. Small (a few hundred cells): written whole,
 * under a temporary name renamed at the end like the other exports.
 */

const WORDS = {
  en: {
    months: 'Months',
    month: 'Month',
    invoiced: 'Invoiced',
    cashed: 'Cashed',
    lastInvoiced: 'Invoiced a year before',
    lastCashed: 'Cashed a year before',
    totals: 'Totals',
    figure: 'Figure',
    amount: 'Amount',
    credited: 'Credit notes',
    refunded: 'Refunds',
    invoices: 'Invoices',
    basket: 'Average basket',
    byCatalog: 'By catalog',
    byProduct: 'By product',
    byCustomer: 'By customer',
    name: 'Name',
    rest: 'The rest',
    noCatalog: 'In no catalog',
    stages: 'Stages',
    stage: 'Stage',
    bills: 'Bills',
    PLACED: 'Placed',
    PENDING: 'Pending payment',
    SOLDOUT: 'Paid, not produced',
    period: 'Period',
    currency: 'Currency',
  },
  fr: {
    months: 'Mois',
    month: 'Mois',
    invoiced: 'Facturé',
    cashed: 'Encaissé',
    lastInvoiced: 'Facturé un an avant',
    lastCashed: 'Encaissé un an avant',
    totals: 'Totaux',
    figure: 'Indicateur',
    amount: 'Montant',
    credited: 'Avoirs',
    refunded: 'Remboursements',
    invoices: 'Factures',
    basket: 'Panier moyen',
    byCatalog: 'Par catalogue',
    byProduct: 'Par produit',
    byCustomer: 'Par client',
    name: 'Nom',
    rest: 'Le reste',
    noCatalog: 'Hors catalogue',
    stages: 'Étapes',
    stage: 'Étape',
    bills: 'Commandes',
    PLACED: 'Passées',
    PENDING: 'En attente de paiement',
    SOLDOUT: 'Payées, non produites',
    period: 'Période',
    currency: 'Devise',
  },
} as const;

export async function writeDashboardXlsx(summary: DashboardSummary, query: DashboardQuery, target: string, locale: ExportLocale) {
  const file = checkFileTarget(target, '.xlsx');
  const words = WORDS[locale];
  const money = { numFmt: currencyFormat(summary.currency, locale) };
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shop Back-Office';

  const sheet = (name: string, headers: string[], widths: number[]) => {
    const ws = workbook.addWorksheet(name);
    ws.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 16 }));
    ws.getRow(1).font = { bold: true };
    return ws;
  };

  const totals = sheet(words.totals, [words.figure, words.amount], [28, 18]);
  totals.addRow([words.period, spreadsheetDate(query.from)]).getCell(2).numFmt = DATE_FORMAT;
  totals.addRow(['', spreadsheetDate(query.to)]).getCell(2).numFmt = DATE_FORMAT;
  totals.addRow([words.currency, summary.currency]);
  const t = summary.totals;
  for (const [label, cents] of [
    [words.invoiced, t.invoicedCents],
    [words.credited, t.creditedCents],
    [words.cashed, t.cashedCents],
    [words.refunded, t.refundedCents],
    [words.basket, t.averageBasketCents],
  ] as const)
    totals.addRow([label, amountOf(cents)]).getCell(2).style = money;
  totals.addRow([words.invoices, t.invoicedBills]).getCell(2).numFmt = INTEGER_FORMAT;

  const months = sheet(
    words.months,
    [words.month, words.invoiced, words.lastInvoiced, words.cashed, words.lastCashed],
    [14, 18, 22, 18, 22],
  );
  for (const m of summary.months) {
    const row = months.addRow([
      spreadsheetDate(m.from),
      amountOf(m.invoicedCents),
      amountOf(m.lastYearInvoicedCents),
      amountOf(m.cashedCents),
      amountOf(m.lastYearCashedCents),
    ]);
    row.getCell(1).numFmt = 'mm/yyyy';
    for (const cell of [2, 3, 4, 5]) row.getCell(cell).style = money;
  }

  const shares = (name: string, rows: DashboardSummary['byProduct'], unnamed: string) => {
    const ws = sheet(name, [words.name, words.invoiced], [40, 18]);
    for (const share of rows)
      ws
        .addRow([safeText(share.filter === null && share.key === '' ? words.rest : share.label || unnamed), amountOf(share.cents)])
        .getCell(2).style = money;
  };
  shares(words.byCatalog, summary.byCatalog, words.noCatalog);
  shares(words.byProduct, summary.byProduct, '');
  shares(words.byCustomer, summary.byCustomer, '');

  const stages = sheet(words.stages, [words.stage, words.bills, words.amount], [28, 12, 18]);
  for (const s of summary.stages) {
    const row = stages.addRow([words[s.status as 'PLACED' | 'PENDING' | 'SOLDOUT'], s.bills, amountOf(s.cents)]);
    row.getCell(2).numFmt = INTEGER_FORMAT;
    row.getCell(3).style = money;
  }

  const staged = new StagedFiles();
  try {
    await workbook.xlsx.writeFile(staged.stage(file));
  } catch (error) {
    staged.discard();
    throw error;
  }
  staged.commit();
}
