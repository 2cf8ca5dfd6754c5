import type { BillCreditLineTableRow, BillCreditNoteTableRow, BillItemTableRow } from '../db/tables';
import { refusal } from '../../shared/errors/error-text';
import type { InvoicingContext } from '../invoicing/invoicing-context';
import { invoiceReader, vatByRate, type Invoice, type InvoiceLine } from './invoice-data';

/**
 * A credit note (facture d'avoir) as its PDF shows it, read from the cache: the shop's credit note (its number,
 * date, reason, refund) and what it credits line by line, with the seller, the customer and the nature of the
 * operations of the invoice it corrects (the same mentions, docs/invoice-mentions.md), and that invoice's
 * number and date. Amounts are positive: what is credited.
 */
export interface CreditNoteDocument {
  creditNoteId: number;
  billId: number;
  number: string;
  issuedAt: number;
  reason: string;
  invoice: Pick<Invoice, 'number' | 'issuedAt' | 'orderReference' | 'currency' | 'seller' | 'buyer' | 'nature' | 'footer' | 'proforma'>;
  lines: InvoiceLine[];
  vat: Invoice['vat'];
  untaxedcents: number;
  taxcents: number;
  amountcents: number;
  refund: { cents: number; paymode: string; on: number; reference: string };
}

/** A credit note as its documents show it: every column but who issued it. */
export type CreditNoteRow = Omit<BillCreditNoteTableRow, 'userid'>;

/** A credited line, with its bill line's texts (NULL when the shop no longer has that line). */
type CreditLineRow = Pick<BillCreditLineTableRow, 'quantity' | 'totalcents' | 'taxratio' | 'taxcents'> & {
  [K in 'taxcode' | 'itemcode' | 'abstract' | 'unitcents']: BillItemTableRow[K] | null;
};

export function creditNoteReader(context: InvoicingContext): (creditNoteId: number) => CreditNoteDocument {
  const { db } = context;
  const readInvoice = invoiceReader(db, context);
  const noteOf = db.prepare<[number], CreditNoteRow>(
    `SELECT id, billid, number, issuedat, reason, untaxedcents, taxcents, amountcents, refundcents, refundpaymode, refundedon, refundreference
     FROM bill_credit_note WHERE id = ?`,
  );
  const linesOf = db.prepare<[number], CreditLineRow>(
    `SELECT c.quantity, c.totalcents, c.taxratio, c.taxcents, i.taxcode, i.itemcode, i.abstract, i.unitcents
     FROM bill_credit_line AS c LEFT JOIN bill_item AS i ON i.id = c.billitemid
     WHERE c.creditnoteid = ? ORDER BY i.ordering, c.id`,
  );
  return (creditNoteId) => {
    const note = noteOf.get(creditNoteId);
    if (!note) {
      throw refusal('export_bills_missing', 'export.creditNoteGone', { id: creditNoteId }, { missing: [creditNoteId], count: 1 });
    }
    const invoice = readInvoice(note.billid);
    const rows = linesOf.all(creditNoteId);
    const lines: InvoiceLine[] = rows.map((row) => {
      // Whole units of the line credited show its unit price; an amount credited shows as one unit of it.
      const units = row.quantity > 0 && row.unitcents !== null && row.unitcents * row.quantity === row.totalcents;
      return {
        code: row.itemcode ?? '',
        label: row.abstract ?? '',
        detail: '',
        quantity: units ? row.quantity : 1,
        unitcents: units ? row.unitcents! : row.totalcents,
        totalcents: row.totalcents,
        taxratio: row.taxratio,
        taxcents: row.taxcents,
        taxcode: row.taxcode ?? 0,
        exemption: row.taxratio === 0 ? context.exemptionOf(row.taxcode ?? 0) : null,
      };
    });
    return {
      creditNoteId,
      billId: note.billid,
      number: note.number,
      issuedAt: note.issuedat,
      reason: note.reason,
      invoice,
      lines,
      vat: vatByRate(lines),
      untaxedcents: note.untaxedcents,
      taxcents: note.taxcents,
      amountcents: note.amountcents,
      refund: { cents: note.refundcents, paymode: note.refundpaymode, on: note.refundedon, reference: note.refundreference },
    };
  };
}
