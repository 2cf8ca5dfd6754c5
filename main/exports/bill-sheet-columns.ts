import { billStatusLabel, paymodeLabel } from '../../shared/bills/bill-labels';
import type { BillColumn } from '../../shared/contract';
import type { BillExportRow, CreditNoteExportRow, LineExportRow } from './bill-export-rows';
import type { ExportLocale } from './spreadsheet-cells';

/** How a column's values are written: the writer picks the cell type and number format from it. */
export type CellKind = 'text' | 'integer' | 'datetime' | 'money' | 'percent';

export interface SheetColumn<R> {
  label: Record<ExportLocale, string>;
  /** In characters, as spreadsheets count column widths. */
  width: number;
  kind: CellKind;
  /** Text, an integer, a Unix time (datetime), cents (money) or basis points (percent); words in the sheet's language. */
  value: (row: R, locale: ExportLocale) => string | number;
}

export const SHEET_NAMES: Record<ExportLocale, { bills: string; lines: string; creditNotes: string }> = {
  fr: { bills: 'Factures', lines: 'Lignes', creditNotes: 'Avoirs' },
  en: { bills: 'Bills', lines: 'Lines', creditNotes: 'Credit notes' },
};

export const TOTAL_LABEL: Record<ExportLocale, string> = { fr: 'Total', en: 'Total' };

/** The bills sheet: the columns of the bills table (shared/contract/bills.ts), which the operator picks. */
export const BILL_SHEET_COLUMNS: Record<BillColumn, SheetColumn<BillExportRow>> = {
  id: { label: { fr: 'Identifiant', en: 'Id' }, width: 10, kind: 'integer', value: (r) => r.id },
  transactionid: { label: { fr: 'N° de transaction', en: 'Transaction' }, width: 26, kind: 'text', value: (r) => r.transactionid },
  idnumber: { label: { fr: 'N° de facture', en: 'Invoice number' }, width: 18, kind: 'text', value: (r) => r.idnumber },
  title: { label: { fr: 'Titre', en: 'Title' }, width: 30, kind: 'text', value: (r) => r.title },
  // States and pay modes in the words the windows show (shared/bills/bill-labels.ts), not the shop's codes.
  status: { label: { fr: 'Statut', en: 'Status' }, width: 24, kind: 'text', value: (r, locale) => billStatusLabel(locale, r.status) },
  emissiondate: { label: { fr: 'Date d’émission', en: 'Issued' }, width: 17, kind: 'datetime', value: (r) => r.emissiondate },
  lastactiondate: { label: { fr: 'Dernière action', en: 'Last action' }, width: 17, kind: 'datetime', value: (r) => r.lastactiondate },
  untaxedcents: { label: { fr: 'Montant HT', en: 'Untaxed' }, width: 14, kind: 'money', value: (r) => r.untaxedcents },
  taxcents: { label: { fr: 'TVA', en: 'Tax' }, width: 12, kind: 'money', value: (r) => r.taxcents },
  amountcents: { label: { fr: 'Montant TTC', en: 'Total' }, width: 14, kind: 'money', value: (r) => r.amountcents },
  currency: { label: { fr: 'Devise', en: 'Currency' }, width: 8, kind: 'text', value: (r) => r.currency },
  paymode: {
    label: { fr: 'Mode de paiement', en: 'Payment method' },
    width: 16,
    kind: 'text',
    value: (r, locale) => paymodeLabel(locale, r.paymode),
  },
  customer: { label: { fr: 'Client', en: 'Customer' }, width: 28, kind: 'text', value: (r) => r.customer },
  organisation: { label: { fr: 'Organisation', en: 'Organisation' }, width: 30, kind: 'text', value: (r) => r.organisation },
  items: { label: { fr: 'Articles', en: 'Items' }, width: 30, kind: 'text', value: (r) => r.items },
};

/** The lines sheet: one row per bill line, its bill's references first so it can be filtered by bill. */
export const LINE_SHEET_COLUMNS: readonly SheetColumn<LineExportRow>[] = [
  { label: { fr: 'Facture', en: 'Bill' }, width: 10, kind: 'integer', value: (r) => r.billid },
  { label: { fr: 'N° de transaction', en: 'Transaction' }, width: 26, kind: 'text', value: (r) => r.transactionid },
  { label: { fr: 'Code article', en: 'Item code' }, width: 16, kind: 'text', value: (r) => r.itemcode },
  {
    label: { fr: 'Désignation', en: 'Description' },
    width: 44,
    kind: 'text',
    value: (r) => (r.description === '' ? r.abstract : `${r.abstract} — ${r.description}`),
  },
  { label: { fr: 'Quantité', en: 'Quantity' }, width: 9, kind: 'integer', value: (r) => r.quantity },
  { label: { fr: 'Prix unitaire HT', en: 'Unit price' }, width: 14, kind: 'money', value: (r) => r.unitcents },
  { label: { fr: 'Total HT', en: 'Untaxed total' }, width: 14, kind: 'money', value: (r) => r.totalcents },
  { label: { fr: 'Taux de TVA', en: 'Tax rate' }, width: 10, kind: 'percent', value: (r) => r.taxratio },
  { label: { fr: 'TVA', en: 'Tax' }, width: 12, kind: 'money', value: (r) => r.taxcents },
  { label: { fr: 'Total TTC', en: 'Total' }, width: 14, kind: 'money', value: (r) => r.totalcents + r.taxcents },
];

/**
 * The credit notes sheet: one row per credit note of the exported bills, its amounts negative (what it takes
 * off the sales), so that a sum over the bills and the credit notes is the net of the period.
 */
export const CREDIT_NOTE_SHEET_COLUMNS: readonly SheetColumn<CreditNoteExportRow>[] = [
  { label: { fr: 'N° d’avoir', en: 'Credit note' }, width: 18, kind: 'text', value: (r) => r.number },
  { label: { fr: 'Date', en: 'Issued' }, width: 17, kind: 'datetime', value: (r) => r.issuedat },
  { label: { fr: 'Facture', en: 'Bill' }, width: 10, kind: 'integer', value: (r) => r.billid },
  { label: { fr: 'N° de facture', en: 'Invoice number' }, width: 18, kind: 'text', value: (r) => r.idnumber },
  { label: { fr: 'Client', en: 'Customer' }, width: 28, kind: 'text', value: (r) => r.customer },
  { label: { fr: 'Montant HT', en: 'Untaxed' }, width: 14, kind: 'money', value: (r) => -r.untaxedcents },
  { label: { fr: 'TVA', en: 'Tax' }, width: 12, kind: 'money', value: (r) => -r.taxcents },
  { label: { fr: 'Montant TTC', en: 'Total' }, width: 14, kind: 'money', value: (r) => -r.amountcents },
  { label: { fr: 'Remboursé', en: 'Refunded' }, width: 14, kind: 'money', value: (r) => -r.refundcents },
  { label: { fr: 'Mode de remboursement', en: 'Refunded by' }, width: 14, kind: 'text', value: (r) => r.refundpaymode },
  { label: { fr: 'Date du remboursement', en: 'Refunded on' }, width: 17, kind: 'datetime', value: (r) => r.refundedon },
  { label: { fr: 'Référence', en: 'Reference' }, width: 18, kind: 'text', value: (r) => r.refundreference },
  { label: { fr: 'Motif', en: 'Reason' }, width: 30, kind: 'text', value: (r) => r.reason },
  { label: { fr: 'Devise', en: 'Currency' }, width: 8, kind: 'text', value: (r) => r.currency },
];
