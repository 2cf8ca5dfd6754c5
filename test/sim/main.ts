import { parseArgs } from 'node:util';
import { startSimulatedSite, type SimulatedSite } from './start-simulated-site';

/**
 * Runs the simulated Moodle site until SIGINT or SIGTERM:
 *   node --import tsx test/sim/main.ts --port <p> [--seed <n>] [--bills <n>] [--db <file>]
 * Prints one JSON line, {"url": ..., "token": ...}: the site root and an admin token whose service holds
 * every simulated function (core and shop). --seed makes the generated token and keys the same from run to
 * run. --bills seeds a demo shop with that many bills on a fresh install (demo data seed: --seed, else 1)
 * instead of the captured site.
 */
/**
 * Grows the demo catalog to `total` items (benchmarks ask for 2,000) with variants of its first item: new ids
 * and codes, the same fields otherwise, dated like the rest of the demo data.
 */
function addCatalogItems(sim: SimulatedSite, total: number): void {
  const model = sim.demo?.catalogItems[0];
  const existing = sim.demo?.catalogItems.length ?? 0;
  if (!model || total <= existing) return;
  const firstId = Math.max(...sim.demo!.catalogItems.map((item) => item.id)) + 1;
  for (let i = 0; i < total - existing; i += 1) {
    sim.shop.insert('catalogitems', {
      ...model,
      id: firstId + i,
      code: `${model.code}-V${i + 1}`,
      shortname: `${model.shortname}-v${i + 1}`,
      idnumber: '',
    });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      bills: { type: 'string' },
      db: { type: 'string' },
      'catalog-items': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not ${values.port}`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`--seed must be an integer, not ${values.seed}`);

  const bills = values.bills === undefined ? undefined : Number(values.bills);
  if (bills !== undefined && (!Number.isSafeInteger(bills) || bills < 1))
    throw new Error(`--bills must be a positive integer, not ${values.bills}`);

  const sim = await startSimulatedSite({
    port,
    host: values.host,
    ...(seed !== undefined ? { randomSeed: seed } : {}),
    ...(values.db ? { dbPath: values.db } : {}),
    ...(bills !== undefined ? { demo: { bills, ...(seed !== undefined ? { seed } : {}) } } : {}),
  });
  const items = values['catalog-items'] === undefined ? 0 : Number(values['catalog-items']);
  if (!Number.isSafeInteger(items) || items < 0) throw new Error(`--catalog-items must be a whole number, not ${values['catalog-items']}`);
  addCatalogItems(sim, items);
  process.stdout.write(`${JSON.stringify({ url: sim.url, token: sim.adminToken })}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
