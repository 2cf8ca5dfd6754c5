import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract';
import { createDispatch, type Dispatch } from '../core/dispatch';
import { EventBus } from '../core/event-bus';
import { silentLogger } from '../core/logger';
import type { CoreServices } from '../core/services';
import { spyCommands } from '../../test/support/spy-commands';
import { ShopApi } from '../shop-api/shop-client';
import { claimCache } from '../sync/cache-site';
import { productionCommands } from './commands';
import { participants, productionSite, type ProductionSite } from './production-site.test-support';

/** The contract commands, through the dispatcher every transport uses: inputs and outputs checked by the schemas. */

let site: ProductionSite;
let dispatch: Dispatch;
const heard: { name: EventName; payload: unknown }[] = [];

beforeAll(async () => {
  site = await productionSite();
  site.addCustomer({ id: 920_001, organisation: 'Kappa' });
  site.addBill(920_101, 920_001, [
    { code: 'SESSION-PYTHON', quantity: 3 },
    { code: 'CERTIF-EXCEL', quantity: 1 },
  ]);
  await site.sync();
  const bus = new EventBus();
  bus.subscribe((name, payload) => heard.push({ name, payload }));
  const services = {
    bus,
    logger: silentLogger,
    activeSite: () => ({
      db: site.db,
      profileId: 'p1',
      verifySite: () => new ShopApi(site.client).getSite().then((reached) => claimCache(site.db, reached)),
    }),
    moodle: () => site.client,
  } as unknown as CoreServices;
  dispatch = createDispatch(spyCommands(productionCommands(services)).commands, silentLogger);
}, 60_000);
afterAll(() => site.close());

const call = (name: string, input: unknown) => dispatch(name, input, { transport: 'internal' });

describe('production commands', () => {
  it('list the lines with a handler, plan, run with progress events, and keep the log', async () => {
    const lines = await call('production.lines', { billId: 920_101 });
    expect(lines).toMatchObject({
      ok: true,
      value: { lines: [{ itemcode: 'SESSION-PYTHON', runnable: true, recorded: 0, lastOutcome: null }] },
    });
    const billItemId = (lines as { value: { lines: { billItemId: number }[] } }).value.lines[0]!.billItemId;
    const people = participants(2, 1, 'kappa.example', 'trainers-kappa.example');

    expect(await call('production.plan', { billId: 920_101, billItemId, participants: people })).toMatchObject({
      ok: true,
      value: { writeCalls: 4 },
    });
    expect(await call('production.plan', { billId: 920_101, billItemId, participants: [{ email: 'x' }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call('production.plan', { billId: 920_101, billItemId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'production_line_not_found' },
    });

    const run = await call('production.run', { billId: 920_101, billItemId, participants: people });
    expect(run).toMatchObject({ ok: true, value: { outcome: 'done', created: { accounts: 3, products: 3 } } });
    const steps = heard.filter((e) => e.name === 'production.progressed').map((e) => (e.payload as { step: string }).step);
    expect(steps).toEqual(['plan', 'accounts', 'enrolments', 'groups', 'members', 'record', 'done']);
    expect(heard.map((e) => e.name)).toContain('bills.changed');

    const log = await call('production.log', { billId: 920_101 });
    expect(log).toMatchObject({ ok: true, value: { runs: [{ billItemId, outcome: 'done', calls: expect.any(Array) }] } });
    const calls = (log as { value: { runs: { calls: { function: string; outcome: string }[] }[] } }).value.runs[0]!.calls;
    expect(calls.map((c) => c.function)).toContain('core_user_create_users');
    expect(calls.every((c) => c.outcome === 'ok')).toBe(true);
    expect(await call('production.lines', { billId: 920_101 })).toMatchObject({
      ok: true,
      value: { lines: [{ recorded: 3, lastOutcome: 'done' }] },
    });
    expect(await call('production.defineRole', { shortname: 'tuteur', id: 11 })).toEqual({
      ok: true,
      value: { roles: [{ shortname: 'tuteur', id: 11 }] },
    });
    // A name like an object's machinery is kept and answered as it is.
    expect(await call('production.defineRole', { shortname: '__proto__', id: 12 })).toMatchObject({
      ok: true,
      value: { roles: expect.arrayContaining([{ shortname: '__proto__', id: 12 }]) },
    });
    expect(await call('production.defineRole', { shortname: 'tuteur principal', id: 13 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  }, 60_000);
});
