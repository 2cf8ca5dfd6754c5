import { createDemoData } from '../demo-data';
import { startSimulatedSite } from '../start-simulated-site';
import { shopApi } from './shop-site';

/**
 * Figures for the simulated shop API: `node --import tsx test/sim/shop/measure.ts [bills=100000] [pageSize=500]`.
 *   1. the demo generator alone (what seeding cannot go below),
 *   2. seeding a site with that many bills (generator + inserts, one transaction),
 *   3. a full pull of the bills through HTTP and the back-office's client (ShopApi, zod included).
 * A benchmark prints figures; it does not pass or fail.
 */
const bills = Number(process.argv[2] ?? 100_000);
const pageSize = Number(process.argv[3] ?? 500);
if (!Number.isSafeInteger(bills) || bills < 1) throw new Error('usage: measure.ts [bills] [pageSize]');

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
const fmt = (n: number) => Math.round(n).toLocaleString('en');

async function main(): Promise<void> {
  let started = process.hrtime.bigint();
  const data = createDemoData({ bills });
  let records = 0;
  for (const iterable of [data.customers(), data.moodleUsers(), data.bills(), data.products(), data.productEvents()]) {
    for (const _record of iterable) records += 1;
  }
  const generator = seconds(started);
  console.log(`generator alone: ${fmt(records)} records in ${generator.toFixed(1)} s`);

  started = process.hrtime.bigint();
  const sim = await startSimulatedSite({ demo: { bills } });
  const seeding = seconds(started);
  const count = (table: string) => (sim.db.prepare(`SELECT COUNT(*) AS n FROM mdl_${table}`).get() as { n: number }).n;
  const rows = [
    'local_shop_bill',
    'local_shop_billitem',
    'local_shop_bill_payment',
    'local_shop_bill_history',
    'local_shop_customer',
    'local_shop_product',
    'local_shop_productevent',
    'user',
  ];
  console.log(
    `seeding ${fmt(bills)} bills: ${seeding.toFixed(1)} s (of which the generator about ${generator.toFixed(1)} s, inserts about ${(seeding - generator).toFixed(1)} s)`,
  );
  console.log(`  ${rows.map((t) => `${t.replace('local_shop_', '')} ${fmt(count(t))}`).join(', ')}`);

  const { api } = shopApi(sim.url, sim.adminToken);
  started = process.hrtime.bigint();
  let since = { timemodified: 0, id: 0 };
  let pulled = 0;
  let pages = 0;
  let slowest = 0;
  for (;;) {
    const pageStarted = process.hrtime.bigint();
    const page = await api.syncPage('bills', since, pageSize);
    slowest = Math.max(slowest, seconds(pageStarted));
    pulled += page.rows.length;
    pages += 1;
    since = page.next;
    if (!page.hasmore) break;
  }
  const pull = seconds(started);
  console.log(
    `full pull: ${fmt(pulled)} bills in ${pages} pages of ${pageSize} in ${pull.toFixed(1)} s: ${fmt(pulled / pull)} bills/s, ` +
      `${((pull / pages) * 1000).toFixed(0)} ms per page on average, slowest ${(slowest * 1000).toFixed(0)} ms`,
  );
  console.log(`peak RSS: ${fmt(process.resourceUsage().maxRSS / 1024)} MiB`);
  await sim.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
