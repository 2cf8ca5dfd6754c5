import { runAudit } from '../../main/audit/run-audit';
import { EventBus } from '../../main/core/event-bus';
import { silentLogger } from '../../main/core/logger';
import { openDatabase } from '../../main/db/open';
import { createMoodleClient } from '../../main/moodle/rest-client';
import { ShopApi } from '../../main/shop-api/shop-client';
import { SyncEngine } from '../../main/sync/sync-engine';
import { enrolAsSold } from '../sim/audit-seed';
import { createCourse } from '../sim/lib/courses';
import { startSimulatedSite } from '../sim/start-simulated-site';
import { peakRssMiB, report, timed } from './measure';

/** Courses the products are spread over (the figure). */
const COURSES = 200;
const NOW = 1_796_000_000;

/**
 * Issue 17's figures: a full audit of 100,000 products over 200 courses against the simulated site, and the
 * audit after a sync that changed 100 products: Moodle calls (by function) and seconds. The demo shop's
 * products are spread over 200 courses (the demo catalog names 19) and every sale is enrolled as sold first,
 * so the audit reads a full site and finds nothing. `--bills N` sets the demo's size (enough bills for about
 * 100,000 products by default).
 */
export async function auditBench(bills: number): Promise<void> {
  // The demo makes about 2 products per bill (about half of them still current): 50,000 bills for 100,000.
  const demoBills = bills === 100_000 ? 50_000 : bills;
  const sim = await startSimulatedSite({ now: NOW, demo: { bills: demoBills, seed: 7 } });
  const db = openDatabase(':memory:');
  const client = createMoodleClient({ url: sim.url, token: sim.adminToken, logger: silentLogger, sleep: async () => {} });
  const engine = new SyncEngine({ db, api: () => new ShopApi(client), bus: new EventBus(), logger: silentLogger });
  let clock = NOW;
  const sync = async () => {
    for (let i = 0; i < 2; i += 1) {
      clock += 10;
      sim.setNow(clock);
      const run = await engine.start('manual');
      if (run.outcome !== 'done') throw new Error(`sync: ${run.outcome} ${run.detail ?? ''}`);
    }
  };
  try {
    const setup = await timed(() => {
      sim.site.transaction(() => {
        const existing = sim.db.prepare('SELECT count(*) FROM mdl_course WHERE id <> 1').pluck().get() as number;
        for (let n = existing; n < COURSES; n += 1)
          createCourse(sim.site, {
            fullname: `Bench course ${n}`,
            shortname: `BENCH-${n}`,
            category: 1,
            summaryformat: 1,
            format: 'topics',
            showgrades: 1,
            newsitems: 0,
            maxbytes: 0,
            showreports: 0,
            groupmode: 0,
            groupmodeforce: 0,
            defaultgroupingid: 0,
            enablecompletion: 0,
            formatoptions: {},
          });
        // Every product of an enrolling handler names one of the 200 courses by id (courseid wins over the name).
        const ids = JSON.stringify(sim.db.prepare('SELECT id FROM mdl_course WHERE id <> 1 ORDER BY id').pluck().all());
        sim.db
          .prepare(
            `UPDATE mdl_local_shop_product
             SET productiondata = productiondata || '&courseid=' || json_extract(?, '$[' || (id % ${COURSES}) || ']')`,
          )
          .run(ids);
      });
      return enrolAsSold(sim.site, clock + 20);
    });
    const products = sim.db.prepare('SELECT count(*) FROM mdl_local_shop_product').pluck().get() as number;
    const synced = await timed(sync);

    const calls = () => sim.requests.length;
    const byFunction = (from: number) => {
      const counts = new Map<string, number>();
      for (const r of sim.requests.slice(from)) counts.set(r.wsfunction ?? '?', (counts.get(r.wsfunction ?? '?') ?? 0) + 1);
      return [...counts].map(([fn, n]) => `${fn} ×${n}`).join(', ');
    };
    const deps = { db, moodle: client, now: () => clock };

    let before = calls();
    const full = await timed(() => runAudit(deps, 'full'));
    const fullCalls = calls() - before;
    const fullBy = byFunction(before);

    // 100 products change on the shop (extended by 30 days), then a sync brings them.
    sim.site.transaction(() =>
      sim.db
        .prepare(
          `UPDATE mdl_local_shop_product SET enddate = enddate + ${30 * 86_400}, timemodified = ?
           WHERE id IN (SELECT id FROM mdl_local_shop_product WHERE deleted = 0 AND enddate > ? ORDER BY id LIMIT 100)`,
        )
        .run(clock, clock + 100),
    );
    await sync();
    before = calls();
    const changed = await timed(() => runAudit(deps, 'changed'));
    const changedCalls = calls() - before;

    report(`Audit of sales: ${products} products (${setup.value.length} current sales enrolled) over ${COURSES} courses`, [
      ['setup (courses, enrolments on the simulated site)', `${(setup.ms / 1000).toFixed(1)} s`],
      ['first sync of the cache', `${(synced.ms / 1000).toFixed(1)} s`],
      ['full audit: sales compared', full.value.run.products],
      ['full audit: enrolments read', full.value.run.enrolments],
      ['full audit: Moodle calls', `${fullCalls} (${fullBy})`],
      ['full audit: wall time', `${(full.ms / 1000).toFixed(1)} s`],
      ['full audit: findings', `${full.value.total} (a site enrolled as sold)`],
      ['after a sync changing 100 products: courses read', changed.value.run.courses],
      ['after a sync changing 100 products: Moodle calls', `${changedCalls} (${byFunction(before)})`],
      ['after a sync changing 100 products: wall time', `${(changed.ms / 1000).toFixed(1)} s`],
      [
        'after a sync changing 100 products: findings',
        `${changed.value.total} (extended products whose enrolment now ends first; a person's later purchase of the course can still cover one)`,
      ],
      ['peak RSS (app and simulated site, one process)', `${peakRssMiB()} MiB`],
    ]);
  } finally {
    engine.dispose();
    db.close();
    await sim.close();
  }
}
