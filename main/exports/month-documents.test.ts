import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import { DEMO_INVOICING } from '../../test/support/demo-invoicing';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import { getBillDetail } from '../bills/bill-detail';
import { issueCreditNote } from '../bills/credit-notes';
import { runCli } from '../cli/cli';
import type { ExportJob } from './export-jobs';
import { monthBounds, monthDocuments, writeMonthDocuments } from './month-documents';

let cache: SyncedCache;
let dir: string;
let invoiceMonth: string;
let creditMonth: string;

const monthOf = (unix: number) => {
  const date = new Date(unix * 1000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
};
const quiet = (overrides: Partial<ExportJob> = {}): ExportJob => ({
  exportId: 'month',
  signal: new AbortController().signal,
  progress: () => {},
  throwIfCancelled: () => {},
  ...overrides,
});

beforeAll(async () => {
  cache = await syncedCache({ bills: 300 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-month-'));
  // The month with the most invoices, and a credit note issued now (in the shop's clock's month).
  const busiest = cache.db.prepare("SELECT emissiondate FROM bill WHERE idnumber <> '' ORDER BY emissiondate").pluck().all() as number[];
  const counts = new Map<string, number>();
  for (const date of busiest) counts.set(monthOf(date), (counts.get(monthOf(date)) ?? 0) + 1);
  invoiceMonth = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const billId = cache.db
    .prepare(
      "SELECT id FROM bill WHERE idnumber <> '' AND status IN ('SOLDOUT', 'COMPLETE') AND paidcents = amountcents ORDER BY id LIMIT 1",
    )
    .pluck()
    .get() as number;
  const line = getBillDetail(cache.db, billId).lines.find((l) => l.totalcents > 0)!;
  issueCreditNote(cache.db, {
    id: billId,
    reason: '',
    lines: [{ billitemid: line.id, quantity: 1, totalcents: Math.floor(line.totalcents / 2) }],
    refund: { paymode: 'transfer', refundedon: 1_790_000_000, reference: '' },
  });
  expect((await cache.engine.start('manual')).outcome).toBe('done');
  creditMonth = monthOf(getBillDetail(cache.db, billId).creditNotes[0]!.issuedat);
}, 90_000);
afterAll(async () => {
  await cache?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a month of invoices and credit notes', () => {
  it('selects the invoices and the credit notes issued that month, in the time zone the documents print', () => {
    const { from, to } = monthBounds('2026-02');
    expect(new Date(from * 1000).getDate()).toBe(1);
    expect(new Date(to * 1000).getMonth()).toBe(2);
    const { invoices, creditNotes } = monthDocuments(cache.db, invoiceMonth);
    expect(invoices.length).toBeGreaterThan(1);
    const dates = cache.db
      .prepare('SELECT emissiondate FROM bill WHERE id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(invoices)) as number[];
    expect(new Set(dates.map(monthOf))).toEqual(new Set([invoiceMonth]));
    expect(monthDocuments(cache.db, creditMonth).creditNotes).toHaveLength(1);
    if (creditMonth !== invoiceMonth) expect(creditNotes).toEqual([]);
  });

  it('writes one file per document, named by its number, with progress', async () => {
    const folder = fs.mkdtempSync(path.join(dir, 'invoices-'));
    const progress: number[] = [];
    const written = await writeMonthDocuments({
      db: cache.db,
      month: invoiceMonth,
      folder,
      locale: 'fr',
      invoicing: DEMO_INVOICING,
      job: quiet({ progress: (_phase, done) => progress.push(done) }),
    });
    const numbers = cache.db
      .prepare('SELECT idnumber FROM bill WHERE id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(monthDocuments(cache.db, invoiceMonth).invoices)) as string[];
    expect(fs.readdirSync(folder).sort()).toEqual(numbers.map((number) => `${number}.pdf`).sort());
    expect(written.files).toHaveLength(numbers.length);
    expect(progress.at(-1)).toBe(numbers.length);
  }, 60_000);

  it('takes the credit notes of their month, Factur-X on demand', async () => {
    const folder = fs.mkdtempSync(path.join(dir, 'credit-'));
    const written = await writeMonthDocuments({
      db: cache.db,
      month: creditMonth,
      folder,
      locale: 'en',
      invoicing: DEMO_INVOICING,
      job: quiet(),
      einvoice: { facturX: true, xml: true },
    });
    expect(written.creditNotes).toBe(1);
    expect(fs.readdirSync(folder).filter((name) => name.startsWith('AV-'))).toEqual([
      expect.stringMatching(/^AV-\d{4}-000001\.pdf$/),
      expect.stringMatching(/^AV-\d{4}-000001\.xml$/),
    ]);
  }, 60_000);

  it('leaves no file behind when cancelled halfway', async () => {
    const folder = fs.mkdtempSync(path.join(dir, 'cancelled-'));
    let written = 0;
    const job = quiet({
      progress: (phase, done) => {
        if (phase === 'invoices') written = done;
      },
      throwIfCancelled: () => {
        if (written >= 2) throw new AppError('export_cancelled', 'cancelled');
      },
    });
    // Progress is told every 25 documents and at the end: a month of fewer is cancelled at its end, as a whole.
    await expect(
      writeMonthDocuments({ db: cache.db, month: invoiceMonth, folder, locale: 'fr', invoicing: DEMO_INVOICING, job }),
    ).rejects.toMatchObject({
      code: 'export_cancelled',
    });
    expect(fs.readdirSync(folder)).toEqual([]);
  }, 60_000);

  it('runs from the command line, as a nightly script would', async () => {
    const dataDir = fs.mkdtempSync(path.join(dir, 'cli-'));
    const out = fs.mkdtempSync(path.join(dir, 'cli-out-'));
    const cli = async (...argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli([...argv, '--data-dir', dataDir], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
      return { code, stdout, stderr };
    };
    expect((await cli('profiles.create', JSON.stringify({ name: 'Shop', url: cache.sim.url, token: cache.sim.adminToken }))).code).toBe(0);
    // The credit note was written a moment ago: the shop shows a change once it has settled (5 s, docs/shop-api.md).
    cache.sim.setNow(Math.floor(Date.now() / 1000) + 10);
    expect((await cli('sync.start')).code).toBe(0);
    cache.sim.setNow(null);
    expect((await cli('invoicing.updateSettings', JSON.stringify({ settings: DEMO_INVOICING }))).code).toBe(0);
    const bad = await cli('exports.month', JSON.stringify({ month: '2026-13', folder: out }));
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr)).toMatchObject({ error: { code: 'invalid_input' } });
    const month = await cli('exports.month', JSON.stringify({ month: creditMonth, folder: out }));
    expect(month.stderr).toBe('');
    const answer = JSON.parse(month.stdout) as { files: string[]; invoices: number; creditNotes: number };
    expect(answer.creditNotes).toBe(1);
    expect(answer.files).toHaveLength(answer.invoices + answer.creditNotes);
    expect(fs.readdirSync(out)).toHaveLength(answer.files.length);
  }, 90_000);
});
