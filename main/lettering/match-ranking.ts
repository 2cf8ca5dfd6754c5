import type { MatchRule, Suggestion } from '../../shared/contract/lettering';
import type { EngineInvoice } from './match-engine';
import type { PreparedBill } from './match-index';
import { EXACT_RULES, type Proposal } from './match-rules';

/**
 * Which proposals become suggestions: the best few per invoice, then groups before pairs, pairs best first,
 * each bill and each invoice in one suggestion at most. Which rule a proposal fits is match-rules.ts's.
 */

/** Candidates kept per invoice: the best, and two in case a better invoice takes it. */
const KEEP_PER_INVOICE = 3;

/** A candidate bill of one invoice, by its place in the engine's arrays, with the rule it fits. */
export interface Candidate {
  i: number;
  rule: MatchRule;
  days: number;
  score: number;
}

/**
 * Keeps `best` the invoice's best candidates, by score then bill id, at most KEEP_PER_INVOICE long (sorted
 * by insertion: this runs for every candidate of every invoice, and most are turned away at the first test).
 */
export function keepBest(
  best: Candidate[],
  prepared: readonly PreparedBill[],
  i: number,
  rule: MatchRule,
  days: number,
  score: number,
): void {
  if (best.length === KEEP_PER_INVOICE && score <= best[KEEP_PER_INVOICE - 1]!.score) return;
  const id = prepared[i]!.id;
  let at = best.length;
  while (at > 0 && (best[at - 1]!.score < score || (best[at - 1]!.score === score && prepared[best[at - 1]!.i]!.id > id))) at -= 1;
  best.splice(at, 0, { i, rule, days, score });
  if (best.length > KEEP_PER_INVOICE) best.pop();
}

/** Pairs (and bills invoiced in parts) best first; equal scores by bill, then invoice, so runs repeat. */
export function byRank(a: Proposal, b: Proposal): number {
  return b.score - a.score || a.billId - b.billId || a.invoiceId - b.invoiceId;
}

/** The suggestions as the window lists them: best first, then by key. */
export function bestFirst(a: Suggestion, b: Suggestion): number {
  return b.score - a.score || a.key.localeCompare(b.key);
}

/**
 * Where proposals become suggestions, in the order they are offered: a proposal with a bill or an invoice
 * already given to an earlier one is dropped.
 */
export function suggestionSink(prepared: readonly PreparedBill[], invoices: readonly EngineInvoice[], suggestions: Suggestion[]) {
  const usedBills = new Set<number>();
  const usedInvoices = new Set<number>();
  const emit = (p: Proposal) => {
    if (p.bills.some((i) => usedBills.has(i)) || p.invoices.some((k) => usedInvoices.has(k))) return;
    for (const i of p.bills) usedBills.add(i);
    for (const k of p.invoices) usedInvoices.add(k);
    const billIds = p.bills.map((i) => prepared[i]!.id);
    const invoiceIds = p.invoices.map((k) => invoices[k]!.id);
    suggestions.push({
      key: suggestionKey(billIds, invoiceIds),
      kind: EXACT_RULES.has(p.rule) ? 'exact' : 'check',
      rule: p.rule,
      score: p.score,
      billIds,
      invoiceIds,
      reasons: p.reasons,
    });
  };
  return { usedBills: usedBills as ReadonlySet<number>, usedInvoices: usedInvoices as ReadonlySet<number>, emit };
}

/** "b12|i7", "b12,b13|i7": stable while the open items do not change. */
export function suggestionKey(billIds: readonly number[], invoiceIds: readonly number[]): string {
  if (billIds.length === 1 && invoiceIds.length === 1) return `b${billIds[0]!}|i${invoiceIds[0]!}`;
  return `${billIds.map((id) => `b${id}`).join(',')}|${invoiceIds.map((id) => `i${id}`).join(',')}`;
}
