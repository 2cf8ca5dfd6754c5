import type { MatchReason, Suggestion } from '../../shared/contract/lettering';
import {
  invoiceNumberIndexKeys,
  invoiceNumberKey,
  invoiceNumberLookupKeys,
  invoiceNumbersIn,
  letteringNumbers,
} from '../../shared/lettering/invoice-number';
import type { EngineInvoice, EngineLetteredBill } from './match-engine';
import { suggestionKey } from './match-ranking';
import { score } from './match-rules';

/**
 * The first rule (`lettered`): invoices whose number a bill already carries as its lettering (the reference,
 * or a number written in the label: "Facture 1234"): that bill is the partner, whatever else looks like it. One
 * suggestion per set of such bills with all the invoices naming them; exact when they balance (or one invoice
 * is one bill written the same), and the bills are in no match yet. A bill already matched here makes no
 * suggestion: its invoice has its partner. Marks those invoices settled, for the other rules to leave alone.
 */
export function suggestLettered(
  lettered: readonly EngineLetteredBill[],
  invoices: readonly EngineInvoice[],
  settled: Uint8Array,
  suggestions: Suggestion[],
): void {
  if (lettered.length === 0) return;
  const byNumber = new Map<string, number[]>();
  lettered.forEach((l, j) => {
    for (const { number } of letteringNumbers(l.idnumber)) {
      const key = invoiceNumberKey(number);
      for (const k of key ? invoiceNumberIndexKeys(key) : [`t:${number.toUpperCase()}`]) {
        const list = byNumber.get(k);
        if (!list) byNumber.set(k, [j]);
        else if (!list.includes(j)) list.push(j);
      }
    }
  });
  const find = (number: string, into: Set<number>) => {
    const key = invoiceNumberKey(number);
    for (const k of key ? invoiceNumberLookupKeys(key) : [`t:${number.trim().toUpperCase()}`])
      for (const j of byNumber.get(k) ?? []) into.add(j);
  };
  const sets = new Map<string, { bills: number[]; invoices: number[] }>();
  invoices.forEach((inv, k) => {
    const hits = new Set<number>();
    if (inv.reference.trim() !== '') find(inv.reference, hits);
    const fromReference = hits.size > 0;
    for (const number of invoiceNumbersIn(inv.label)) find(number, hits);
    if (hits.size === 0) return;
    const found = [...hits].sort((a, b) => lettered[a]!.id - lettered[b]!.id);
    // A number read only in the label is weaker: it is that bill's when the amounts agree.
    if (!fromReference) {
      const total = found.reduce((sum, j) => sum + lettered[j]!.amountcents, 0);
      if (total !== inv.amountcents || found.some((j) => lettered[j]!.currency !== inv.currency)) return;
    }
    settled[k] = 1;
    const key = found.join(',');
    const set = sets.get(key);
    if (set) set.invoices.push(k);
    else sets.set(key, { bills: found, invoices: [k] });
  });
  const claimed = new Map<number, number>();
  for (const set of sets.values()) for (const j of set.bills) claimed.set(j, (claimed.get(j) ?? 0) + 1);
  for (const set of sets.values()) {
    const bills = set.bills.map((j) => lettered[j]!);
    // Matched here already, or claimed by another set of invoices: its partner is known, or to sort out by hand.
    if (bills.some((b) => b.matched) || set.bills.some((j) => claimed.get(j)! > 1)) continue;
    const invs = set.invoices.map((k) => invoices[k]!).sort((a, b) => a.id - b.id);
    const currency = invs[0]!.currency;
    const sameCurrency = [...bills, ...invs].every((x) => x.currency === currency);
    const billCents = bills.reduce((sum, b) => sum + b.amountcents, 0);
    const invoiceCents = invs.reduce((sum, i) => sum + i.amountcents, 0);
    const balanced = sameCurrency && billCents === invoiceCents;
    const writtenSame = bills.length === 1 && invs.length === 1 && bills[0]!.idnumber === invs[0]!.reference;
    const exact = sameCurrency && (balanced || writtenSame);
    suggestions.push({
      key: suggestionKey(
        bills.map((b) => b.id),
        invs.map((i) => i.id),
      ),
      kind: exact ? 'exact' : 'check',
      rule: 'lettered',
      score: score('lettered', 0),
      billIds: bills.map((b) => b.id),
      invoiceIds: invs.map((i) => i.id),
      reasons: [
        ...bills.map((b): MatchReason => ({ code: 'alreadyLettered', idnumber: b.idnumber })),
        balanced ? { code: 'sameAmount', cents: invoiceCents, currency } : { code: 'amountDiffers', billCents, invoiceCents, currency },
      ],
    });
  }
}
