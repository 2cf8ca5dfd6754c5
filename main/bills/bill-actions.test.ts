import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BILL_TRANSITIONS, type BillStatus } from '../../shared/bills/bill-status';
import { AppError } from '../../shared/contract';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import { discardEntry, listEntries } from '../sync/outbox';
import { recordPayment, transitionBill } from './bill-actions';
import { getBillDetail } from './bill-detail';
import { listedIds, loadOracle, oracleCounts, oracleIds } from './bill-oracle.test-support';
import { countByStatus, listBills } from './bill-query';
import { relayBillChanges } from './bills-changed-relay';

let cache: SyncedCache;
beforeAll(async () => {
  cache = await syncedCache({ bills: 400 });
}, 60_000);
afterAll(() => cache.close());

/** A bill in this state with nothing paid and nothing queued yet. */
function billIn(status: BillStatus, used: Set<number>): number {
  const ids = cache.db
    .prepare('SELECT id FROM bill WHERE status = ? AND paidcents = 0 AND amountcents > 100 ORDER BY id')
    .pluck()
    .all(status) as number[];
  const id = ids.find((candidate) => !used.has(candidate));
  if (id === undefined) throw new Error(`No ${status} bill left in the demo data`);
  used.add(id);
  return id;
}
const customerOf = (id: number) => cache.db.prepare('SELECT customerid FROM bill WHERE id = ?').pluck().get(id) as number;
const serverStatus = (id: number) => cache.db.prepare('SELECT status FROM bill WHERE id = ?').pluck().get(id);
const refusal = (action: () => unknown): AppError => {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('bill actions, then the shop', () => {
  const used = new Set<number>();
  let placed: number;
  let pending: number;
  let preprod: number;
  let complete: number;

  beforeAll(() => {
    placed = billIn('PLACED', used);
    pending = billIn('PENDING', used);
    preprod = billIn('PREPROD', used);
    complete = cache.db.prepare("SELECT id FROM bill WHERE status = 'COMPLETE' LIMIT 1").pluck().get() as number;
  });

  it('queue an allowed transition and show it at once, leaving the server copy alone', () => {
    const detail = transitionBill(cache.db, { id: placed, to: 'PENDING', note: 'confirmed by phone' });
    expect(detail.bill).toMatchObject({ status: 'PENDING', pending: { kind: 'bill.transition', state: 'pending' } });
    expect(detail.allowedTransitions).toEqual(BILL_TRANSITIONS.PENDING);
    expect(detail.history.at(-1)).toMatchObject({ fromstatus: 'PLACED', tostatus: 'PENDING', note: 'confirmed by phone' });
    expect(serverStatus(placed)).toBe('PLACED');
    expect(
      listBills(cache.db, { filter: { status: 'PENDING' }, sort: { column: 'id', direction: 'asc' }, offset: 0, limit: 1000 }).rows.map(
        (r) => r.id,
      ),
    ).toContain(placed);
  });

  it('refuse a transition the flow table does not have, saying which ones it has', () => {
    const error = refusal(() => transitionBill(cache.db, { id: complete, to: 'PENDING', note: '' }));
    expect(error.code).toBe('bill_transition_not_allowed');
    expect(error.message).toMatch(/COMPLETE/);
    const fromPending = refusal(() => transitionBill(cache.db, { id: placed, to: 'PREPROD', note: '' }));
    // Judged on the state the operator sees: PENDING, once the queued change is counted.
    expect(fromPending.message).toMatch(/PENDING: the shop allows SOLDOUT, REFUSED, CANCELLED/);
    expect(listEntries(cache.db)).toHaveLength(1);
  });

  it('take a part payment (PARTIAL), refuse more than is due, then the rest (SOLDOUT)', () => {
    const amount = cache.db.prepare('SELECT amountcents FROM bill WHERE id = ?').pluck().get(pending) as number;
    const part = Math.floor(amount / 3);
    const first = recordPayment(cache.db, { id: pending, amountcents: part, paymode: 'check', paidon: 1_700_000_000, reference: 'CHK-1' });
    expect(first.bill).toMatchObject({ status: 'PARTIAL', paidcents: part, paymode: 'check', pending: { kind: 'bill.payment' } });
    expect(first.dueCents).toBe(amount - part);
    expect(first.payments.at(-1)).toMatchObject({ amountcents: part, reference: 'CHK-1' });
    expect(first.payments.reduce((sum, p) => sum + p.amountcents, 0)).toBe(first.bill.paidcents);
    expect(
      refusal(() =>
        recordPayment(cache.db, { id: pending, amountcents: amount - part + 1, paymode: 'transfer', paidon: 1_700_000_000, reference: '' }),
      ).code,
    ).toBe('payment_exceeds_due');
    const second = recordPayment(cache.db, {
      id: pending,
      amountcents: amount - part,
      paymode: 'transfer',
      paidon: 1_700_100_000,
      reference: 'VIR-2',
    });
    expect(second.bill).toMatchObject({ status: 'SOLDOUT', paidcents: amount, paymode: 'transfer' });
    expect(second.dueCents).toBe(0);
    expect(second.history.slice(-2).map((h) => [h.fromstatus, h.tostatus])).toEqual([
      ['PENDING', 'PARTIAL'],
      ['PARTIAL', 'SOLDOUT'],
    ]);
    expect(serverStatus(pending)).toBe('PENDING');
  });

  it('complete a produced bill paid in full, and refuse a payment on a bill that is not payable', () => {
    const amount = cache.db.prepare('SELECT amountcents FROM bill WHERE id = ?').pluck().get(preprod) as number;
    expect(
      recordPayment(cache.db, { id: preprod, amountcents: amount, paymode: 'transfer', paidon: 1_700_000_000, reference: 'VIR-9' }).bill
        .status,
    ).toBe('COMPLETE');
    expect(
      refusal(() => recordPayment(cache.db, { id: complete, amountcents: 100, paymode: 'check', paidon: 1_700_000_000, reference: '' }))
        .code,
    ).toBe('bill_not_payable');
    expect(refusal(() => getBillDetail(cache.db, 987_654)).code).toBe('bill_not_found');
  });

  it('filter, sort and count the bills with their queued changes as the shop will have them', () => {
    const bills = loadOracle(cache.db);
    expect(bills.find((b) => b.id === pending)).toMatchObject({ status: 'SOLDOUT', paymode: 'transfer' });
    for (const filter of [
      {},
      { status: 'SOLDOUT' as const },
      { status: 'PLACED' as const },
      { paymode: 'transfer' },
      { lettered: false, status: 'COMPLETE' as const },
    ]) {
      for (const sort of [
        { column: 'status', direction: 'asc' },
        { column: 'paymode', direction: 'desc' },
        { column: 'emissiondate', direction: 'desc' },
        { column: 'customer', direction: 'asc' },
      ] as const) {
        expect(listedIds(cache.db, filter, sort, 41), `${JSON.stringify(filter)} ${sort.column}`).toEqual(oracleIds(bills, filter, sort));
      }
      expect(countByStatus(cache.db, filter).byStatus, JSON.stringify(filter)).toEqual(oracleCounts(bills, filter));
    }
  });

  it('disappear from the tables when the operator discards them, the server copy showing again', () => {
    const id = billIn('PLACED', used);
    const status = () =>
      listBills(cache.db, {
        filter: { customerId: customerOf(id) },
        sort: { column: 'id', direction: 'asc' },
        offset: 0,
        limit: 1000,
      }).rows.find((r) => r.id === id)!;
    transitionBill(cache.db, { id, to: 'CANCELLED', note: '' });
    expect(status()).toMatchObject({ status: 'CANCELLED', pending: { kind: 'bill.transition' } });
    const entry = listEntries(cache.db).at(-1)!;
    expect(discardEntry(cache.db, entry.seq)).toBe(true);
    expect(status()).toMatchObject({ status: 'PLACED', pending: null });
  });

  it('are sent by the sync engine: the shop records them, the cache takes its copy, the outbox empties', async () => {
    const changed: unknown[] = [];
    const stop = relayBillChanges(cache.bus, 0);
    const unsubscribe = cache.bus.subscribe((name, payload) => name === 'bills.changed' && changed.push(payload));
    const run = await cache.engine.start('manual');
    stop();
    unsubscribe();
    expect(run.outcome).toBe('done');
    expect(listEntries(cache.db)).toEqual([]);
    expect(changed.length).toBeGreaterThan(0);

    const server = cache.sim.shop.read('bills', pending)!;
    expect(server.status).toBe('SOLDOUT');
    expect(server.payments.map((p) => [p.amountcents, p.paymode, p.reference])).toEqual([
      [Math.floor(server.amountcents / 3), 'check', 'CHK-1'],
      [server.amountcents - Math.floor(server.amountcents / 3), 'transfer', 'VIR-2'],
    ]);
    expect(server.paidcents).toBe(server.amountcents);
    expect(cache.sim.shop.read('bills', placed)!.status).toBe('PENDING');
    expect(cache.sim.shop.read('bills', preprod)!.status).toBe('COMPLETE');

    // The cache holds the shop's copy now, and nothing is laid over it.
    expect(serverStatus(pending)).toBe('SOLDOUT');
    const detail = getBillDetail(cache.db, pending);
    expect(detail.bill.pending).toBeNull();
    expect(detail.payments.every((p) => p.id > 0)).toBe(true);
    expect(detail.payments.reduce((sum, p) => sum + p.amountcents, 0)).toBe(detail.bill.paidcents);
  });
});
