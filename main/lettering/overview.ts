import type { CreditSuggestion, OpenBill, OpenCreditNote, OpenInvoice, Suggestion } from '../../shared/contract/lettering';
import type { ReadableDb } from '../db/open';
import { calendarDayOf } from './calendar-day';
import { creditNoteOverview } from './credit-note-matches';
import { suggestMatches } from './match-engine';
import { awaitingPaymentCount, candidateBills, letteredBills, matchedCount, openInvoices } from './open-items';

const DAY = 86_400;
/** The bills not paid yet that count are dated from 46 days before the first open invoice to 32 days after the last. */
const BEFORE_DAYS = 46;
const AFTER_DAYS = 32;

/**
 * What the Lettering workspace shows: the open items on both sides, and the suggestions between them. The bills
 * are the paid ones and, around the open invoices' dates, the orders awaiting their payment (an invoice may
 * come first); the engine also weighs the other bills of those dates and the lettered ones, never shown here.
 */
export function letteringOverview(db: ReadableDb): {
  bills: OpenBill[];
  invoices: OpenInvoice[];
  suggestions: Suggestion[];
  creditNotes: OpenCreditNote[];
  creditSuggestions: CreditSuggestion[];
  matchedCount: number;
  awaitingPaymentCount: number;
  ms: number;
} {
  const invoices = openInvoices(db) as (OpenInvoice & { email: string })[];
  let window: { from: number; to: number } | null = null;
  for (const i of invoices) {
    window ??= { from: i.date, to: i.date };
    window.from = Math.min(window.from, i.date);
    window.to = Math.max(window.to, i.date);
  }
  if (window) window = { from: window.from - BEFORE_DAYS * DAY, to: window.to + AFTER_DAYS * DAY };
  const candidates = candidateBills(db, window);
  const lettered = invoices.length > 0 ? letteredBills(db) : [];
  // The engine's own time, which the workspace shows: the reads above are the database's.
  const started = performance.now();
  const suggestions = suggestMatches(
    candidates.map((b) => ({
      id: b.id,
      amountcents: b.remainingCents,
      currency: b.currency,
      // Invoices have a day, not an instant: the bill's day for the operator, so 23:49 is not "1 day apart".
      date: calendarDayOf(b.emissiondate),
      transactionid: b.transactionid,
      name: b.customer,
      organisation: b.organisation,
      email: b.email,
      payment: b.payment,
      status: b.status,
    })),
    invoices.map((i) => ({
      id: i.id,
      reference: i.reference,
      amountcents: i.remainingCents,
      currency: i.currency,
      date: i.date,
      customer: i.customer,
      email: i.email,
      label: i.label,
    })),
    lettered,
  );
  const ms = Math.round(performance.now() - started);
  return {
    bills: candidates.filter((b) => b.payment !== 'other').map(({ payment: _payment, ...bill }) => bill),
    invoices: invoices.map(({ email: _email, ...rest }) => rest),
    suggestions,
    ...creditNoteOverview(db),
    matchedCount: matchedCount(db),
    awaitingPaymentCount: awaitingPaymentCount(db),
    ms,
  };
}
