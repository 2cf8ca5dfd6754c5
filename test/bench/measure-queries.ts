/**
 * How fast the Bills and Customers workspaces answer on a cache of 1,000,000 bills and 200,000 customers.
 * A benchmark: it prints figures and passes or fails nothing (STYLE.md).
 *
 *   node --import tsx test/bench/measure-queries.ts [--bills 1000000] [--file /tmp/bills-1000000.sqlite] [--fresh] [--cache-mib 16]
 *
 * The cache is filled once with synthetic bills through plain INSERTs, so the triggers of migrations 0030 and
 * 0040 run as they do during a sync, and the file is kept for the next run (--fresh makes a new one). Each
 * figure is the median and 95th percentile of 21 runs, each with the count cache dropped first (the worst
 * case: the first request after any change); statements stay prepared, as in the app.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BILL_STATUSES } from '../../shared/bills/bill-status';
import { billColumns, type BillFilter } from '../../shared/contract/bills';
import { getCustomer, listCustomers } from '../../main/customers/customer-query';
import { openDatabase, type Db } from '../../main/db/open';
import { enqueue } from '../../main/sync/outbox';
import { getBillDetail } from '../../main/bills/bill-detail';
import { countByStatus, forgetBillCaches, listBills, selectBillIds, type BillSort } from '../../main/bills/bill-query';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) =>
  args.includes(`--${name}`) ? (args[args.indexOf(`--${name}`) + 1] ?? fallback) : fallback;
const BILLS = Number(option('bills', '1000000'));
const CUSTOMERS = Math.max(1, Math.round(BILLS / 5));
const FILE = option('file', path.join(os.tmpdir(), `bills-${BILLS}.sqlite`));
const NOW = 1_767_225_600;
const SPAN = 730 * 86_400;

// prettier-ignore
const FIRST = ['Jean', 'Marie', 'Éloïse', 'Hélène', 'François', 'Zoé', 'Loïc', 'Chloé', 'Jérôme', 'Camille', 'Noël', 'Agnès', 'Luc', 'Inès', 'Gaëlle'];
// prettier-ignore
const LAST = ['Martin', 'Bernard', 'Lefèvre', 'Lefebvre', 'Dubois', 'Lebœuf', 'Moreau', "d'Alembert", 'Girard', 'Mercier', 'Faure', 'André', 'Rousseau', 'Bonnet', 'Roux', 'Fournier', 'Morel', 'Chevalier', 'Gauthier', 'Perrin', 'Benoît', 'Ménard', 'Lévêque', 'Durand'];
const ORGS = ['Formation Conseil', 'Atelier Numérique', 'Clinique Saint-Éloi', 'Mairie de Besançon', 'Crédit Régional', 'Hôtel Azur'];
const CODES = Array.from(
  { length: 60 },
  (_, i) => `FORM-${['EXCEL', 'WORD', 'SECU', 'MGT', 'LANG', 'CERT'][i % 6]}-${String(i).padStart(2, '0')}`,
);
/** The demo shop's status weights for bills older than 60 days (test/sim/demo-data/bill-flow.ts), per 1,000. */
// prettier-ignore
const WEIGHTS: [string, number][] = [['WORKING', 20], ['PLACED', 30], ['PENDING', 50], ['PREPROD', 25], ['PARTIAL', 50], ['SOLDOUT', 300], ['COMPLETE', 360], ['PAYBACK', 30], ['FAILED', 35], ['REFUSED', 30], ['CANCELLED', 70]];

/** mulberry32: fast, and no correlation between successive draws (a plain LCG's low bits have some). */
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const status = () => {
  let r = random() * 1000;
  for (const [name, weight] of WEIGHTS) if ((r -= weight) < 0) return name;
  return 'COMPLETE';
};
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^a-zA-Z]/g, '')
    .toLowerCase();

function fill(db: Db): void {
  const customer = db.prepare(`INSERT INTO customer VALUES (?, 1, ?, ?, ?, '1 rue de la Paix', '75001', 'Paris', 'FR', ?, ?, '', ?, 1, ?)`);
  const bill = db.prepare(
    `INSERT INTO bill VALUES (?, 1, ?, ?, ?, 2, ?, 'online', ?, '', ?, ?, 0, 0, 'EUR', ?, ?, ?, 0, 0, 0, 0, 0, ?, ?, ?, ?, 0, '', '', 0, 0, '', 1, ?)`,
  );
  const item = db.prepare(`INSERT INTO bill_item VALUES (?, ?, ?, 'BILLING', ?, 1, ?, '', 0, ?, 1, ?, 1, 2000, ?, 0, '', '')`);
  db.transaction(() => {
    for (let id = 1; id <= CUSTOMERS; id += 1) {
      const [first, last] = [pick(FIRST), pick(LAST)];
      const org = random() < 0.4 ? `${pick(ORGS)} ${id % 97}` : '';
      customer.run(
        id,
        first,
        last,
        `${ascii(first)[0]}.${ascii(last)}${id}@mail.example`,
        org,
        random() < 0.65 ? id + 20 : 0,
        NOW - SPAN,
        NOW - SPAN,
      );
    }
  })();
  let itemId = 1;
  for (let start = 1; start <= BILLS; start += 50_000) {
    db.transaction(() => {
      for (let id = start; id < Math.min(BILLS + 1, start + 50_000); id += 1) {
        const state = status();
        const emission = NOW - SPAN + Math.floor(((id - 1) * SPAN) / BILLS) + Math.floor(random() * 3600);
        const codes = Array.from({ length: 1 + Math.floor(random() * random() * 5) }, () => pick(CODES));
        const lines = codes.map(() => 5_000 + Math.floor(random() * random() * 300_000));
        const untaxed = lines.reduce((a, b) => a + b, 0);
        const tax = lines.reduce((sum, line) => sum + Math.round(line / 5), 0);
        const paid = ['SOLDOUT', 'COMPLETE'].includes(state) ? untaxed + tax : state === 'PARTIAL' ? Math.floor((untaxed + tax) / 2) : 0;
        const lettering =
          paid > 0 && random() < 0.7 ? `FA-${new Date(emission * 1000).getUTCFullYear()}-${String(id).padStart(7, '0')}` : '';
        const recent = Math.floor((id * CUSTOMERS) / BILLS) - Math.floor(random() * 25);
        const customerId = random() < 0.4 ? Math.max(1, Math.min(CUSTOMERS, recent)) : 1 + Math.floor(random() * CUSTOMERS);
        const paymode = pick(['card', 'check', 'transfer', 'paypal']);
        const online = state === 'WORKING' ? '' : `pi_${(id * 40503).toString(36)}`;
        bill.run(
          id,
          lettering,
          id,
          customerId,
          `Commande ${codes[0]}`,
          state,
          emission,
          emission + Math.floor(random() * 2_592_000),
          untaxed,
          tax,
          untaxed + tax,
          paid,
          paymode,
          (id * 2654435761).toString(16),
          online,
          emission,
        );
        codes.forEach((code, i) => item.run(itemId++, id, i + 1, code, `Formation ${code}`, lines[i], lines[i], Math.round(lines[i]! / 5)));
      }
    })();
    process.stdout.write(`\r  filled ${Math.min(BILLS, start + 49_999).toLocaleString('en')} bills`);
  }
  process.stdout.write('\n');
}

function measure(label: string, run: () => number | string, runs = 21, setup?: () => unknown): void {
  const times: number[] = [];
  let result: number | string = '';
  for (let i = 0; i < runs; i += 1) {
    forgetBillCaches(db);
    setup?.();
    const started = performance.now();
    result = run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  console.log(`${label.padEnd(58)} ${at(0.5).padStart(7)} ${at(0.95).padStart(7)}   ${result}`);
}

const page =
  (filter: BillFilter, sort: BillSort, offset = 0) =>
  () => {
    const { rows, total } = listBills(db, { filter, sort, offset, limit: 100 });
    return `${rows.length} of ${total.toLocaleString('en')}`;
  };
const BY_DATE: BillSort = { column: 'emissiondate', direction: 'desc' };
const YEAR = { from: NOW - 365 * 86_400, to: NOW };

if (args.includes('--fresh') || !fs.existsSync(FILE)) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(FILE + suffix, { force: true });
const fresh = !fs.existsSync(FILE);
const db = openDatabase(FILE);
if (fresh) {
  const started = performance.now();
  db.pragma('cache_size = -262144'); // 256 MiB while filling only; the measures run with the app's settings.
  fill(db);
  db.pragma('cache_size = -16000');
  console.log(`  filled in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
// --cache-mib N: SQLite's page cache for the measures (the app keeps better-sqlite3's default, 16 MiB).
if (args.includes('--cache-mib')) db.pragma(`cache_size = ${-1024 * Number(option('cache-mib', '16'))}`);
const size = (fs.statSync(FILE).size / 2 ** 20).toFixed(0);
console.log(`${FILE}: ${(db.prepare('SELECT count(*) FROM bill').pluck().get() as number).toLocaleString('en')} bills, ${size} MiB`);
console.log(`${'query (first page: 100 rows)'.padEnd(58)} ${'median'.padStart(7)} ${'p95 ms'.padStart(7)}   rows`);

measure('unfiltered, emission date desc', page({}, BY_DATE));
for (const column of billColumns)
  for (const direction of ['asc', 'desc'] as const)
    if (column !== 'emissiondate' || direction === 'asc') measure(`unfiltered, ${column} ${direction}`, page({}, { column, direction }));
for (const state of BILL_STATUSES) measure(`tab ${state}, emission date desc`, page({ status: state }, BY_DATE));
measure('tab COMPLETE, amount desc', page({ status: 'COMPLETE' }, { column: 'amountcents', direction: 'desc' }));
measure('tab PAYBACK, customer asc', page({ status: 'PAYBACK' }, { column: 'customer', direction: 'asc' }));
measure('tab PENDING, items asc', page({ status: 'PENDING' }, { column: 'items', direction: 'asc' }));
for (const search of ['lefevre', 'martin', 'le', 'formation', 'fa-2025-06001']) measure(`search "${search}"`, page({ search }, BY_DATE));
// A bill by its number: the Reference column (its id) and its lettering's number without the zeros (FA-2025-0654321).
for (const search of ['654321', '4999', '0654321', 'martin 654321', '2025', '65']) measure(`search "${search}"`, page({ search }, BY_DATE));
measure('search "654321", customer asc', page({ search: '654321' }, { column: 'customer', direction: 'asc' }));
measure('counts, search "654321"', () => countByStatus(db, { search: '654321' }).total.toLocaleString('en'));
measure('search "lefevre", customer asc', page({ search: 'lefevre' }, { column: 'customer', direction: 'asc' }));
measure(
  'combined: SOLDOUT, last year, ≥ 500 €, check, search "mar"',
  page({ status: 'SOLDOUT', ...YEAR, minCents: 50_000, paymode: 'check', search: 'mar' }, BY_DATE),
);
measure(
  'combined: last year, product code, not lettered; amount',
  page({ ...YEAR, productCode: 'FORM-SECU-02', lettered: false }, { column: 'amountcents', direction: 'desc' }),
);
measure('combined: one customer, by title', page({ customerId: 4242 }, { column: 'title', direction: 'asc' }));
measure('deep page, offset 500,000, emission date desc', page({}, BY_DATE, 500_000));
measure('deep page, offset 500,000, customer asc', page({}, { column: 'customer', direction: 'asc' }, 500_000));
measure('deep page, offset 500,000, amount desc', page({}, { column: 'amountcents', direction: 'desc' }, 500_000));
for (const column of ['customer', 'emissiondate'] as const) {
  const sort: BillSort = { column, direction: 'asc' };
  measure(`scrolling on: offset 500,060 after 500,000, ${column} asc`, page({}, sort, 500_060), 21, page({}, sort, 500_000));
}
measure(
  'deep page, offset 100,000 of tab COMPLETE, title asc',
  page({ status: 'COMPLETE' }, { column: 'title', direction: 'asc' }, 100_000),
);
const counts = (filter: BillFilter) => () => countByStatus(db, filter).total.toLocaleString('en');
measure('counts, unfiltered', counts({}));
measure('counts, last year', counts(YEAR));
measure('counts, last year, ≥ 500 €, transfer, lettered', counts({ ...YEAR, minCents: 50_000, paymode: 'transfer', lettered: true }));
measure('counts, search "martin"', counts({ search: 'martin' }));
measure('counts, product code', counts({ productCode: 'FORM-SECU-02' }));
measure('bills.get (lines, taxes, payments, products)', () => getBillDetail(db, 654_321).lines.length);
measure('customers.list, by name', () => listCustomers(db, { search: '', sort: 'name', offset: 0, limit: 100 }).total);
measure(
  'customers.list, by pending, offset 100,000',
  () => listCustomers(db, { search: '', sort: 'pending', offset: 100_000, limit: 100 }).total,
);
measure(
  'customers.list, search "lefevre", by paid',
  () => listCustomers(db, { search: 'lefevre', sort: 'paid', offset: 0, limit: 100 }).total,
);
// A customer by one of their bills (a search with digits also looks in the bills).
for (const search of ['654321', 'fa-2025-0654321', (654_321 * 2654435761).toString(16), '2025', '65'])
  measure(`customers.list, search "${search}", by name`, () => listCustomers(db, { search, sort: 'name', offset: 0, limit: 100 }).total);
measure('customers.get', () => getCustomer(db, 4242, { siteUrl: 'https://moodle.example', now: NOW }).bills.length);
measure('selectBillIds, all 1,000,000, emission date desc', () => [...selectBillIds(db, { filter: {} })].length, 3);

// With 1,000 changes waiting in the outbox (laid over the bills), then taken back.
db.exec('BEGIN');
db.transaction(() => {
  for (let id = 1000; id < 1_000_000; id += 1000)
    enqueue(db, {
      kind: 'bill.transition',
      entityId: id,
      baseVersion: 1,
      payload: { fromstatus: 'PLACED', tostatus: 'PENDING', note: '' },
    });
})();
measure('1,000 queued: unfiltered, emission date desc', page({}, BY_DATE));
measure('1,000 queued: tab PENDING, status asc', page({ status: 'PENDING' }, { column: 'status', direction: 'asc' }));
measure('1,000 queued: deep page, offset 500,000', page({}, BY_DATE, 500_000));
measure('1,000 queued: counts, last year', counts(YEAR));
db.exec('ROLLBACK');
db.close();
