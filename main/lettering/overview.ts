import type { OpenBill, OpenInvoice, Suggestion } from '../../shared/contract/lettering';
import type { Db } from '../db/open';
import { suggestMatches } from './match-engine';
import { letteredOnShop, matchedCount, openBills, openInvoices } from './open-items';

/** What the Lettering workspace shows: the open items on both sides, and the suggestions between them. */
export function letteringOverview(db: Db): {
  bills: OpenBill[];
  invoices: OpenInvoice[];
  suggestions: Suggestion[];
  matchedCount: number;
  ms: number;
} {
  const bills = openBills(db);
  const invoices = openInvoices(db) as (OpenInvoice & { email: string })[];
  const lettered = letteredOnShop(db);
  // The engine's own time, which the workspace shows: the reads above are the database's.
  const started = performance.now();
  const suggestions = suggestMatches(
    bills.map((b) => ({
      id: b.id,
      amountcents: b.remainingCents,
      currency: b.currency,
      date: b.emissiondate,
      transactionid: b.transactionid,
      name: b.customer,
      organisation: b.organisation,
      email: b.email,
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
    bills,
    invoices: invoices.map(({ email: _email, ...rest }) => rest),
    suggestions,
    matchedCount: matchedCount(db),
    ms,
  };
}
