import { centsToFec } from '../../shared/lettering/decimal-cents';

/**
 * FEC files as accounting software writes them, for tests, the bench and the end-to-end test: a sales
 * journal (VT) entry per invoice (customer 411 debit, revenue 706 and VAT 44571 credit), and a bank journal
 * (BQ) entry for its payment (512 debit, 411 credit), which the import must leave aside.
 */
export interface FecInvoice {
  reference: string;
  /** YYYYMMDD */
  date: string;
  customer: string;
  account: string;
  label: string;
  amountcents: number;
  /** Already lettered with its payment by the accounting software (EcritureLet / DateLet). */
  accountingLetter?: string;
}

export const FEC_HEADER =
  'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise';

export function fecLines(invoices: readonly FecInvoice[], options: { withPayments?: boolean } = {}): string[][] {
  const rows: string[][] = [];
  let entry = 0;
  for (const inv of invoices) {
    entry += 1;
    // 20 % VAT, the split computed on integers: untaxed = round(ttc / 1.2), VAT the rest.
    const untaxed = Math.round((inv.amountcents * 10) / 12);
    const vat = inv.amountcents - untaxed;
    const num = `VT${String(entry).padStart(6, '0')}`;
    const letter = inv.accountingLetter ?? '';
    const dateLet = letter ? inv.date : '';
    rows.push([
      'VT',
      'Ventes',
      num,
      inv.date,
      '41100000',
      'Clients',
      inv.account,
      inv.customer,
      inv.reference,
      inv.date,
      inv.label,
      centsToFec(inv.amountcents),
      '0,00',
      letter,
      dateLet,
      inv.date,
      '',
      '',
    ]);
    rows.push([
      'VT',
      'Ventes',
      num,
      inv.date,
      '70600000',
      'Prestations de services',
      '',
      '',
      inv.reference,
      inv.date,
      inv.label,
      '0,00',
      centsToFec(untaxed),
      '',
      '',
      inv.date,
      '',
      '',
    ]);
    rows.push([
      'VT',
      'Ventes',
      num,
      inv.date,
      '44571000',
      'TVA collectée',
      '',
      '',
      inv.reference,
      inv.date,
      inv.label,
      '0,00',
      centsToFec(vat),
      '',
      '',
      inv.date,
      '',
      '',
    ]);
    if (options.withPayments) {
      const pay = `BQ${String(entry).padStart(6, '0')}`;
      rows.push([
        'BQ',
        'Banque',
        pay,
        inv.date,
        '51200000',
        'Banque',
        '',
        '',
        inv.reference,
        inv.date,
        `Virement ${inv.customer}`,
        centsToFec(inv.amountcents),
        '0,00',
        '',
        '',
        inv.date,
        '',
        '',
      ]);
      rows.push([
        'BQ',
        'Banque',
        pay,
        inv.date,
        '41100000',
        'Clients',
        inv.account,
        inv.customer,
        inv.reference,
        inv.date,
        `Virement ${inv.customer}`,
        '0,00',
        centsToFec(inv.amountcents),
        letter,
        dateLet,
        inv.date,
        '',
        '',
      ]);
    }
  }
  return rows;
}

/** The FEC's text: header and lines, separated by pipes (or tabs), CRLF line ends as Windows software writes. */
export function fecText(invoices: readonly FecInvoice[], options: { separator?: '|' | '\t'; withPayments?: boolean } = {}): string {
  const sep = options.separator ?? '|';
  return [FEC_HEADER.split('|').join(sep), ...fecLines(invoices, options).map((r) => r.join(sep))].join('\r\n') + '\r\n';
}

/** Unix seconds to YYYYMMDD, UTC. */
export function fecDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10).replace(/-/g, '');
}
