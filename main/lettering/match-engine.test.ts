import { describe, expect, it } from 'vitest';
import { generateLedger } from '../../test/support/lettering-ledger';
import { suggestMatches, type EngineBill, type EngineInvoice } from './match-engine';

const bill = (over: Partial<EngineBill> & { id: number }): EngineBill => ({
  amountcents: 125000,
  currency: 'EUR',
  date: Date.UTC(2025, 2, 10) / 1000,
  transactionid: `tx${over.id}abcdef`,
  name: 'Hélène Dupré',
  organisation: '',
  email: 'helene@example.test',
  ...over,
});
const invoice = (over: Partial<EngineInvoice> & { id: number }): EngineInvoice => ({
  reference: `FA-${over.id}`,
  amountcents: 125000,
  currency: 'EUR',
  date: Date.UTC(2025, 2, 12) / 1000,
  customer: 'DUPRE Helene',
  email: '',
  label: 'Formation',
  ...over,
});

describe('suggestMatches on small cases', () => {
  it('matches same amount and same customer (accents, case, word order ignored) as exact, with its reasons', () => {
    const [s] = suggestMatches([bill({ id: 1 })], [invoice({ id: 10 })]);
    expect(s).toMatchObject({ kind: 'exact', rule: 'amountCustomer', billIds: [1], invoiceIds: [10] });
    expect(s!.reasons).toEqual([
      { code: 'sameAmount', cents: 125000, currency: 'EUR' },
      { code: 'sameCustomer', via: 'name' },
      { code: 'days', days: 2 },
    ]);
  });

  it('prefers the transaction id in the label, which settles a customer who bought the same thing twice', () => {
    const bills = [bill({ id: 1 }), bill({ id: 2, date: Date.UTC(2025, 2, 11) / 1000 })];
    const invoices = [invoice({ id: 10, label: `Commande ${bills[1]!.transactionid.toUpperCase()}` }), invoice({ id: 11 })];
    const suggestions = suggestMatches(bills, invoices);
    expect(suggestions.find((s) => s.invoiceIds[0] === 10)).toMatchObject({ kind: 'exact', rule: 'reference', billIds: [2] });
    // Two bills could be invoice 11's: it is to check, never accepted blind.
    expect(suggestions.find((s) => s.invoiceIds[0] === 11)).toMatchObject({ kind: 'check', rule: 'ambiguous', billIds: [1] });
  });

  it('suggests a cent off, a renamed customer and a partial amount only to check', () => {
    const bills = [
      bill({ id: 1 }),
      bill({ id: 2, name: 'Paul Roux', email: 'paul@example.test', amountcents: 49900 }),
      bill({ id: 3, name: 'Zoé Petit', email: 'z@example.test', amountcents: 30000 }),
    ];
    const invoices = [
      invoice({ id: 10, amountcents: 125001 }),
      invoice({ id: 11, amountcents: 49900, customer: 'Roux Conseil SAS' }),
      invoice({ id: 12, amountcents: 10000, customer: 'PETIT Zoe', label: `Acompte ${bills[2]!.transactionid}` }),
    ];
    const byInvoice = new Map(suggestMatches(bills, invoices).map((s) => [s.invoiceIds[0], s]));
    expect(byInvoice.get(10)).toMatchObject({ kind: 'check', rule: 'nearAmount', billIds: [1] });
    expect(byInvoice.get(10)!.reasons[0]).toEqual({ code: 'amountDiffers', billCents: 125000, invoiceCents: 125001, currency: 'EUR' });
    expect(byInvoice.get(11)).toMatchObject({ kind: 'check', rule: 'amountOtherCustomer', billIds: [2] });
    expect(byInvoice.get(12)).toMatchObject({ kind: 'check', rule: 'referenceOtherAmount', billIds: [3] });
  });

  it('never pairs across currencies, and gives each bill to one suggestion only', () => {
    const suggestions = suggestMatches(
      [bill({ id: 1, currency: 'USD' }), bill({ id: 2 })],
      [invoice({ id: 10 }), invoice({ id: 11, date: Date.UTC(2025, 2, 13) / 1000 })],
    );
    const billIds = suggestions.flatMap((s) => s.billIds);
    expect(billIds).not.toContain(1);
    expect(new Set(billIds).size).toBe(billIds.length);
    expect(suggestions.every((s) => s.kind === 'check')).toBe(true);
  });

  it('suggests several bills of one customer adding up to one invoice, to check', () => {
    const bills = [bill({ id: 1, amountcents: 30000 }), bill({ id: 2, amountcents: 20000, date: Date.UTC(2025, 2, 11) / 1000 })];
    const [s] = suggestMatches(bills, [invoice({ id: 10, amountcents: 50000 })]);
    expect(s).toMatchObject({ kind: 'check', rule: 'customerBills', billIds: [1, 2], invoiceIds: [10] });
  });

  it('takes one invoice naming several proformas that add up to it as exact, many-to-one', () => {
    const bills = [
      bill({ id: 1, amountcents: 30000 }),
      bill({ id: 2, amountcents: 20000 }),
      bill({ id: 3, amountcents: 20000, name: 'Paul Roux', email: 'p@example.test' }),
    ];
    const one = invoice({ id: 10, amountcents: 50000, label: `Commandes ${bills[0]!.transactionid} et ${bills[1]!.transactionid}` });
    const other = invoice({
      id: 11,
      amountcents: 50000,
      label: `Commandes ${bills[0]!.transactionid} ${bills[2]!.transactionid}`,
      customer: 'X',
    });
    expect(suggestMatches(bills, [one])[0]).toMatchObject({ kind: 'exact', rule: 'reference', billIds: [1, 2], invoiceIds: [10] });
    // Another customer among them: to check.
    expect(suggestMatches(bills, [other])[0]).toMatchObject({ kind: 'check', billIds: [1, 3], invoiceIds: [11] });
  });

  it('takes an invoice number the shop already has as a lettering as exact', () => {
    const [s] = suggestMatches([], [invoice({ id: 10, reference: 'FA-2025-000009' })], new Map([['FA-2025-000009', 77]]));
    expect(s).toMatchObject({ kind: 'exact', rule: 'lettered', billIds: [77], invoiceIds: [10] });
  });
});

describe('suggestMatches on generated ledgers with a known truth', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: exact suggestions are never wrong, find ≥ 99 % of the exact pairs, and near misses are only to check`, () => {
      const ledger = generateLedger(4000, seed);
      const suggestions = suggestMatches(ledger.bills, ledger.invoices);
      const exact = suggestions.filter((s) => s.kind === 'exact');
      for (const s of exact) {
        expect(s.billIds).toHaveLength(1);
        const truth = ledger.truth.get(s.invoiceIds[0]!);
        expect(truth?.billId, `invoice ${s.invoiceIds[0]} accepted with bill ${s.billIds[0]}`).toBe(s.billIds[0]);
        expect(truth?.kind).toBe('exact');
      }
      const exactTruth = [...ledger.truth.values()].filter((t) => t.kind === 'exact').length;
      expect(exact.length / exactTruth).toBeGreaterThanOrEqual(0.99);

      const byInvoice = new Map(suggestions.map((s) => [s.invoiceIds[0], s]));
      let nearMisses = 0;
      let suggestedRight = 0;
      for (const [invoiceId, t] of ledger.truth) {
        if (t.kind === 'exact') continue;
        nearMisses += 1;
        const s = byInvoice.get(invoiceId);
        if (s) expect(s.kind).toBe('check');
        if (s?.billIds.includes(t.billId)) suggestedRight += 1;
      }
      expect(nearMisses).toBeGreaterThan(50);
      // Near misses come back as suggestions to check, pointing at the right bill.
      expect(suggestedRight / nearMisses).toBeGreaterThanOrEqual(0.9);
      // Stray invoices (no bill) are never exact.
      for (const s of exact) expect(s.invoiceIds[0]! < 900_000).toBe(true);
    });
  }

  it('runs 10,000 × 10,000 by indexes, examining a few candidates per invoice, not all pairs', () => {
    const ledger = generateLedger(10_000, 7);
    const counters = { pairsExamined: 0 };
    const suggestions = suggestMatches(ledger.bills, ledger.invoices, new Map(), counters);
    expect(suggestions.length).toBeGreaterThan(9000);
    // The work, not the stopwatch (timings are the benchmark's): the indexes hand each invoice a few
    // candidates (about 14 each here), where all pairs would be bills × invoices.
    const allPairs = ledger.bills.length * ledger.invoices.length;
    expect(counters.pairsExamined).toBeGreaterThan(0);
    expect(counters.pairsExamined).toBeLessThan(allPairs / 500);
  });
});
