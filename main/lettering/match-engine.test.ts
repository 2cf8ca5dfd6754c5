import { describe, expect, it } from 'vitest';
import { generateLedger } from '../../test/support/lettering-ledger';
import { suggestMatches, type EngineBill, type EngineInvoice, type EngineLetteredBill } from './match-engine';

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
    const [s] = suggestMatches(
      [],
      [invoice({ id: 10, reference: 'FA-2025-000009' })],
      [{ id: 77, idnumber: 'FA-2025-000009', amountcents: 125000, currency: 'EUR', matched: false }],
    );
    expect(s).toMatchObject({ kind: 'exact', rule: 'lettered', billIds: [77], invoiceIds: [10] });
  });
});

const lettered = (over: Partial<EngineLetteredBill> & { id: number; idnumber: string }): EngineLetteredBill => ({
  amountcents: 125000,
  currency: 'EUR',
  matched: false,
  ...over,
});

describe('exactness judged against every bill that could be the partner (issue 14, item 9)', () => {
  it('does not take a paid bill as exact when an unpaid order of the customer has the same amount: ambiguous', () => {
    const bills = [bill({ id: 1, payment: 'unpaid', status: 'PENDING' }), bill({ id: 2, date: Date.UTC(2025, 2, 13) / 1000 })];
    const [s] = suggestMatches(bills, [invoice({ id: 10 })]);
    expect(s).toMatchObject({ kind: 'check', rule: 'ambiguous', invoiceIds: [10] });
    expect(s!.reasons).toContainEqual({ code: 'ambiguous', count: 2 });
  });

  it('matches an invoice issued before payment to its unpaid bill, exact, saying the lettering waits for the payment', () => {
    const [s] = suggestMatches([bill({ id: 1, payment: 'unpaid', status: 'PREPROD' })], [invoice({ id: 10 })]);
    expect(s).toMatchObject({ kind: 'exact', rule: 'amountCustomer', billIds: [1], invoiceIds: [10] });
    expect(s!.reasons).toContainEqual({ code: 'awaitingPayment', status: 'PREPROD' });
  });

  it('never suggests a cancelled bill, but counts it as a possible partner', () => {
    const bills = [bill({ id: 1, payment: 'other', status: 'CANCELLED' }), bill({ id: 2, date: Date.UTC(2025, 2, 13) / 1000 })];
    const suggestions = suggestMatches(bills, [invoice({ id: 10 })]);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ kind: 'check', rule: 'ambiguous', billIds: [2] });
    expect(suggestMatches([bills[0]!], [invoice({ id: 10 })])).toEqual([]);
  });

  it('takes an invoice whose number a bill carries, written another way, as that bill, and never the look-alike', () => {
    const decoy = bill({ id: 2 });
    for (const [onShop, inFec] of [
      ['FA-2026-001927', 'F2026001927'],
      ['FA-2026-001927', 'fa 2026 1927'],
      ['FA-001234', 'Facture 1234'],
      ['FA-1234', 'FA1234'],
      ['1234', 'Facture n° 1234'],
    ] as const) {
      const suggestions = suggestMatches([decoy], [invoice({ id: 10, reference: inFec })], [lettered({ id: 77, idnumber: onShop })]);
      expect(suggestions, `${onShop} / ${inFec}`).toEqual([expect.objectContaining({ kind: 'exact', rule: 'lettered', billIds: [77] })]);
    }
    // A number read in the label ("Facture 1234") names the bill when the amounts agree.
    const byLabel = suggestMatches(
      [decoy],
      [invoice({ id: 10, reference: 'VT000123', label: 'Facture 1234 Dupré' })],
      [lettered({ id: 77, idnumber: 'FA-1234' })],
    );
    expect(byLabel).toEqual([expect.objectContaining({ kind: 'exact', rule: 'lettered', billIds: [77] })]);
    // Padding inside a number run together is not guessed: F20261927 is another number.
    const other = suggestMatches([], [invoice({ id: 10, reference: 'F20261927' })], [lettered({ id: 77, idnumber: 'FA-2026-001927' })]);
    expect(other).toEqual([]);
  });

  it('suggests nothing for an invoice whose bill is already matched here, not even the look-alike', () => {
    const suggestions = suggestMatches(
      [bill({ id: 2 })],
      [invoice({ id: 10, reference: 'F2026001927' })],
      [lettered({ id: 77, idnumber: 'FA-2026-001927', amountcents: 0, matched: true })],
    );
    expect(suggestions).toEqual([]);
  });

  it('keeps a lettered partner with another amount, or two bills with the number, to check', () => {
    const [differs] = suggestMatches(
      [],
      [invoice({ id: 10, reference: 'F2026001927' })],
      [lettered({ id: 77, idnumber: 'FA-2026-001927', amountcents: 99 })],
    );
    expect(differs).toMatchObject({ kind: 'check', rule: 'lettered', billIds: [77] });
    const [two] = suggestMatches(
      [],
      [invoice({ id: 10, reference: 'F2026001927' })],
      [lettered({ id: 77, idnumber: 'FA-2026-001927' }), lettered({ id: 78, idnumber: 'FA2026001927' })],
    );
    expect(two).toMatchObject({ kind: 'check', rule: 'lettered', billIds: [77, 78] });
  });

  it('does not take a bill as exact for an invoice that names another bill', () => {
    const named = bill({ id: 1, name: 'Paul Roux', email: 'paul@example.test', amountcents: 99000 });
    const [s] = suggestMatches([named, bill({ id: 2 })], [invoice({ id: 10, label: `Commande ${named.transactionid}` })]);
    expect(s?.kind).toBe('check');
  });
});

describe('weak spots (issue 14, item 9)', () => {
  it('suggests a bill invoiced in two parts with both invoices: to check, or exact when both name it', () => {
    const one = bill({ id: 1 });
    const parts = [invoice({ id: 10, amountcents: 75000 }), invoice({ id: 11, amountcents: 50000, date: Date.UTC(2025, 3, 2) / 1000 })];
    expect(suggestMatches([one], parts)).toEqual([
      expect.objectContaining({ kind: 'check', rule: 'customerInvoices', billIds: [1], invoiceIds: [10, 11] }),
    ]);
    const naming = parts.map((p, k) => ({ ...p, label: `${k === 0 ? 'Acompte' : 'Solde'} ${one.transactionid}` }));
    const [s] = suggestMatches([one], naming);
    expect(s).toMatchObject({ kind: 'exact', rule: 'reference', billIds: [1], invoiceIds: [10, 11] });
    expect(s!.reasons).toContainEqual({ code: 'sumOfInvoices', count: 2 });
  });

  it('finds the two parts among other invoices of the customer, and leaves exact pairs alone', () => {
    const bills = [bill({ id: 1 }), bill({ id: 2, amountcents: 30000, date: Date.UTC(2025, 2, 20) / 1000 })];
    const invoices = [
      invoice({ id: 10, amountcents: 100000 }),
      invoice({ id: 11, amountcents: 25000, date: Date.UTC(2025, 2, 14) / 1000 }),
      invoice({ id: 12, amountcents: 30000, date: Date.UTC(2025, 2, 21) / 1000 }),
      invoice({ id: 13, amountcents: 7000, date: Date.UTC(2025, 2, 22) / 1000 }),
    ];
    const byKey = new Map(suggestMatches(bills, invoices).map((s) => [s.key, s]));
    expect(byKey.get('b2|i12')).toMatchObject({ kind: 'exact', rule: 'amountCustomer' });
    expect(byKey.get('b1|i10,i11')).toMatchObject({ kind: 'check', rule: 'customerInvoices' });
  });

  it('reads "Ets" as "Établissements" and "Sté" as "Société"', () => {
    const [ets] = suggestMatches(
      [bill({ id: 1, name: 'Paul Roux', organisation: 'Ets Martin' })],
      [invoice({ id: 10, customer: 'ÉTABLISSEMENTS MARTIN' })],
    );
    expect(ets).toMatchObject({ kind: 'exact', rule: 'amountCustomer' });
    expect(ets!.reasons).toContainEqual({ code: 'sameCustomer', via: 'organisation' });
    const [ste] = suggestMatches([bill({ id: 1, organisation: 'Société Dupuis' })], [invoice({ id: 10, customer: 'Sté DUPUIS' })]);
    expect(ste).toMatchObject({ kind: 'exact', rule: 'amountCustomer' });
  });

  it('reads a first name cut to an initial as that person, either way, and as ambiguous when two people fit', () => {
    const [short] = suggestMatches(
      [bill({ id: 1, name: 'Jean Dupont', email: 'jd@example.test' })],
      [invoice({ id: 10, customer: 'J. DUPONT' })],
    );
    expect(short).toMatchObject({ kind: 'exact', rule: 'amountCustomer', billIds: [1] });
    const [long] = suggestMatches(
      [bill({ id: 1, name: 'J. Dupont', email: 'jd@example.test' })],
      [invoice({ id: 10, customer: 'DUPONT Jean' })],
    );
    expect(long).toMatchObject({ kind: 'exact', rule: 'amountCustomer', billIds: [1] });
    const [two] = suggestMatches(
      [bill({ id: 1, name: 'Jean Dupont', email: 'a@example.test' }), bill({ id: 2, name: 'Jacques Dupont', email: 'b@example.test' })],
      [invoice({ id: 10, customer: 'J. Dupont' })],
    );
    expect(two).toMatchObject({ kind: 'check', rule: 'ambiguous' });
    // Two full first names are two people.
    expect(suggestMatches([bill({ id: 1, name: 'Jean Dupont' })], [invoice({ id: 10, customer: 'Jacques Dupont' })])[0]?.kind).toBe(
      'check',
    );
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

  for (const seed of [4, 5]) {
    it(`seed ${seed}, with traps (unpaid true bill or lettered one written differently, and a paid decoy): never exact with a decoy`, () => {
      const ledger = generateLedger(4000, seed, {
        centOff: 1.5,
        renamed: 1.5,
        notInvoiced: 2,
        strayInvoice: 2,
        unpaid: 1.5,
        unpaidAlone: 1.5,
        lettered: 1.5,
      });
      const suggestions = suggestMatches(ledger.bills, ledger.invoices, ledger.lettered);
      const exact = suggestions.filter((s) => s.kind === 'exact');
      const wrong = exact.filter((s) => s.invoiceIds.some((id) => !s.billIds.includes(ledger.truth.get(id)?.billId ?? -1)));
      expect(wrong.map((s) => s.key)).toEqual([]);
      for (const s of suggestions) if (s.billIds.some((id) => ledger.decoys.has(id))) expect(s.kind, s.key).toBe('check');
      const byInvoice = new Map(suggestions.flatMap((s) => s.invoiceIds.map((id) => [id, s] as const)));
      const twins = [...ledger.truth].filter(([, t]) => t.kind === 'twin');
      expect(twins.length).toBeGreaterThan(30);
      for (const [id] of twins) expect(byInvoice.get(id)?.kind, `invoice ${id}`).toBe('check');
      // The lettered and the invoiced-before-payment ones are found, exact.
      const exactTruth = [...ledger.truth.values()].filter((t) => t.kind === 'exact').length;
      expect(exact.length / exactTruth).toBeGreaterThanOrEqual(0.99);
      expect(exact.filter((s) => s.rule === 'lettered').length).toBe(ledger.lettered.length);
      const unpaidIds = new Set(ledger.bills.filter((b) => b.payment === 'unpaid').map((b) => b.id));
      expect(exact.filter((s) => unpaidIds.has(s.billIds[0]!)).length).toBeGreaterThan(40);
    });
  }

  it('runs 10,000 × 10,000 by indexes, examining a few candidates per invoice, not all pairs', () => {
    const ledger = generateLedger(10_000, 7);
    const counters = { pairsExamined: 0 };
    const suggestions = suggestMatches(ledger.bills, ledger.invoices, [], counters);
    expect(suggestions.length).toBeGreaterThan(9000);
    // The work, not the stopwatch (timings are the benchmark's): the indexes hand each invoice a few
    // candidates (about 14 each here), where all pairs would be bills × invoices.
    const allPairs = ledger.bills.length * ledger.invoices.length;
    expect(counters.pairsExamined).toBeGreaterThan(0);
    expect(counters.pairsExamined).toBeLessThan(allPairs / 500);
  });
});
