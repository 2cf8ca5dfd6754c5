import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fecText, type FecInvoice } from '../../test/support/lettering-fec';
import { invoiceFor, letterableBills, type CachedBill } from '../../test/support/lettering-from-cache';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import { listEntries } from '../sync/outbox';
import { importInvoices } from './invoice-import';
import { acceptSuggestions, closeWaitingMatches, listMatches } from './matches';
import { letteringOverview } from './overview';

/**
 * Issue 14, item 9: "Accept all exact" against the traps an independent test found. A demo shop is changed on
 * the simulated site, then synced, so that an invoice's true bill is not among the open paid bills while the
 * same customer has another paid bill of the same amount a few days away (the decoy):
 *  - unpaid: the order was invoiced before it was paid (PENDING, or PREPROD: produced, paid at 30 days);
 *  - lettered: the bill already carries its invoice number on the shop, which the FEC writes differently
 *    (`F2026001234` for `FA-2026-001234`, `Facture 1234`, `FA1234`).
 * Nothing may be accepted with a decoy, and nothing may be queued for one.
 */

let cache: SyncedCache;
const WHO = 'tester (internal)';
const DAY = 86_400;
const source = (name: string, text: string) => ({ name, base64: Buffer.from(text).toString('base64') });
const letteringQueued = (billId: number) =>
  listEntries(cache.db)
    .filter((e) => !('damaged' in e) && e.kind === 'bill.lettering' && e.entityId === billId)
    .map((e) => (e as { payload: { idnumber: string } }).payload.idnumber);
const customerOf = (billId: number) => cache.db.prepare('SELECT customerid FROM bill WHERE id = ?').pluck().get(billId) as number;
const invoiceId = (reference: string) =>
  cache.db.prepare('SELECT id FROM lettering_invoice WHERE reference = ?').pluck().get(reference) as number;

interface Trap {
  kind: 'unpaid' | 'lettered' | 'beforePayment';
  truth: CachedBill;
  decoy: CachedBill | null;
  reference: string;
}
const traps: Trap[] = [];
let clock = 0;

/** A sync that brings what changed on the site: its clock moves past the sync's settling delay first. */
async function syncTheSite(): Promise<void> {
  const now = (cache.sim.shop.read('bills', traps.at(-1)!.truth.id) as { timemodified: number }).timemodified;
  clock = Math.max(clock, now) + 70;
  cache.sim.setNow(clock);
  expect((await cache.engine.start('manual')).outcome).toBe('done');
}

/** The decoy: another paid bill, made the true bill's customer's, of its amount, three days later. */
function makeDecoy(truth: CachedBill, decoy: CachedBill): void {
  cache.sim.shop.touch('bills', decoy.id, {
    customerid: customerOf(truth.id),
    amountcents: truth.amountcents,
    emissiondate: truth.emissiondate + 3 * DAY,
  });
}

beforeAll(async () => {
  cache = await syncedCache({ bills: 600 });
  const pool = letterableBills(cache.db, 200);
  // Keep bills of distinct customers and amounts, so that no trap leans on another.
  const seen = new Set<string>();
  const bills = pool.filter((b) => {
    const key = `${customerOf(b.id)}`;
    if (seen.has(key) || seen.has(`a${b.amountcents}`)) return false;
    seen.add(key);
    seen.add(`a${b.amountcents}`);
    return true;
  });
  expect(bills.length).toBeGreaterThanOrEqual(50);
  let next = 0;
  const take = () => bills[next++]!;
  // Invoiced before it was paid, and a decoy: the true bill waits for its payment.
  for (let k = 0; k < 10; k += 1) {
    const truth = take();
    const decoy = take();
    cache.sim.shop.touch('bills', truth.id, { status: k % 2 === 0 ? 'PENDING' : 'PREPROD', paidcents: 0 });
    makeDecoy(truth, decoy);
    traps.push({ kind: 'unpaid', truth, decoy, reference: `FA-2026-U${k}` });
  }
  // Already lettered on the shop, its number written another way in the FEC, and a decoy.
  const written = [
    (n: string) => `F2026${n}`,
    (n: string) => `Facture ${Number(n)}`,
    (n: string) => `FA${Number(n)}`,
    (n: string) => `fa 2026 ${n}`,
  ];
  for (let k = 0; k < 8; k += 1) {
    const truth = take();
    const decoy = take();
    const n = String(truth.id).padStart(6, '0');
    const onShop = k % 4 === 0 || k % 4 === 3 ? `FA-2026-${n}` : `FA-${n}`;
    cache.sim.shop.touch('bills', truth.id, { idnumber: onShop });
    makeDecoy(truth, decoy);
    traps.push({ kind: 'lettered', truth, decoy, reference: written[k % 4]!(n) });
  }
  // Invoiced before it was paid, no decoy: matched to its unpaid bill, the lettering sent once it is paid.
  for (let k = 0; k < 4; k += 1) {
    const truth = take();
    cache.sim.shop.touch('bills', truth.id, { status: k % 2 === 0 ? 'PENDING' : 'PREPROD', paidcents: 0 });
    traps.push({ kind: 'beforePayment', truth, decoy: null, reference: `FA-2026-P${k}` });
  }
  await syncTheSite();
  // The accounting software's invoices: no transaction id in the label, nothing but amount, customer and number.
  const invoices: FecInvoice[] = traps.map((t) => invoiceFor(t.truth, t.reference, { withTransaction: false }));
  const result = await importInvoices(cache.db, { source: source('fec.txt', fecText(invoices, { withPayments: true })) }, WHO);
  expect(result).toMatchObject({ invoices: traps.length });
}, 90_000);
afterAll(async () => {
  await cache.close();
});

describe('accept all exact, against bills that are not open and paid', () => {
  it('never accepts an invoice with the decoy when its true bill is unpaid or already lettered, and queues nothing for a decoy', () => {
    const overview = letteringOverview(cache.db);
    const byInvoice = new Map(overview.suggestions.flatMap((s) => s.invoiceIds.map((id) => [id, s] as const)));
    const wrongExact = traps.filter((t) => {
      const s = byInvoice.get(invoiceId(t.reference));
      return s?.kind === 'exact' && !s.billIds.includes(t.truth.id);
    });
    expect(wrongExact.map((t) => `${t.kind} ${t.reference}`)).toEqual([]);

    acceptSuggestions(cache.db, overview.suggestions, WHO);
    const decoysLettered = traps.filter((t) => t.decoy && letteringQueued(t.decoy.id).length > 0);
    expect(decoysLettered.map((t) => `${t.kind} ${t.reference} → bill ${t.decoy!.id}`)).toEqual([]);
    const matchedWith = (t: Trap) =>
      listMatches(cache.db, t.reference, 5).matches.find((m) => m.invoices.some((i) => i.reference === t.reference));
    for (const t of traps.filter((x) => x.decoy)) {
      const match = matchedWith(t);
      if (match)
        expect(
          match.bills.map((b) => b.id),
          t.reference,
        ).toEqual([t.truth.id]);
    }
  });

  it('takes an invoice whose number the shop already has, written another way, as that bill: exact, nothing sent', () => {
    for (const t of traps.filter((x) => x.kind === 'lettered')) {
      const match = listMatches(cache.db, t.reference, 5).matches.find((m) => m.invoices.some((i) => i.reference === t.reference));
      expect(match, t.reference).toMatchObject({ rule: 'lettered', state: 'closed', pushed: 'none' });
      expect(match!.bills.map((b) => b.id)).toEqual([t.truth.id]);
      expect(letteringQueued(t.truth.id)).toEqual([]);
    }
  });

  it('leaves an invoice whose unpaid bill has a paid twin to check: two possible partners', () => {
    const overview = letteringOverview(cache.db);
    for (const t of traps.filter((x) => x.kind === 'unpaid')) {
      const s = overview.suggestions.find((x) => x.invoiceIds.includes(invoiceId(t.reference)));
      expect(s, t.reference).toMatchObject({ kind: 'check', rule: 'ambiguous' });
      expect(s!.reasons).toContainEqual({ code: 'ambiguous', count: 2 });
    }
  });

  it('matches an invoice issued before payment to its unpaid bill; the lettering waits for the payment, then goes', async () => {
    const waiting = traps.filter((t) => t.kind === 'beforePayment');
    for (const t of waiting) {
      const match = listMatches(cache.db, t.reference, 5).matches.find((m) => m.invoices.some((i) => i.reference === t.reference));
      expect(match, t.reference).toMatchObject({ state: 'open', balanceCents: 0, pushed: 'awaitingPayment' });
      expect(match!.bills.map((b) => b.id)).toEqual([t.truth.id]);
      expect(letteringQueued(t.truth.id)).toEqual([]);
    }
    // Nothing to close while the bills are unpaid.
    expect(closeWaitingMatches(cache.db, WHO)).toEqual([]);

    // The customer pays the first two; a sync brings them paid.
    for (const t of waiting.slice(0, 2)) cache.sim.shop.touch('bills', t.truth.id, { status: 'COMPLETE', paidcents: t.truth.amountcents });
    await syncTheSite();
    expect(closeWaitingMatches(cache.db, WHO).sort()).toEqual(
      waiting
        .slice(0, 2)
        .map((t) => t.truth.id)
        .sort(),
    );
    for (const t of waiting.slice(0, 2)) expect(letteringQueued(t.truth.id)).toEqual([t.reference]);
    for (const t of waiting.slice(2)) expect(letteringQueued(t.truth.id)).toEqual([]);
    expect((await cache.engine.start('manual')).outcome).toBe('done');
    for (const t of waiting.slice(0, 2)) expect(cache.sim.shop.read('bills', t.truth.id)?.idnumber).toBe(t.reference);
    for (const t of waiting.slice(2)) expect(cache.sim.shop.read('bills', t.truth.id)?.idnumber).toBe('');
    const done = listMatches(cache.db, waiting[0]!.reference, 5).matches[0]!;
    expect(done).toMatchObject({ state: 'closed', pushed: 'done' });
  });
});
