import { createDemoData } from './index';

/**
 * Throughput of the demo data generator: `node --import tsx test/sim/demo-data/measure.ts 100000 [products]`.
 * Iterates and counts, prints bills per second and the peak resident memory. A benchmark prints figures;
 * it does not pass or fail.
 */

const count = Number(process.argv[2] ?? 100_000);
const withProducts = process.argv[3] === 'products';
if (!Number.isSafeInteger(count) || count < 1) throw new Error('usage: measure.ts <bills> [products]');

const data = createDemoData({ bills: count });
/** Walks the records; `bills` is how many bills the walk covers (a product walk covers them all). */
function run(label: string, records: Iterable<unknown>, bills?: number): void {
  const started = process.hrtime.bigint();
  let seen = 0;
  for (const _record of records) seen += 1;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = (n: number) => Math.round(n / seconds).toLocaleString('en');
  const perBill = bills === undefined ? '' : `, ${rate(bills)} bills/s`;
  console.log(`${label}: ${seen.toLocaleString('en')} records in ${seconds.toFixed(1)} s (${rate(seen)} records/s${perBill})`);
}

run('bills', data.bills(), count);
if (withProducts) {
  run('products (walks every bill)', data.products(), count);
  run('product events (walks every bill)', data.productEvents(), count);
}
run('customers', data.customers());
// maxRSS is the kernel's high-water mark for the whole process (KiB), not a sample.
console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
