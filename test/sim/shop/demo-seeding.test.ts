import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopApi } from '../../../main/shop-api/shop-client';
import { syncEntityNames, type SyncEntity } from '../../../main/shop-api/sync-entities';
import { DEFAULT_NOW } from '../demo-data';
import { startSimulatedSite, type SimulatedSite } from '../start-simulated-site';
import { shopApi } from './shop-site';

/**
 * A site seeded with demo data serves exactly what the generator made: every entity pulled through the real
 * client equals the generator's records, and the Moodle side (courses, roles, staff, customer accounts) is there.
 */

let sim: SimulatedSite;
let api: ShopApi;
beforeAll(async () => {
  sim = await startSimulatedSite({ now: DEFAULT_NOW + 60, demo: { bills: 400, seed: 5, now: DEFAULT_NOW } });
  api = shopApi(sim.url, sim.adminToken).api;
});
afterAll(async () => {
  await sim.close();
});

async function pull(entity: SyncEntity): Promise<unknown[]> {
  const rows: unknown[] = [];
  let since = { timemodified: 0, id: 0 };
  for (;;) {
    const page = await api.syncPage(entity, since, 500);
    rows.push(...page.rows);
    since = page.next;
    if (!page.hasmore) return rows;
  }
}

const byId = (records: Iterable<{ id: number }>) => [...records].sort((a, b) => a.id - b.id);

describe('a site seeded with createDemoData()', () => {
  it('serves every entity as the generator made it', async () => {
    const demo = sim.demo;
    if (!demo) throw new Error('no demo data');
    const expected: Record<SyncEntity, { id: number }[]> = {
      shops: [demo.shop],
      taxes: [...demo.taxes],
      catalogs: [...demo.catalogs],
      categories: [...demo.categories],
      catalogitems: [...demo.catalogItems],
      customers: [...demo.customers()],
      bills: [...demo.bills()],
      products: [...demo.products()],
      productevents: [...demo.productEvents()],
    };
    for (const entity of syncEntityNames) {
      const rows = (await pull(entity)) as { id: number }[];
      expect(byId(rows), entity).toEqual(byId(expected[entity]));
    }
    expect(expected.bills).toHaveLength(400);
  });

  it('creates the courses, roles, staff and customer accounts the data names', async () => {
    const demo = sim.demo;
    if (!demo) throw new Error('no demo data');
    for (const course of demo.courses) {
      expect(sim.db.prepare('SELECT shortname FROM mdl_course WHERE id = ?').get(course.id)).toEqual({ shortname: course.shortname });
    }
    for (const role of demo.roles) {
      expect(sim.db.prepare('SELECT shortname FROM mdl_role WHERE id = ?').get(role.id)).toEqual({ shortname: role.shortname });
    }
    const accounts = [...demo.moodleUsers()];
    expect(accounts.length).toBeGreaterThan(0);
    for (const user of accounts.slice(0, 20)) {
      expect(sim.db.prepare('SELECT username, email FROM mdl_user WHERE id = ?').get(user.id)).toEqual({
        username: user.username,
        email: user.email,
      });
    }
    // Staff members are sales admins: a token of theirs can pull bills.
    const staff = demo.staffUsers[0];
    if (!staff) throw new Error('no staff');
    const staffApi = shopApi(sim.url, sim.addToken({ userid: staff.id })).api;
    expect((await staffApi.syncPage('bills', { timemodified: 0, id: 0 }, 5)).rows).toHaveLength(5);
  });
});

describe('test/sim/main.ts --bills', () => {
  it('seeds the demo shop and prints a token whose service has the shop functions', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, '..', 'main.ts'), '--bills', '30', '--seed', '3'],
      {
        stdio: 'pipe',
      },
    );
    try {
      const line = await new Promise<{ url: string; token: string }>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
        createInterface({ input: child.stdout }).once('line', (text) => resolve(JSON.parse(text) as { url: string; token: string }));
      });
      const cli = shopApi(line.url, line.token).api;
      const page = await cli.syncPage('bills', { timemodified: 0, id: 0 }, 100);
      expect(page.rows).toHaveLength(30);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);
});
