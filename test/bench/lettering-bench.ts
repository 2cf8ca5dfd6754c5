import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { customerKey, emailKey } from '../../shared/lettering/customer-key';
import { openDatabase } from '../../main/db/open';
import { parseFec, previewFec } from '../../main/lettering/fec-parser';
import { importInvoices } from '../../main/lettering/invoice-import';
import { suggestMatches, type EngineBill, type EngineInvoice } from '../../main/lettering/match-engine';
import { acceptSuggestions, listMatches } from '../../main/lettering/matches';
import { letteringOverview } from '../../main/lettering/overview';
import type { SyncEntity } from '../../main/shop-api/sync-entities';
import { entityWriter } from '../../main/sync/cache-tables';
import { createDemoData } from '../sim/demo-data';
import { fecDay, fecText } from '../support/lettering-fec';
import { invoiceFor, letterableBills } from '../support/lettering-from-cache';
import { generateLedger } from '../support/lettering-ledger';
import { report, timed } from './measure';

/**
 * Issue "Letter-matching": suggestions for 10,000 bills × 10,000 invoices (a generated ledger with a known
 * truth), by the engine's indexes, beside a naive scorer that looks at every pair, measured in the same run;
 * and the FEC of those invoices parsed. `--bills N` changes the size (default 10,000 here, not the 100,000
 * other suites use). Prints figures; passes or fails nothing.
 */
export async function letteringBench(bills: number): Promise<void> {
  const n = process.argv.includes('--bills') ? bills : 10_000;
  const ledger = generateLedger(n, 2026);
  report('Ledger', [
    ['bills × invoices', `${ledger.bills.length.toLocaleString('en')} × ${ledger.invoices.length.toLocaleString('en')}`],
    ['pairs a naive scorer looks at', (ledger.bills.length * ledger.invoices.length).toLocaleString('en')],
  ]);

  const cold = await timed(() => suggestMatches(ledger.bills, ledger.invoices));
  const warm: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < 5; k += 1) {
    const before = process.cpuUsage();
    warm.push((await timed(() => suggestMatches(ledger.bills, ledger.invoices))).ms);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  warm.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const suggestions = cold.value;
  const exact = suggestions.filter((s) => s.kind === 'exact');
  const wrong = exact.filter((s) => ledger.truth.get(s.invoiceIds[0]!)?.billId !== s.billIds[0]).length;
  const truthExact = [...ledger.truth.values()].filter((t) => t.kind === 'exact').length;
  report('Indexed engine (main/lettering/match-engine.ts)', [
    ['first run, seconds', (cold.ms / 1000).toFixed(3)],
    ['median of 5 more, seconds', (warm[2]! / 1000).toFixed(3)],
    ['fastest of them, seconds', (warm[0]! / 1000).toFixed(3)],
    ['CPU time, median (this process; GC threads included)', `${(cpu[2]! / 1000).toFixed(3)} s`],
    ['suggestions (exact / to check)', `${exact.length} / ${suggestions.length - exact.length}`],
    ['exact found / exact in the truth', `${exact.length} / ${truthExact} (${((100 * exact.length) / truthExact).toFixed(2)} %)`],
    ['exact suggestions that are wrong', wrong],
  ]);

  const naiveCpu = process.cpuUsage();
  const naive = await timed(() => naiveBest(ledger.bills, ledger.invoices));
  const naiveUsed = process.cpuUsage(naiveCpu);
  const agree = exact.filter((s) => naive.value.get(s.invoiceIds[0]!) === s.billIds[0]).length;
  report('Naive all-pairs scorer, same rules, same run', [
    ['seconds', (naive.ms / 1000).toFixed(3)],
    ['CPU time', `${((naiveUsed.user + naiveUsed.system) / 1e6).toFixed(3)} s`],
    ['indexed ÷ naive time', `1 : ${(naive.ms / warm[2]!).toFixed(0)}`],
    ['exact suggestions it agrees with', `${agree} / ${exact.length}`],
  ]);

  const text = fecText(
    ledger.invoices.map((i) => ({
      reference: i.reference,
      date: fecDay(i.date),
      customer: i.customer,
      account: 'C1',
      label: i.label,
      amountcents: i.amountcents,
    })),
    { withPayments: true },
  );
  const bytes = new TextEncoder().encode(text);
  const parsed = await timed(() => parseFec(bytes));
  const previewed = await timed(() => previewFec(bytes));
  report('FEC import parse (sales and bank entries)', [
    ['lines / MB', `${parsed.value.lineCount.toLocaleString('en')} / ${(bytes.length / 1e6).toFixed(1)}`],
    ['invoices found', parsed.value.invoices.length],
    ['seconds', (parsed.ms / 1000).toFixed(3)],
    ["the import dialog's preview (decode, count, first rows), seconds", (previewed.ms / 1000).toFixed(3)],
  ]);

  await throughTheCache(n);
}

/**
 * The same through the app's own code on a cache file: the demo shop grown until `n` bills are paid and
 * unlettered, a FEC of their invoices imported, the Lettering workspace's overview (open items read from
 * SQLite with the outbox laid over them, then the engine), and every exact suggestion accepted in one
 * transaction (matches, links, log and outbox rows).
 */
async function throughTheCache(n: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-bench-lettering-'));
  try {
    const db = openDatabase(path.join(dir, 'cache.sqlite'));
    // About a third of the demo's bills are paid and carry no lettering yet.
    const demo = createDemoData({ bills: Math.ceil(n * 3.2) });
    const sources: [SyncEntity, Iterable<unknown>][] = [
      ['shops', [demo.shop]],
      ['taxes', demo.taxes],
      ['catalogs', demo.catalogs],
      ['categories', demo.categories],
      ['catalogitems', demo.catalogItems],
      ['customers', demo.customers()],
      ['bills', demo.bills()],
    ];
    for (const [entity, records] of sources) {
      const writer = entityWriter(db, entity);
      db.transaction(() => writer.upsertAll([...records] as Record<string, unknown>[]))();
    }
    const bills = letterableBills(db, n);
    const text = fecText(
      bills.map((b, k) => invoiceFor(b, `FA-B-${k + 1}`, { withTransaction: k % 3 === 0 })),
      { withPayments: true },
    );
    const imported = await timed(() =>
      importInvoices(db, { source: { name: 'FEC.txt', base64: Buffer.from(text).toString('base64') } }, 'bench'),
    );
    const first = await timed(() => letteringOverview(db));
    const again = await timed(() => letteringOverview(db));
    const exact = first.value.suggestions.filter((s) => s.kind === 'exact');
    const accepted = await timed(() => acceptSuggestions(db, first.value.suggestions, 'bench'));
    // What the Matched tab reads (its virtual table draws only the rows in view), and the overview once matched.
    const listed = await timed(() => listMatches(db, '', 5000));
    const payload = Buffer.byteLength(JSON.stringify(first.value));
    report("Through the cache (SQLite file, demo shop, the app's own commands)", [
      ['open bills × invoices', `${first.value.bills.length.toLocaleString('en')} × ${first.value.invoices.length.toLocaleString('en')}`],
      ['import of the FEC (parse + one transaction), seconds', (imported.ms / 1000).toFixed(3)],
      ['lettering.overview, first / second, seconds', `${(first.ms / 1000).toFixed(3)} / ${(again.ms / 1000).toFixed(3)}`],
      ['  of which the engine (as it reports), ms', `${first.value.ms} / ${again.value.ms}`],
      ['exact suggestions', `${exact.length.toLocaleString('en')} of ${first.value.invoices.length.toLocaleString('en')} invoices`],
      [
        'accept all exact (one transaction, outbox rows), seconds',
        `${(accepted.ms / 1000).toFixed(3)} for ${accepted.value.accepted.toLocaleString('en')} matches`,
      ],
      ['lettering.overview answer (JSON, all open items + suggestions), MB', (payload / 1e6).toFixed(1)],
      [
        'lettering.matches, limit 5,000 (Matched tab), seconds',
        `${(listed.ms / 1000).toFixed(3)} of ${listed.value.total.toLocaleString('en')}`,
      ],
    ]);
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The obvious way: score every invoice against every bill with the same signals (amount to the cent, customer
 * key, transaction id inside the label, days apart) and keep the best. Keys are computed once, so what is
 * measured is the pairs, not the text folding.
 */
function naiveBest(bills: readonly EngineBill[], invoices: readonly EngineInvoice[]): Map<number, number> {
  const keys = bills.map((b) => ({
    name: customerKey(b.name),
    organisation: customerKey(b.organisation),
    email: emailKey(b.email),
    tx: b.transactionid.toUpperCase(),
  }));
  const best = new Map<number, number>();
  for (const inv of invoices) {
    const customer = customerKey(inv.customer);
    const email = emailKey(inv.email);
    const label = `${inv.reference} ${inv.label}`.toUpperCase();
    let top = -1;
    let topBill = -1;
    for (let i = 0; i < bills.length; i += 1) {
      const b = bills[i]!;
      if (b.currency !== inv.currency) continue;
      const k = keys[i]!;
      const sameCustomer = (customer !== '' && (customer === k.name || customer === k.organisation)) || (email !== '' && email === k.email);
      const sameAmount = b.amountcents === inv.amountcents;
      const ref = label.includes(k.tx);
      const days = Math.round(Math.abs(inv.date - b.date) / 86_400);
      const score =
        (ref ? 4000 : 0) +
        (sameAmount ? 2000 : Math.abs(b.amountcents - inv.amountcents) <= 1000 ? 500 : 0) +
        (sameCustomer ? 1000 : 0) +
        Math.max(0, 365 - days);
      if (score > top) {
        top = score;
        topBill = b.id;
      }
    }
    best.set(inv.id, topBill);
  }
  return best;
}
