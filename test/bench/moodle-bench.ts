import { silentLogger } from '../../main/core/logger';
import { createMoodleClient } from '../../main/moodle/rest-client';
import { ShopApi } from '../../main/shop-api/shop-client';
import { createDemoData } from '../sim/demo-data';
import { startSimulatedSite } from '../sim/start-simulated-site';
import { peakRssMiB, rate, report, timed } from './measure';

/**
 * Issue "Talk to Moodle as Moodle does": the demo generator's rate, the simulated site's seeding time, and its
 * serving rate for a full pull of every bill over loopback HTTP, 500 per page, through the real client.
 */
export async function moodleBench(bills: number): Promise<void> {
  const generated = await timed(() => {
    let lines = 0;
    for (const bill of createDemoData({ bills }).bills()) lines += bill.items.length;
    return lines;
  });
  report(`Demo generator, ${bills.toLocaleString('en')} bills`, [
    ['bills/s', rate(bills, generated.ms)],
    ['bill lines', generated.value],
    ['seconds', (generated.ms / 1000).toFixed(1)],
  ]);

  const seeded = await timed(() => startSimulatedSite({ demo: { bills } }));
  const sim = seeded.value;
  report('Simulated site seeding', [['seconds', (seeded.ms / 1000).toFixed(1)]]);

  try {
    const moodle = createMoodleClient({ url: sim.url, token: sim.adminToken, logger: silentLogger });
    const shop = new ShopApi(moodle);
    for (const entity of ['customers', 'bills'] as const) {
      const pulled = await timed(async () => {
        let rows = 0;
        let cursor = { timemodified: 0, id: 0 };
        for (;;) {
          const page = await shop.syncPage(entity, cursor, 500);
          rows += page.rows.length;
          cursor = page.next;
          if (!page.hasmore) return rows;
        }
      });
      report(`Simulated site serving local_shopbackoffice_sync_${entity}, 500 per page`, [
        ['rows', pulled.value],
        ['rows/s', rate(pulled.value, pulled.ms)],
        ['HTTP calls', moodle.log.stats().byFunction[`local_shopbackoffice_sync_${entity}`]?.calls ?? 0],
        ['seconds', (pulled.ms / 1000).toFixed(1)],
      ]);
    }
  } finally {
    await sim.close();
  }
  report('Process', [['peak RSS (MiB)', peakRssMiB()]]);
}
