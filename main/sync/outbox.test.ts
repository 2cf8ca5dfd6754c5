import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { errorTextOf, formatErrorText, PLAIN_FORMAT, refusal } from '../../shared/errors/error-text';
import type { CatalogItemRecord } from '../shop-api/records';
import { entityWriter } from './cache-tables';
import {
  damagedRefusal,
  discardEntry,
  dueEntries,
  enqueue,
  listEntries,
  listEntriesPerState,
  outboxCounts,
  park,
  postpone,
  retryEntry,
  type DamagedEntry,
} from './outbox';
import { overlay } from './overlay';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  entityWriter(db, 'catalogs').upsert({
    id: 1,
    name: 'Catalogue FR',
    description: '',
    salesconditions: '',
    groupid: 1,
    countryrestrictions: '',
    billfooter: '',
    version: 1,
    timemodified: 10,
  });
});

function item(id: number, fields: Partial<CatalogItemRecord> = {}): CatalogItemRecord {
  return {
    id,
    catalogid: 1,
    categoryid: 0,
    code: `CODE${id}`,
    shortname: `c${id}`,
    name: `Formation ${id}`,
    idnumber: '',
    description: '',
    notes: '',
    eula: '',
    prices: [{ fromquantity: 1, unitcents: 12000 }],
    taxcode: 1,
    stock: 0,
    sold: 0,
    status: 'AVAILABLE',
    maxdeliveryquant: 0,
    onlyforloggedin: 0,
    seatmode: 0,
    renewable: 0,
    type: 'plain',
    setid: 0,
    requireddata: '',
    enablehandler: '',
    handlerparams: '',
    version: 3,
    timemodified: 10,
    ...fields,
  };
}
const editable = (record: CatalogItemRecord) => {
  const { version: _v, timemodified: _t, sold: _s, ...rest } = record;
  return rest;
};
const serverItems = () =>
  (db.prepare('SELECT * FROM catalog_item ORDER BY id').all() as (CatalogItemRecord & { prices: string })[]).map((r) => ({
    ...r,
    prices: JSON.parse(r.prices) as CatalogItemRecord['prices'],
  }));

describe('outbox and overlay', () => {
  it('lays pending edits over the server copy without touching it; discarding shows the server copy again', () => {
    entityWriter(db, 'catalogitems').upsert(item(5));
    entityWriter(db, 'catalogitems').upsert(item(6));
    const edit = enqueue(db, {
      kind: 'catalogItem.save',
      entityId: 5,
      baseVersion: 3,
      payload: editable(item(5, { name: 'Formation Été' })),
    });
    enqueue(db, { kind: 'catalogItem.delete', entityId: 6, baseVersion: 3, payload: {} });
    enqueue(db, { kind: 'catalogItem.save', entityId: -1, baseVersion: 0, payload: editable(item(-1, { name: 'Nouvelle formation' })) });

    const seen = overlay(db, 'catalogitems', serverItems());
    expect(seen.map((r) => [r.id, r.name, r.localState, r.localOnly])).toEqual([
      [5, 'Formation Été', 'pending', false],
      [-1, 'Nouvelle formation', 'pending', true],
    ]);
    // A pull rewriting the server copy does not lose the edit.
    entityWriter(db, 'catalogitems').upsert(item(5, { name: 'Changed on the site', version: 4 }));
    expect(overlay(db, 'catalogitems', serverItems()).find((r) => r.id === 5)?.name).toBe('Formation Été');
    expect(serverItems().find((r) => r.id === 5)?.name).toBe('Changed on the site');
    discardEntry(db, edit.seq);
    expect(overlay(db, 'catalogitems', serverItems()).find((r) => r.id === 5)?.name).toBe('Changed on the site');
  });

  it('writes the change and its entry together or not at all', () => {
    expect(() =>
      db.transaction(() => {
        enqueue(db, { kind: 'catalogItem.save', entityId: 5, baseVersion: 3, payload: editable(item(5)) });
        throw new Error('the rest of the change failed');
      })(),
    ).toThrow();
    expect(listEntries(db)).toEqual([]);
  });

  it('refuses a payload that does not match its kind, before writing anything', () => {
    expect(() =>
      enqueue(db, {
        kind: 'bill.payment',
        entityId: 1,
        baseVersion: 0,
        payload: { amountcents: -5, currency: 'EUR', paymode: 'check', paidon: 1, reference: '' },
      }),
    ).toThrow();
    expect(listEntries(db)).toEqual([]);
  });

  it('sends a record’s changes in order: a later change waits behind a postponed or parked one', () => {
    const first = enqueue(db, {
      kind: 'bill.transition',
      entityId: 7,
      baseVersion: 0,
      payload: { fromstatus: 'PENDING', tostatus: 'SOLDOUT', note: '' },
    });
    const second = enqueue(db, { kind: 'bill.lettering', entityId: 7, baseVersion: 0, payload: { idnumber: 'FA-1' } });
    const other = enqueue(db, { kind: 'bill.lettering', entityId: 8, baseVersion: 0, payload: { idnumber: 'FA-2' } });
    expect(dueEntries(db, 0).map((e) => e.seq)).toEqual([first.seq, other.seq]);
    postpone(db, first.seq, 1000, { code: 'moodle_timeout', message: 'slow' });
    expect(dueEntries(db, 0).map((e) => e.seq)).toEqual([other.seq]);
    park(db, first.seq, 'parked', { code: 'invalidtransition', message: 'no' });
    expect(dueEntries(db, 5000).map((e) => e.seq)).toEqual([other.seq]);
    expect(outboxCounts(db)).toEqual({ pending: 2, parked: 1, conflict: 0 });
    retryEntry(db, first.seq);
    expect(dueEntries(db, 0).map((e) => e.seq)).toEqual([first.seq, other.seq]);
    discardEntry(db, first.seq);
    expect(dueEntries(db, 0).map((e) => e.seq)).toEqual([second.seq, other.seq]);
  });

  it('keeps a parked reason’s text beside its English, for a French window to word it in French', () => {
    const entry = enqueue(db, { kind: 'bill.lettering', entityId: 7, baseVersion: 0, payload: { idnumber: 'FA-1' } });
    const refused = refusal('bill_not_refundable', 'creditNote.waiting', { id: 7 });
    park(db, entry.seq, 'parked', { code: 'billnotrefundable', message: refused.message, text: errorTextOf(refused.details) });
    const first = () => {
      const [listed] = listEntries(db);
      if (!listed || 'damaged' in listed) throw new Error('the entry should be readable');
      return listed;
    };
    expect(first().errorMessage).toBe(refused.message);
    expect(first().errorText).toEqual({ key: 'creditNote.waiting', params: { id: 7 } });
    expect(formatErrorText('creditNote.waiting', first().errorText!.params, 'fr', PLAIN_FORMAT)).toContain('La facture 7 a un avoir');
    // A text this version cannot word (a newer build parked it) is left out: the English message stands.
    db.prepare('UPDATE outbox SET error_text = ? WHERE seq = ?').run(JSON.stringify({ key: 'no.such.text', params: {} }), entry.seq);
    expect(first().errorText).toBeNull();
    // Sent again, it has no reason any more.
    retryEntry(db, entry.seq);
    expect(listEntries(db)[0]).toMatchObject({ errorMessage: null, errorText: null });
  });

  it('lists the oldest entries of each state up to a limit, for a workspace that reads it on every change', () => {
    const seqs = Array.from(
      { length: 7 },
      (_, k) => enqueue(db, { kind: 'bill.lettering', entityId: 100 + k, baseVersion: 0, payload: { idnumber: `FA-${k}` } }).seq,
    );
    for (const seq of [seqs[1]!, seqs[4]!, seqs[5]!]) park(db, seq, 'parked', { code: 'refused', message: 'no' });
    expect(listEntriesPerState(db, 2).map((e) => e.seq)).toEqual([seqs[0], seqs[1], seqs[2], seqs[4]]);
    expect(listEntriesPerState(db, 2, 'parked').map((e) => e.seq)).toEqual([seqs[1], seqs[4]]);
    expect(listEntriesPerState(db, 100).map((e) => e.seq)).toEqual(listEntries(db).map((e) => e.seq));
    // An entry that cannot be read back is listed, and counted, in the state it is stored in.
    db.prepare('UPDATE outbox SET payload = ? WHERE seq = ?').run('{not json', seqs[6]);
    expect(listEntriesPerState(db, 5, 'pending').at(-1)).toEqual({
      seq: seqs[6],
      state: 'pending',
      damaged: 'payload is not JSON',
      cause: 'notJson',
      kind: 'bill.lettering',
    });
  });

  it('retries a conflict on the version the shop reported, with the later changes made over it', () => {
    const first = enqueue(db, { kind: 'catalogItem.save', entityId: 5, baseVersion: 3, payload: editable(item(5, { name: 'A' })) });
    const second = enqueue(db, { kind: 'catalogItem.save', entityId: 5, baseVersion: 3, payload: editable(item(5, { name: 'B' })) });
    park(db, first.seq, 'conflict', { code: 'conflict', message: 'changed on the site' }, item(5, { name: 'Site', version: 5 }));
    expect(retryEntry(db, first.seq)).toBe(true);
    const entries = listEntries(db) as { seq: number; baseVersion: number; state: string; remote: unknown }[];
    expect(entries.map((e) => [e.seq, e.baseVersion, e.state, e.remote])).toEqual([
      [first.seq, 5, 'pending', null],
      [second.seq, 5, 'pending', null],
    ]);
  });

  it('reports a damaged entry instead of sending it', () => {
    db.prepare(
      "INSERT INTO outbox (mutation_id, kind, entity, entity_id, base_version, payload, state, created_at) VALUES ('m1', 'bill.lettering', 'bills', 1, 0, '{not json', 'pending', 0)",
    ).run();
    const entries = listEntries(db);
    expect(entries).toEqual([
      { seq: expect.any(Number), state: 'pending', damaged: 'payload is not JSON', cause: 'notJson', kind: 'bill.lettering' },
    ]);
    // Parked and listed with the sentence the CLI prints and the words a window says it with.
    const refused = damagedRefusal(entries[0] as DamagedEntry);
    expect(refused.code).toBe('outbox_damaged');
    expect(refused.message).toBe('This change cannot be read back (payload is not JSON). Discard it and make it again.');
    expect(errorTextOf(refused.details)).toEqual({
      key: 'outbox.damaged',
      params: {
        reason: { coded: 'outboxDamage', items: [{ code: 'notJson', message: 'payload is not JSON', params: { kind: 'bill.lettering' } }] },
      },
    });
  });
});
