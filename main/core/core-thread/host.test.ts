import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { startSimulatedSite, type SimulatedSite } from '../../../test/sim/start-simulated-site';
import { DataDir } from '../data-dir';
import type { CallContext } from '../commands';
import { silentLogger } from '../logger';
import { redactText, REDACTED } from '../redact';
import type { SecretCodec } from '../../profiles/secret-store';
import { startCoreHost, type CoreHost } from './host';
import { sourceWorkerScript } from './source-script';

const context: CallContext = { transport: 'internal' };
const LIST = { filter: {}, sort: { column: 'emissiondate', direction: 'desc' }, offset: 0, limit: 1000 };

/** A codec only this thread can run (as safeStorage answers only on Electron's main thread): it counts its calls. */
const calls = { encode: 0, decode: 0 };
const hostOnlyCodec: SecretCodec = {
  fileName: 'token.test',
  encode(plain) {
    calls.encode++;
    return Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`);
  },
  decode(stored) {
    calls.decode++;
    const text = stored.toString('utf8');
    if (!text.startsWith('sealed:')) throw new Error('not sealed here');
    return Buffer.from(text.slice('sealed:'.length), 'base64').toString('utf8');
  },
};

let sim: SimulatedSite;
let dataDir: string;
let host: CoreHost;
const heard: { name: EventName; payload: unknown }[] = [];

beforeAll(async () => {
  sim = await startSimulatedSite({ demo: { bills: 300 } });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-core-host-'));
  host = await startCoreHost({
    script: sourceWorkerScript(),
    core: { dataDir, mode: 'browser', version: 'test', autoSync: false },
    secretCodec: hostOnlyCodec,
    logger: silentLogger,
  });
  host.bus.subscribe((name, payload) => heard.push({ name, payload }));
}, 120_000);

afterAll(async () => {
  await host?.close();
  await sim?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the core on threads of its own', () => {
  it('answers the contract as the in-process core does: values, refusals, unknown commands, events', async () => {
    expect(await host.dispatch('app.info', {}, context)).toMatchObject({ ok: true, value: { mode: 'browser', dataDir } });
    expect(await host.dispatch('settings.get', { extra: 1 }, context)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await host.dispatch('no.such', {}, context)).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    // A list with no site yet: the reader hands it to the core, which says why.
    expect(await host.dispatch('bills.list', LIST, context)).toMatchObject({
      ok: false,
      error: { code: 'no_active_profile' },
    });
    expect(await host.dispatch('settings.update', { language: 'fr' }, context)).toMatchObject({ ok: true });
    expect(heard.some((e) => e.name === 'settings.changed')).toBe(true);
  });

  it("keeps the token codec on the host's thread; the core thread calls it, and the host masks the token it saw", async () => {
    const created = await host.dispatch('profiles.create', { name: 'Demo', url: sim.url, token: sim.adminToken }, context);
    expect(created).toMatchObject({ ok: true });
    const id = (created as { value: { id: string } }).value.id;
    const stored = fs.readFileSync(path.join(new DataDir(dataDir).profileDir(id), 'token.test'), 'utf8');
    expect(stored).toBe(`sealed:${Buffer.from(sim.adminToken).toString('base64')}`);
    expect(calls.encode).toBe(1);

    // Reading the token back (to call the site) goes through the host's codec too.
    const tested = await host.dispatch('profiles.testConnection', { id }, context);
    expect(tested).toMatchObject({ ok: true });
    expect(calls.decode).toBeGreaterThan(0);
    expect(redactText(`token ${sim.adminToken} in a message`)).toBe(`token ${REDACTED} in a message`);
  });

  it('fills a first cache with its index build on a thread of its own, then the reader answers the lists', async () => {
    const run = await host.dispatch('sync.start', {}, context);
    expect(run).toMatchObject({ ok: true, value: { outcome: 'done' } });
    // The index build ran on a cache job's thread (the core thread logs it; lines reach the file shortly).
    await expect
      .poll(() => fs.readFileSync(new DataDir(dataDir).logFile, 'utf8'))
      .toMatch(/"message":"cache job done on its own thread","job":"buildIndexes"/);
    const list = await host.dispatch('bills.list', LIST, context);
    expect(list).toMatchObject({ ok: true, value: { total: 300 } });
    expect(await host.dispatch('bills.counts', { filter: {} }, context)).toMatchObject({ ok: true, value: { total: 300 } });
    expect(await host.dispatch('customers.list', {}, context)).toMatchObject({ ok: true });
    expect(await host.dispatch('catalogs.list', {}, context)).toMatchObject({ ok: true });

    // A change made through the core is in the reader's very next answer.
    const refused = (list as { value: { rows: { id: number; status: string }[] } }).value.rows.find((row) => row.status === 'REFUSED')!;
    expect(await host.dispatch('bills.transition', { id: refused.id, to: 'PENDING' }, context)).toMatchObject({ ok: true });
    expect(await host.dispatch('bills.get', { id: refused.id }, context)).toMatchObject({
      ok: true,
      value: { bill: { status: 'PENDING' } },
    });
    const after = await host.dispatch('bills.list', { ...LIST, filter: { status: 'PENDING' } }, context);
    expect((after as { value: { rows: { id: number }[] } }).value.rows.map((row) => row.id)).toContain(refused.id);
  }, 120_000);
});
