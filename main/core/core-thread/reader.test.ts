import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedSite, type SimulatedSite } from '../../../test/sim/start-simulated-site';
import { createCore, type Core } from '../create-core';
import type { CallContext } from '../commands';
import { silentLogger } from '../logger';
import { createReader, type Reader } from './reader';

const context: CallContext = { transport: 'internal' };
const LIST = { filter: {}, sort: { column: 'emissiondate', direction: 'desc' }, offset: 0, limit: 50 };

let sim: SimulatedSite;
let dataDir: string;
let core: Core;
let reader: Reader;
let profileId: string;

beforeAll(async () => {
  sim = await startSimulatedSite({ demo: { bills: 120 } });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-reader-'));
  core = createCore({ dataDir, mode: 'browser', version: 'test', logger: silentLogger, autoSync: false, syncPageSize: 40 });
  reader = createReader({ dataDir, logger: silentLogger });
}, 60_000);

afterAll(async () => {
  reader?.close();
  core?.close();
  await sim?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the reader thread’s answers', () => {
  it('hands a command back to the core while there is no site or no cache', async () => {
    expect(await reader.answer('bills.list', LIST, context)).toBeNull();
    const registry = path.join(dataDir, 'profiles.json');
    fs.writeFileSync(registry, JSON.stringify({ version: 1, profiles: [], activeId: null }));
    expect(await reader.answer('bills.list', LIST, context)).toBeNull();
    // A profile whose cache the core has not created yet.
    const ghost = { id: 'ghost-000000', name: 'Ghost', url: 'http://127.0.0.1:9', createdAt: 0 };
    fs.writeFileSync(registry, JSON.stringify({ version: 1, profiles: [ghost], activeId: ghost.id }));
    expect(await reader.answer('bills.list', LIST, context)).toBeNull();
    fs.writeFileSync(registry, JSON.stringify({ version: 1, profiles: [], activeId: null }));

    const created = await core.dispatch('profiles.create', { name: 'Demo', url: sim.url, token: sim.adminToken }, context);
    profileId = (created as { value: { id: string } }).value.id;
    expect(await core.dispatch('bills.list', LIST, context)).toMatchObject({ ok: true, value: { total: 0 } });
    expect(await reader.answer('bills.list', LIST, context)).toMatchObject({ ok: true, value: { total: 0 } });
  }, 60_000);

  it('answers the lists during a first sync, from the bills received so far, as the core would', async () => {
    // The sync's first page of bills is committed: both answer it, before the next page is applied.
    let during: Promise<[unknown, unknown]> | null = null;
    const off = core.bus.subscribe((name, payload) => {
      const progress = payload as { phase: string; entity: string | null; done: number };
      if (name === 'sync.progressed' && progress.entity === 'bills' && progress.done > 0 && during === null)
        during = Promise.all([reader.answer('bills.list', LIST, context), core.dispatch('bills.list', LIST, context)]);
    });
    // Small pages, so the first one is not the whole shop.
    expect(await core.dispatch('sync.start', {}, context)).toMatchObject({ ok: true, value: { outcome: 'done' } });
    off();
    expect(during).not.toBeNull();
    const [mine, theirs] = await during!;
    expect(mine).toEqual(theirs);
    const value = (mine as { ok: true; value: { rows: unknown[]; total: number; filling?: { received: number; expected: number } } }).value;
    expect(value.rows.length).toBeGreaterThan(0);
    expect(value.total).toBeLessThan(120);
    expect(value.filling).toEqual({ received: value.total, expected: 120 });
    // Once the sync is over the cache is complete: the list no longer says it is being filled.
    expect(await reader.answer('bills.list', LIST, context)).toMatchObject({ ok: true, value: { total: 120 } });
    expect(await reader.answer('bills.list', LIST, context)).not.toHaveProperty('value.filling');
  }, 60_000);

  it('answers exactly as the core does, refusals included', async () => {
    for (const [name, input] of [
      ['bills.list', LIST],
      ['bills.list', { ...LIST, filter: { status: 'PAID' }, sort: { column: 'amountcents', direction: 'asc' } }],
      ['bills.counts', { filter: {} }],
      ['bills.get', { id: 1 }],
      ['bills.get', { id: 999_999 }],
      ['customers.list', { search: 'a' }],
      ['customers.get', { id: 1 }],
      ['catalogs.list', {}],
      ['catalogs.get', { id: 1 }],
      ['bills.list', { ...LIST, limit: 0 }],
    ] as const) {
      const mine = await reader.answer(name, input, context);
      expect(mine, `${name} ${JSON.stringify(input)}`).not.toBeNull();
      expect(mine, `${name} ${JSON.stringify(input)}`).toEqual(await core.dispatch(name, input, context));
    }
    // A change the core made is in the reader's next answer.
    const row = (
      (await reader.answer('bills.list', { ...LIST, filter: { status: 'REFUSED' } }, context)) as { value: { rows: { id: number }[] } }
    ).value.rows[0]!;
    await core.dispatch('bills.transition', { id: row.id, to: 'PENDING' }, context);
    expect(await reader.answer('bills.get', { id: row.id }, context)).toMatchObject({ ok: true, value: { bill: { status: 'PENDING' } } });
  });

  it('follows the cache to a new file, and hands back a cache that cannot be read', async () => {
    const before = await reader.answer('bills.counts', { filter: {} }, context);
    expect(before).toMatchObject({ ok: true, value: { total: 120 } });
    // A new cache for the profile (the old one set aside): the reader reads the new file, not the old one.
    expect(await core.dispatch('profiles.startNewCache', { id: profileId }, context)).toMatchObject({ ok: true });
    expect(await reader.answer('bills.counts', { filter: {} }, context)).toMatchObject({ ok: true, value: { total: 0 } });

    // Bytes overwritten past the header: not the reader's to report; the core has the way out (db_corrupt).
    const file = path.join(dataDir, 'profiles', profileId, 'cache.sqlite');
    reader.close();
    core.close();
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(size - 100, 0x5a), 0, undefined, 100);
    fs.closeSync(fd);
    expect(await reader.answer('bills.list', LIST, context)).toBeNull();
  });
});
