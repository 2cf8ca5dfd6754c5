import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import type { ItemDraftInput, ItemView } from '../../shared/contract/catalogs';
import { letterableBills } from '../../test/support/lettering-from-cache';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import { recordPayment, transitionBill } from '../bills/bill-actions';
import { overlaidState } from '../bills/bill-overlay';
import { saveItem } from '../catalogs/catalog-edits';
import { getCatalogDetail } from '../catalogs/catalog-read';
import { createMatch, listMatches } from '../lettering/matches';
import { describeEntries } from './change-description';
import { listEntries, markSending, postpone, type OutboxEntry } from './outbox';
import { sentChanges } from './sync-runs';
import { planUndo, undoChanges, undoView } from './undo';

let cache: SyncedCache;
const WHO = 'tester (internal)';
beforeAll(async () => {
  cache = await syncedCache({ bills: 120 });
}, 60_000);
afterAll(() => cache.close());

const entries = () => listEntries(cache.db).filter((e): e is OutboxEntry => !('damaged' in e));
const entry = (seq: number) => entries().find((e) => e.seq === seq)!;
const refusal = (action: () => unknown): AppError => {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
};
const used = new Set<number>();
/** A bill awaiting payment, nothing paid, nothing queued, not used by another test. */
const pendingBill = () => {
  const bills = cache.db
    .prepare(
      `SELECT b.id, b.status, b.amountcents, b.transactionid, b.currency, c.lastname FROM bill b JOIN customer c ON c.id = b.customerid
       WHERE b.status IN ('PENDING', 'PLACED') AND b.paidcents = 0 AND b.amountcents > 1000
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'bills' AND o.entity_id = b.id)
       ORDER BY b.id`,
    )
    .all() as { id: number; status: string; amountcents: number; transactionid: string; currency: string; lastname: string }[];
  const bill = bills.find((b) => !used.has(b.id));
  if (!bill) throw new Error('no payable bill left in the demo data');
  used.add(bill.id);
  return bill;
};
const draftOf = (item: ItemView): ItemDraftInput => {
  const { sold: _s, origin: _o, masterItemId: _m, localState: _l, localOnly: _lo, undoable: _u, ...draft } = item;
  return draft;
};

describe('what a waiting change says it does', () => {
  it('names the bill, its customer and amount for a payment, with the state and paid amount old → new', () => {
    const bill = pendingBill();
    const { queued } = recordPayment(cache.db, {
      id: bill.id,
      amountcents: 1000,
      paymode: 'check',
      paidon: 1_780_000_000,
      reference: 'CHQ-1',
    });
    const description = describeEntries(cache.db, [entry(queued[0]!)]).get(queued[0]!)!;
    expect(description.subject).toMatchObject({
      type: 'bill',
      id: bill.id,
      transactionid: bill.transactionid,
      amountcents: bill.amountcents,
      currency: bill.currency,
    });
    expect(description.subject?.type === 'bill' && description.subject.customer).toContain(bill.lastname);
    expect(description.payment).toEqual({
      amountcents: 1000,
      currency: bill.currency,
      paymode: 'check',
      paidon: 1_780_000_000,
      reference: 'CHQ-1',
    });
    expect(description.fields).toEqual([
      { field: 'status', before: bill.status, after: 'PARTIAL' },
      { field: 'paidcents', before: 0, after: 1000 },
    ]);
    undoChanges(cache.db, queued, WHO);
  });

  it('names a product by code and name, and lists only the fields changed, old → new', () => {
    const catalog = getCatalogDetail(cache.db, 1);
    const item = catalog.items.find((i) => i.origin === 'own')!;
    const prices = [{ fromquantity: 1, unitcents: item.prices[0]!.unitcents + 1500 }];
    saveItem(cache.db, { ...draftOf(item), name: `${item.name} (2026)`, prices });
    const last = entries().at(-1)!;
    const description = describeEntries(cache.db, [last]).get(last.seq)!;
    expect(description.subject).toMatchObject({
      type: 'catalogItem',
      id: item.id,
      code: item.code,
      name: item.name,
      catalog: catalog.catalog.name,
    });
    expect(description.fields.map((f) => f.field).sort()).toEqual(['name', 'prices']);
    expect(description.fields.find((f) => f.field === 'name')).toMatchObject({ before: item.name, after: `${item.name} (2026)` });
    expect(description.fields.find((f) => f.field === 'prices')).toMatchObject({ before: item.prices, after: prices });

    // Undone, the product shows what it was, and nothing of it waits any more.
    expect(undoView(cache.db, last)).toEqual({ possible: true, reason: null, alsoUndoes: 0, match: null });
    undoChanges(cache.db, [last.seq], WHO);
    const after = getCatalogDetail(cache.db, 1).items.find((i) => i.id === item.id)!;
    expect(after).toMatchObject({ name: item.name, prices: item.prices, localState: null });
    expect(cache.db.prepare('SELECT count(*) FROM catalog_edit_base').pluck().get()).toBe(0);
  });
});

describe('undo of a waiting change', () => {
  it('puts a bill back as it was after a payment, and the next sync sends the site nothing for it', async () => {
    const bill = pendingBill();
    const before = overlaidState(cache.db, bill.id);
    const paid = recordPayment(cache.db, {
      id: bill.id,
      amountcents: bill.amountcents,
      paymode: 'transfer',
      paidon: 1_780_000_000,
      reference: 'X',
    });
    expect(paid.bill.status).toBe('SOLDOUT');
    const { undone } = undoChanges(cache.db, paid.queued, WHO);
    expect(undone).toEqual(paid.queued);
    expect(overlaidState(cache.db, bill.id)).toEqual(before);

    const run = await cache.engine.start('manual');
    expect(run.outcome).toBe('done');
    expect(cache.sim.shop.read('bills', bill.id)).toMatchObject({ status: bill.status, paidcents: 0 });
    expect(sentChanges(cache.db, run.id).filter((s) => s.entityId === bill.id)).toEqual([]);
  });

  it('takes the later changes of the bill with it, and says so first', () => {
    const bill = pendingBill();
    const paid = recordPayment(cache.db, {
      id: bill.id,
      amountcents: bill.amountcents,
      paymode: 'check',
      paidon: 1_780_000_000,
      reference: '',
    });
    const moved = transitionBill(cache.db, { id: bill.id, to: 'COMPLETE', note: '' });
    expect(undoView(cache.db, entry(paid.queued[0]!))).toMatchObject({ possible: true, alsoUndoes: 1 });
    expect(undoChanges(cache.db, paid.queued, WHO).undone).toEqual([...paid.queued, ...moved.queued]);
    expect(overlaidState(cache.db, bill.id)).toMatchObject({ status: bill.status, paidcents: 0, pending: null });
  });

  it('refuses a change on its way, or sent once without an answer, and one already gone', () => {
    const bill = pendingBill();
    const { queued } = recordPayment(cache.db, { id: bill.id, amountcents: 500, paymode: 'check', paidon: 1_780_000_000, reference: '' });
    const seq = queued[0]!;
    markSending(cache.db, seq);
    try {
      expect(refusal(() => undoChanges(cache.db, [seq], WHO))).toMatchObject({
        code: 'outbox_not_undoable',
        details: { reason: 'sending' },
      });
    } finally {
      markSending(cache.db, null);
    }
    postpone(cache.db, seq, 0, { code: 'moodle_timeout', message: 'no answer' });
    expect(planUndo(cache.db, entry(seq))).toEqual({ possible: false, reason: 'tried' });
    expect(refusal(() => undoChanges(cache.db, [seq], WHO)).code).toBe('outbox_not_undoable');
    expect(entries().some((e) => e.seq === seq)).toBe(true);
    cache.db.prepare('DELETE FROM outbox WHERE seq = ?').run(seq);
    expect(refusal(() => undoChanges(cache.db, [seq], WHO)).code).toBe('outbox_entry_not_found');
  });

  it('undoes a lettering with its match: the bill and the invoice are open again, nothing queued', () => {
    const [bill] = letterableBills(cache.db, 1);
    const importId = cache.db
      .prepare(
        `INSERT INTO lettering_import (format, source_key, file_name, encoding, separator, imported_at, imported_by, invoice_count, line_count)
         VALUES ('csv', 'k', 't.csv', 'utf-8', ';', 0, ?, 1, 1) RETURNING id`,
      )
      .pluck()
      .get(WHO) as number;
    const invoice = cache.db
      .prepare(
        `INSERT INTO lettering_invoice (import_id, reference, invoice_date, customer, customer_account, email, label, amountcents, currency)
         VALUES (?, 'FA-UNDO-1', 1742000000, 'Test', '', '', '', ?, 'EUR') RETURNING id`,
      )
      .pluck()
      .get(importId, bill!.amountcents) as number;
    const match = createMatch(cache.db, { bills: [{ id: bill!.id }], invoices: [{ id: invoice }], toleranceCents: 0, rule: 'manual' }, WHO);
    const lettering = entries().find((e) => e.kind === 'bill.lettering' && e.entityId === bill!.id)!;
    const view = undoView(cache.db, lettering);
    expect(view.possible).toBe(true);
    expect(view.match).not.toBeNull();
    const result = undoChanges(cache.db, [lettering.seq], WHO);
    expect(result).toMatchObject({ lettering: true, billIds: [bill!.id] });
    expect(entries().filter((e) => e.entityId === bill!.id)).toEqual([]);
    expect(cache.db.prepare('SELECT state FROM lettering_match WHERE id = ?').pluck().get(match)).toBe('undone');
    expect(listMatches(cache.db, 'FA-UNDO-1', 10).matches.some((m) => m.id === match)).toBe(false);
  });
});

describe('the sync history', () => {
  it('lists what a run sent, described as it was when sent, with the shop’s answer', async () => {
    const bill = pendingBill();
    recordPayment(cache.db, { id: bill.id, amountcents: 700, paymode: 'check', paidon: 1_780_000_000, reference: 'CHQ-HIST' });
    const run = await cache.engine.start('manual');
    expect(run.outcome).toBe('done');
    expect(run.sent).toBeGreaterThanOrEqual(1);
    const sent = sentChanges(cache.db, run.id).find((s) => s.entityId === bill.id)!;
    expect(sent).toMatchObject({ kind: 'bill.payment', outcome: 'applied', message: null });
    expect(sent.description.payment).toMatchObject({ amountcents: 700, reference: 'CHQ-HIST' });
    expect(sent.description.fields).toContainEqual({ field: 'paidcents', before: 0, after: 700 });
    expect(cache.sim.shop.read('bills', bill.id)?.paidcents).toBe(700);
  });
});
