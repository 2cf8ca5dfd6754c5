import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../shared/contract';
import type { SyncProgress, SyncRun } from '../../shared/contract/sync';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import { spyCommands } from '../../test/support/spy-commands';
import { createDispatch, type Dispatch } from '../core/dispatch';
import { EventBus } from '../core/event-bus';
import { silentLogger } from '../core/logger';
import type { CoreServices } from '../core/services';
import { customersCommands } from '../customers/commands';
import { relayBillChanges } from './bills-changed-relay';
import { billsCommands } from './commands';

let cache: SyncedCache;
let dispatch: Dispatch;
const heard: { name: EventName; payload: unknown }[] = [];

beforeAll(async () => {
  cache = await syncedCache({ bills: 200 });
  const services = {
    bus: cache.bus,
    logger: silentLogger,
    activeSite: () => ({ db: cache.db }),
    profiles: { active: () => ({ id: 'p1', name: 'School', url: 'https://school.example' }) },
  } as unknown as CoreServices;
  // Through the dispatcher: inputs parsed and outputs checked against the contract, as every transport does.
  dispatch = createDispatch(spyCommands({ ...billsCommands(services), ...customersCommands(services) }).commands, silentLogger);
  cache.bus.subscribe((name, payload) => heard.push({ name, payload }));
}, 60_000);
afterAll(() => cache.close());

const call = (name: string, input: unknown) => dispatch(name, input, { transport: 'internal' });

describe('bills and customers handlers', () => {
  it('answer within the contract', async () => {
    const list = await call('bills.list', {
      filter: { status: 'COMPLETE' },
      sort: { column: 'amountcents', direction: 'desc' },
      offset: 0,
      limit: 20,
    });
    expect(list).toMatchObject({ ok: true, value: { rows: expect.any(Array), total: expect.any(Number) } });
    expect(await call('bills.counts', { filter: { search: 'le' } })).toMatchObject({ ok: true, value: { byStatus: expect.any(Object) } });
    expect(await call('bills.list', { filter: {}, sort: { column: 'nope', direction: 'asc' }, offset: 0, limit: 20 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const customers = await call('customers.list', { search: 'lef' });
    expect(customers).toMatchObject({ ok: true, value: { rows: expect.any(Array) } });
    const id = cache.db.prepare('SELECT id FROM customer WHERE hasaccount > 0 LIMIT 1').pluck().get() as number;
    const customer = await call('customers.get', { id });
    expect(customer).toMatchObject({
      ok: true,
      value: { moodleProfileUrl: expect.stringMatching(/^https:\/\/school\.example\/user\/profile\.php\?id=\d+$/) },
    });
    expect(await call('customers.get', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'customer_not_found' } });
  });

  it('queue an action, tell every window, and refuse one the flow table does not have', async () => {
    const id = cache.db.prepare("SELECT id FROM bill WHERE status = 'PLACED' LIMIT 1").pluck().get() as number;
    heard.length = 0;
    expect(await call('bills.transition', { id, to: 'PENDING' })).toMatchObject({ ok: true, value: { bill: { status: 'PENDING' } } });
    expect(heard).toEqual([
      { name: 'bills.changed', payload: { ids: [id] } },
      { name: 'outbox.changed', payload: { pending: 1, parked: 0, conflict: 0 } },
    ]);
    heard.length = 0;
    expect(await call('bills.transition', { id, to: 'COMPLETE' })).toMatchObject({
      ok: false,
      error: {
        code: 'bill_transition_not_allowed',
        details: { from: 'PENDING', to: 'COMPLETE', allowed: ['SOLDOUT', 'REFUSED', 'CANCELLED'] },
      },
    });
    expect(heard).toEqual([]);
  });

  it('refuse a payment dated out of any plausible range, and queue nothing', async () => {
    const id = cache.db.prepare("SELECT id FROM bill WHERE status = 'PENDING' LIMIT 1").pluck().get() as number;
    const pay = (paidon: number) => call('bills.recordPayment', { id, amountcents: 100, paymode: 'check', paidon, reference: 'CHQ 1' });
    const before = cache.db.prepare('SELECT count(*) FROM outbox').pluck().get();
    const threeMillionYearsAgo = -3_000_000 * 365 * 24 * 3600;
    for (const paidon of [threeMillionYearsAgo, 0, Math.floor(Date.now() / 1000) + 5 * 365 * 24 * 3600])
      expect(await pay(paidon)).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: ['paidon'] }] } } });
    expect(cache.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(before);
    expect(await pay(Math.floor(Date.now() / 1000) - 86_400)).toMatchObject({ ok: true });
  });
});

describe('relayBillChanges', () => {
  const progress = (p: Partial<SyncProgress>): SyncProgress => ({
    runId: 1,
    phase: 'pull',
    entity: 'bills',
    done: 500,
    total: null,
    ratePerSecond: 0,
    etaSeconds: null,
    ...p,
  });
  const finished: SyncRun = {
    id: 1,
    trigger: 'manual',
    startedAt: 0,
    finishedAt: 1,
    outcome: 'done',
    rowsApplied: 0,
    detail: null,
    errorCode: null,
    refused: 0,
    sent: 0,
  };

  it('re-emits committed pages of what the bills screens show, at most every interval, never losing the last', () => {
    vi.useFakeTimers();
    try {
      const bus = new EventBus();
      const told: unknown[] = [];
      bus.subscribe((name, payload) => name === 'bills.changed' && told.push(payload));
      const stop = relayBillChanges(bus, 250);
      bus.emit('sync.progressed', progress({ entity: 'catalogs' }));
      bus.emit('sync.progressed', progress({ phase: 'push', entity: null, done: 0 }));
      expect(told).toHaveLength(0);
      bus.emit('sync.progressed', progress({ entity: 'customers' }));
      expect(told).toEqual([{ ids: null }]);
      bus.emit('sync.progressed', progress({ entity: 'bills' }));
      bus.emit('sync.progressed', progress({ entity: 'bills', done: 1000 }));
      expect(told).toHaveLength(1);
      vi.advanceTimersByTime(250);
      expect(told).toHaveLength(2);
      bus.emit('sync.progressed', progress({ phase: 'push', entity: null, done: 1 }));
      bus.emit('sync.finished', finished);
      expect(told).toHaveLength(3);
      stop();
      bus.emit('sync.progressed', progress({ entity: 'bills' }));
      vi.advanceTimersByTime(1000);
      expect(told).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
