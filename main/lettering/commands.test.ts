import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fecText } from '../../test/support/lettering-fec';
import { invoiceFor, letterableBills } from '../../test/support/lettering-from-cache';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import { runCli } from '../cli/cli';

let cache: SyncedCache;
let dataDir: string;
let out: string;

beforeAll(async () => {
  cache = await syncedCache({ bills: 300 });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-lettering-cli-'));
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-lettering-cli-out-'));
}, 60_000);
afterAll(async () => {
  await cache.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
});

const cli = async (...argv: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
};

describe('lettering from the command line', () => {
  it('imports a FEC by path, refuses a malformed one whole, accepts the exact suggestions and writes the FEC back', async () => {
    expect((await cli('profiles.create', JSON.stringify({ name: 'Shop', url: cache.sim.url, token: cache.sim.adminToken }))).code).toBe(0);
    expect((await cli('sync.start')).code).toBe(0);
    // The CLI's cache is synced from the same shop as this test's: the same bills.
    const bills = letterableBills(cache.db, 3);
    const text = fecText(
      bills.map((b, k) => invoiceFor(b, `FA-CLI-${k + 1}`)),
      { withPayments: true },
    );

    // ISO-8859-1 bytes with a line of 17 columns and a bad amount: refused, exit code 1, the lines named.
    const lines = text.split('\r\n');
    lines[1] = lines[1]!.replace(/\|0,00\|\|/, '|0,00|');
    lines[2] = lines[2]!.replace(/\|0,00\|(\d+),(\d\d)\|/, '|0,00|$1;$2|');
    const bad = path.join(out, 'bad-fec.txt');
    fs.writeFileSync(bad, Buffer.from(lines.join('\r\n'), 'latin1'));
    const refused = await cli('lettering.import', JSON.stringify({ source: { file: bad } }));
    expect(refused.code).toBe(1);
    const error = JSON.parse(refused.stderr) as { error: { code: string; details: { problems: { line: number; code: string }[] } } };
    expect(error.error.code).toBe('lettering_file_invalid');
    expect(error.error.details.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'columns'],
      [3, 'amount'],
    ]);
    expect(JSON.parse((await cli('lettering.overview')).stdout).invoices).toEqual([]);

    const good = path.join(out, 'fec.txt');
    fs.writeFileSync(good, text);
    const imported = await cli('lettering.import', JSON.stringify({ source: { file: good } }));
    expect(JSON.parse(imported.stdout)).toMatchObject({ format: 'fec', invoices: 3, skipped: 0 });
    const accepted = await cli('lettering.acceptExact');
    expect(JSON.parse(accepted.stdout)).toEqual({ accepted: 3, bills: 3, creditNotes: 0 });

    const back = path.join(out, 'FEC-lettered.txt');
    const exported = await cli('lettering.exportFec', JSON.stringify({ file: back }));
    expect(JSON.parse(exported.stdout)).toMatchObject({ file: back, lettered: 3 });
    const log = JSON.parse((await cli('lettering.log')).stdout) as { action: string; who: string }[];
    expect(log.map((l) => l.action)).toEqual(['close', 'match', 'close', 'match', 'close', 'match', 'import']);
    expect(log[0]!.who).toContain('(cli)');
  });

  it('matches an invoice issued before the payment, and a sync that brings the bill paid queues its lettering for the next', async () => {
    // The first test made the profile and synced. An order of the shop, invoiced before it is paid.
    const [bill] = letterableBills(cache.db, 8).slice(7);
    cache.sim.shop.touch('bills', bill!.id, { status: 'PENDING', paidcents: 0 });
    let clock = (cache.sim.shop.read('bills', bill!.id) as { timemodified: number }).timemodified + 70;
    cache.sim.setNow(clock);
    expect((await cli('sync.start')).code).toBe(0);
    const fec = path.join(out, 'fec-before-payment.txt');
    fs.writeFileSync(fec, fecText([invoiceFor(bill!, 'FA-CLI-WAIT', { withTransaction: false })]));
    expect((await cli('lettering.import', JSON.stringify({ source: { file: fec } }))).code).toBe(0);
    expect(JSON.parse((await cli('lettering.acceptExact')).stdout)).toEqual({ accepted: 1, bills: 1, creditNotes: 0 });
    const match = async () =>
      (JSON.parse((await cli('lettering.matches', JSON.stringify({ search: 'FA-CLI-WAIT' }))).stdout) as { matches: unknown[] }).matches[0];
    expect(await match()).toMatchObject({ state: 'open', balanceCents: 0, pushed: 'awaitingPayment' });
    expect(JSON.parse((await cli('lettering.overview')).stdout)).toMatchObject({ awaitingPaymentCount: 1 });

    // Still unpaid after a sync: nothing sent.
    expect((await cli('sync.start')).code).toBe(0);
    expect(cache.sim.shop.read('bills', bill!.id)?.idnumber).toBe('');
    // Paid on the site: the sync that brings it paid queues the lettering, the next one sends it.
    cache.sim.shop.touch('bills', bill!.id, { status: 'SOLDOUT', paidcents: bill!.amountcents });
    clock += 70;
    cache.sim.setNow(clock);
    expect((await cli('sync.start')).code).toBe(0);
    expect(await match()).toMatchObject({ state: 'closed', pushed: 'pending' });
    expect((await cli('sync.start')).code).toBe(0);
    expect(cache.sim.shop.read('bills', bill!.id)?.idnumber).toBe('FA-CLI-WAIT');
    expect(await match()).toMatchObject({ state: 'closed', pushed: 'done' });
    const log = JSON.parse((await cli('lettering.log', JSON.stringify({ limit: 2 }))).stdout) as { action: string; detail: string }[];
    expect(log[0]).toMatchObject({ action: 'close', detail: 'balanced to the cent; lettering FA-CLI-WAIT' });
  });
});
