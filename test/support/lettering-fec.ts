import fs from 'node:fs';
import { once } from 'node:events';
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

export function fecLines(invoices: readonly FecInvoice[], options: { withPayments?: boolean; firstEntry?: number } = {}): string[][] {
  const rows: string[][] = [];
  /** Entries are numbered from 1, or on from an earlier batch's (a file written batch by batch). */
  let entry = (options.firstEntry ?? 1) - 1;
  for (const inv of invoices) {
    entry += 1;
    // 20 % VAT, the split computed on integers: untaxed = round(ttc / 1.2), VAT the rest. A credit note (a
    // negative amount) is the same entry the other way round: the customer credited, revenue and VAT debited.
    const creditNote = inv.amountcents < 0;
    const total = Math.abs(inv.amountcents);
    const untaxed = Math.round((total * 10) / 12);
    const vat = total - untaxed;
    const side = (cents: number, customerSide: boolean): [string, string] =>
      customerSide !== creditNote ? [centsToFec(cents), '0,00'] : ['0,00', centsToFec(cents)];
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
      ...side(total, true),
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
      ...side(untaxed, false),
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
      ...side(vat, false),
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

/**
 * A year's FEC written to `file` batch by batch, never held whole: invoices of `customers` customers (names
 * with accents and typographic punctuation, as real ledgers have), each with its payment, CRLF line ends,
 * until the file reaches `bytes`. For the bench of a large import.
 */
export async function writeFecFile(
  file: string,
  options: { bytes: number; customers?: number },
): Promise<{ bytes: number; lines: number; invoices: number }> {
  const customers = options.customers ?? 20_000;
  const out = fs.createWriteStream(file);
  let bytes = 0;
  let lines = 0;
  let invoices = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${FEC_HEADER}\r\n`);
  const BATCH = 1000;
  while (bytes < options.bytes) {
    const batch: FecInvoice[] = [];
    for (let k = 0; k < BATCH; k += 1) {
      const n = invoices + k + 1;
      const c = n % customers;
      batch.push({
        reference: `FA-2025-${String(n).padStart(7, '0')}`,
        date: `2025${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}`,
        customer:
          c % 3 === 0 ? `Société Générale de Formation n°${c}` : c % 3 === 1 ? `L’Atelier d’Anglais – Agence ${c}` : `Hélène Dupré ${c}`,
        account: `C${String(c).padStart(6, '0')}`,
        label: `Formation ${n % 7 === 0 ? 'Excel avancé' : 'Anglais – niveau B2'} proforma ${100_000 + n}`,
        amountcents: 1_000 + ((n * 7919) % 500_000),
      });
    }
    const rows = fecLines(batch, { withPayments: true, firstEntry: invoices + 1 });
    invoices += BATCH;
    lines += rows.length;
    await write(rows.map((r) => r.join('|')).join('\r\n') + '\r\n');
  }
  out.end();
  await once(out, 'finish');
  return { bytes, lines, invoices };
}
