import { AppError } from '../../shared/contract';
import { refusal } from '../../shared/errors/error-text';
import type { CreditSuggestion, MatchRule, OpenCreditNote } from '../../shared/contract/lettering';
import { customerKey } from '../../shared/lettering/customer-key';
import { invoiceNumberKey } from '../../shared/lettering/invoice-number';
import type { Db, ReadableDb } from '../db/open';
import type { LetteringInvoiceTableRow } from '../db/tables';
import { oneValue } from '../db/single-value';
import { writeLog } from './lettering-log';

/**
 * Credit notes in the lettering: the shop's credit notes (factures d'avoir, numbered by the shop) against the
 * credit notes of the accounting software, which an imported FEC gives as invoices whose amount is negative
 * (the customer's account credited). A match pairs one with one, to the cent, and is recorded as a closed
 * lettering_match with the imported credit note's lettering_link (so it is lettered in the FEC written back,
 * and no longer open among the invoices) and a lettering_credit_link for the shop's side. Nothing goes to the
 * shop: its credit note already has its number.
 *
 * The same rules of trust as for invoices (match-engine.ts), in the same order, the first that fits wins:
 *  exact (may be accepted without looking)
 *   lettered        the imported number is the shop's credit note number (written the same after normalising:
 *                   separators, padding, "AV", "Avoir"), and the amounts agree
 *   amountCustomer  same amount, same customer, within 31 days, and neither side has another such partner
 *  to check
 *   referenceOtherAmount  the number agrees, the amount does not (the match is refused until they agree)
 *   amountOtherCustomer   same amount within 10 days, another customer
 */

const DAY = 86_400;
const EXACT_WINDOW_DAYS = 31;
const OTHER_CUSTOMER_WINDOW_DAYS = 10;

type CreditInvoice = Pick<LetteringInvoiceTableRow, 'id' | 'reference' | 'customer' | 'amountcents' | 'currency'> & {
  date: LetteringInvoiceTableRow['invoice_date'];
};

type CreditNoteRow = OpenCreditNote & { organisation: string };

/** The shop's credit notes in no match yet. */
export function openCreditNotes(db: ReadableDb): CreditNoteRow[] {
  return db
    .prepare<[], CreditNoteRow>(
      `SELECT n.id, n.number, n.billid AS billId, b.idnumber AS invoiceNumber, n.issuedat, -n.amountcents AS amountcents, b.currency,
              trim(coalesce(c.firstname, '') || ' ' || coalesce(c.lastname, '')) AS customer, coalesce(c.organisation, '') AS organisation
       FROM bill_credit_note n JOIN bill b ON b.id = n.billid LEFT JOIN customer c ON c.id = b.customerid
       WHERE n.id NOT IN (SELECT k.credit_note_id FROM lettering_credit_link k JOIN lettering_match m ON m.id = k.match_id AND m.state <> 'undone')
       ORDER BY n.issuedat, n.id`,
    )
    .all();
}

/** Imported credit notes (negative invoices) in no match yet. */
function openCreditInvoices(db: ReadableDb): CreditInvoice[] {
  return db
    .prepare<[], CreditInvoice>(
      `SELECT i.id, i.reference, i.invoice_date AS date, i.customer, i.amountcents, i.currency FROM lettering_invoice i
       WHERE i.amountcents < 0
         AND i.id NOT IN (SELECT l.invoice_id FROM lettering_link l JOIN lettering_match m ON m.id = l.match_id AND m.state <> 'undone'
                          WHERE l.invoice_id IS NOT NULL)
       ORDER BY i.invoice_date, i.id`,
    )
    .all();
}

const numberKey = (text: string) => invoiceNumberKey(text)?.grouped ?? null;

/** The suggestions between the shop's open credit notes and the imported ones; each item in one at most. */
export function suggestCreditNoteMatches(notes: readonly CreditNoteRow[], invoices: readonly CreditInvoice[]): CreditSuggestion[] {
  const byNumber = new Map<string, CreditInvoice[]>();
  for (const invoice of invoices) {
    const key = numberKey(invoice.reference);
    if (key) byNumber.set(key, [...(byNumber.get(key) ?? []), invoice]);
  }
  const sameCustomer = (note: CreditNoteRow, invoice: CreditInvoice) => {
    const key = customerKey(invoice.customer);
    return key !== '' && (key === customerKey(note.customer) || key === customerKey(note.organisation));
  };
  const near = (note: CreditNoteRow, invoice: CreditInvoice, days: number) => Math.abs(note.issuedat - invoice.date) <= days * DAY;
  const candidates: (CreditSuggestion & { score: number })[] = [];
  for (const note of notes) {
    const key = numberKey(note.number);
    const numbered = key ? (byNumber.get(key) ?? []) : [];
    for (const invoice of numbered) {
      if (invoice.currency !== note.currency) continue;
      const same = invoice.amountcents === note.amountcents;
      candidates.push(suggestion(note, invoice, same ? 'lettered' : 'referenceOtherAmount', same ? 100 : 40));
    }
    const byAmount = invoices.filter((invoice) => invoice.currency === note.currency && invoice.amountcents === note.amountcents);
    const customers = byAmount.filter((invoice) => sameCustomer(note, invoice) && near(note, invoice, EXACT_WINDOW_DAYS));
    for (const invoice of customers) {
      // Unique both ways: no other credit note of this amount and customer near that imported one.
      const rivals = notes.filter((other) => other !== note && other.amountcents === invoice.amountcents && sameCustomer(other, invoice));
      const exact = customers.length === 1 && rivals.length === 0;
      candidates.push(suggestion(note, invoice, exact ? 'amountCustomer' : 'amountOtherCustomer', exact ? 90 : 30));
    }
    for (const invoice of byAmount) {
      if (!sameCustomer(note, invoice) && near(note, invoice, OTHER_CUSTOMER_WINDOW_DAYS))
        candidates.push(suggestion(note, invoice, 'amountOtherCustomer', 20));
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.creditNoteId - b.creditNoteId || a.invoiceId - b.invoiceId);
  const takenNotes = new Set<number>();
  const takenInvoices = new Set<number>();
  const chosen: CreditSuggestion[] = [];
  for (const { score: _score, ...candidate } of candidates) {
    if (takenNotes.has(candidate.creditNoteId) || takenInvoices.has(candidate.invoiceId)) continue;
    takenNotes.add(candidate.creditNoteId);
    takenInvoices.add(candidate.invoiceId);
    chosen.push(candidate);
  }
  return chosen;
}

function suggestion(note: CreditNoteRow, invoice: CreditInvoice, rule: MatchRule, score: number): CreditSuggestion & { score: number } {
  const reasons: CreditSuggestion['reasons'] = [];
  if (rule === 'lettered' || rule === 'referenceOtherAmount') reasons.push({ code: 'reference', value: invoice.reference });
  reasons.push(
    invoice.amountcents === note.amountcents
      ? { code: 'sameAmount', cents: note.amountcents, currency: note.currency }
      : { code: 'amountDiffers', billCents: note.amountcents, invoiceCents: invoice.amountcents, currency: note.currency },
  );
  if (rule === 'amountOtherCustomer') reasons.push({ code: 'otherCustomer', bill: note.customer, invoice: invoice.customer });
  reasons.push({ code: 'days', days: Math.round(Math.abs(note.issuedat - invoice.date) / DAY) });
  return {
    key: `c${note.id}|i${invoice.id}`,
    kind: rule === 'lettered' || rule === 'amountCustomer' ? 'exact' : 'check',
    rule,
    creditNoteId: note.id,
    invoiceId: invoice.id,
    reasons,
    score,
  };
}

export function creditNoteOverview(db: ReadableDb): { creditNotes: OpenCreditNote[]; creditSuggestions: CreditSuggestion[] } {
  const notes = openCreditNotes(db);
  return {
    creditNotes: notes.map(({ organisation: _organisation, ...note }) => note),
    creditSuggestions: suggestCreditNoteMatches(notes, openCreditInvoices(db)),
  };
}

/** Records a credit note match, closed, checked against the items as they are now; returns its id. */
export function matchCreditNote(db: Db, request: { creditNoteId: number; invoiceId: number; rule: MatchRule }, who: string): number {
  return db.transaction(() => {
    const note = openCreditNotes(db).find((open) => open.id === request.creditNoteId);
    if (!note)
      throw refusal(
        'lettering_item_not_open',
        'lettering.creditNoteNotOpen',
        { id: request.creditNoteId },
        { creditNoteId: request.creditNoteId },
      );
    const invoice = openCreditInvoices(db).find((open) => open.id === request.invoiceId);
    if (!invoice)
      throw refusal(
        'lettering_item_not_open',
        'lettering.importedCreditNoteNotOpen',
        { id: request.invoiceId },
        { invoiceId: request.invoiceId },
      );
    if (invoice.currency !== note.currency)
      throw refusal(
        'lettering_currency_mismatch',
        'lettering.creditNoteCurrencies',
        { currency: note.currency, other: invoice.currency },
        { currencies: [note.currency, invoice.currency] },
      );
    if (invoice.amountcents !== note.amountcents)
      throw refusal(
        'lettering_over_allocated',
        'lettering.creditNoteAmounts',
        {
          number: note.number,
          amount: { cents: note.amountcents, currency: note.currency },
          reference: invoice.reference,
          other: { cents: invoice.amountcents, currency: invoice.currency },
        },
        { creditNoteId: note.id, invoiceId: invoice.id, remainingCents: note.amountcents },
      );
    const now = Math.floor(Date.now() / 1000);
    const id = oneValue(
      db
        .prepare<unknown[], number>(
          `INSERT INTO lettering_match (state, rule, tolerance_cents, currency, created_at, created_by, closed_at)
         VALUES ('closed', ?, 0, ?, ?, ?, ?) RETURNING id`,
        )
        .pluck()
        .get(request.rule, note.currency, now, who, now),
    );
    db.prepare("INSERT INTO lettering_link (match_id, bill_id, invoice_id, allocated_cents, lettering) VALUES (?, NULL, ?, ?, '')").run(
      id,
      invoice.id,
      invoice.amountcents,
    );
    db.prepare('INSERT INTO lettering_credit_link (match_id, credit_note_id, number, allocated_cents) VALUES (?, ?, ?, ?)').run(
      id,
      note.id,
      note.number,
      note.amountcents,
    );
    writeLog(db, who, id, {
      action: 'match',
      currency: note.currency,
      rule: request.rule,
      bills: [],
      invoices: [{ reference: invoice.reference, cents: invoice.amountcents }],
      creditNotes: [{ number: note.number, cents: note.amountcents }],
    });
    return id;
  })();
}

/** Accepts the exact credit note suggestions; one that no longer holds is left. */
export function acceptCreditSuggestions(db: Db, suggestions: readonly CreditSuggestion[], who: string): number {
  let accepted = 0;
  for (const s of suggestions) {
    if (s.kind !== 'exact') continue;
    try {
      matchCreditNote(db, { creditNoteId: s.creditNoteId, invoiceId: s.invoiceId, rule: s.rule }, who);
      accepted += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return accepted;
}
