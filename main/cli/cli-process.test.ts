import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedSite, type SimulatedSite } from '../../test/sim/start-simulated-site';
import { runCli, type CliExit } from '../../test/support/cli-process';
import { DEMO_INVOICING } from '../../test/support/demo-invoicing';
import { fecLines, fecText, type FecInvoice } from '../../test/support/lettering-fec';

/**
 * The exit codes of the long commands, as a nightly script sees them: the real CLI process (what `npm run cli`
 * runs), its exit status, stdout and stderr. Commands of one test run side by side, each a process of its own
 * (a process costs a second or two, compiling the TypeScript).
 */

const SLOW = 120_000;

/** The `{ error }` a failure prints on stderr. */
function errorOf(exit: CliExit): { code: string; message: string } {
  return (JSON.parse(exit.err) as { error: { code: string; message: string } }).error;
}

const temporaryDirs: string[] = [];
function temporaryDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporaryDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The code a failed sync run puts on stderr: its own error code once runs carry one, else sync_<outcome>. */
function expectedSyncCode(run: { outcome: string; errorCode?: unknown }): string {
  return typeof run.errorCode === 'string' ? run.errorCode : `sync_${run.outcome}`;
}

describe('the CLI process, on a site that cannot be reached', () => {
  let dataDir: string;
  let files: string;
  beforeAll(async () => {
    dataDir = temporaryDir('bo-cli-process-');
    files = temporaryDir('bo-cli-files-');
    // Port 9 (discard) is closed on loopback: every call to the site fails at once.
    const profile = { name: 'Closed', url: 'http://127.0.0.1:9', token: '0123456789abcdef0123456789abcdef' };
    // CliExit 0 with the answer; this also makes (and migrates) the cache the tests' processes then open side by side.
    const created = await runCli(dataDir, 'profiles.create', profile);
    expect(created).toMatchObject({ status: 0, err: '' });
    expect(JSON.parse(created.out)).toMatchObject({ name: 'Closed' });
  }, SLOW);

  it(
    'exits 1 with the error on stderr for input that is not JSON or an unknown command, 2 on a wrong command line',
    async () => {
      const [notJson, unknown, wrong] = await Promise.all([
        runCli(dataDir, 'settings.update', '{language:fr}'),
        runCli(dataDir, 'bills.burn'),
        runCli(dataDir, 'settings.get', '{}', 'extra'),
      ]);
      expect(notJson).toMatchObject({ status: 1, out: '' });
      expect(errorOf(notJson).code).toBe('invalid_input');
      // A command the contract lacks is the command's failure (unknown_command), not a malformed line.
      expect(unknown).toMatchObject({ status: 1, out: '' });
      expect(errorOf(unknown).code).toBe('unknown_command');
      expect(wrong).toMatchObject({ status: 2, out: '' });
      expect(wrong.err).toContain('Usage: npm run cli');
    },
    SLOW,
  );

  it(
    'a sync or a rebuild that cannot reach the site exits 1: the run on stdout, its code and reason on stderr',
    async () => {
      // A data folder of its own: the failed rebuild leaves its cache to be filled, which the other tests' exports
      // would meet (they answer cache_filling then, as checked below).
      const own = temporaryDir('bo-cli-process-rebuild-');
      const profile = { name: 'Closed', url: 'http://127.0.0.1:9', token: '0123456789abcdef0123456789abcdef' };
      expect((await runCli(own, 'profiles.create', profile)).status).toBe(0);
      const commands = ['sync.start', 'sync.rebuildCache'];
      const exits = await Promise.all(commands.map((command) => runCli(own, command)));
      for (const [i, exit] of exits.entries()) {
        const command = commands[i];
        expect(exit.status).toBe(1);
        const run = JSON.parse(exit.out) as { outcome: string; trigger: string; errorCode?: unknown };
        expect(run).toMatchObject({ outcome: 'failed', trigger: command === 'sync.start' ? 'manual' : 'rebuild' });
        expect(errorOf(exit)).toEqual({ code: expectedSyncCode(run), message: expect.stringContaining('127.0.0.1:9') });
      }
      // The rebuild emptied the cache and could not fill it: an export of the shop's bills says so.
      const exported = await runCli(own, 'exports.invoicesPdf', { ids: [1], target: { folder: files } });
      expect(exported).toMatchObject({ status: 1, out: '' });
      expect(errorOf(exported).code).toBe('cache_filling');
    },
    SLOW,
  );

  // The commands whose exit 1 the other tests reach through their answers (bulk change, catalog import,
  // lettering import) are not repeated here: one process each is what these tests cost.
  it(
    'every export, import and run that cannot do its work exits 1 with its error code, and writes nothing',
    async () => {
      const garbage = path.join(files, 'garbage.txt');
      fs.writeFileSync(garbage, Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00, 0x00, 0x42, 0x00]));
      const cases: [command: string, input: unknown, code: string][] = [
        ['exports.billsXlsx', { bills: { ids: [1] }, file: path.join(files, 'no-such-folder', 'bills.xlsx') }, 'export_target_invalid'],
        ['exports.invoicesPdf', { ids: [424_242], target: { folder: files } }, 'export_bills_missing'],
        ['catalogs.exportXlsx', { id: 424_242, target: path.join(files, 'catalog.xlsx') }, 'catalog_not_found'],
        ['lettering.import', { source: { file: garbage } }, 'lettering_file_invalid'],
        ['lettering.exportFec', { file: path.join(files, 'lettered.txt') }, 'lettering_no_fec'],
        ['lettering.exportXlsx', { file: 'relative/lettering.xlsx' }, 'export_target_invalid'],
        ['outbox.retry', { seq: 424_242 }, 'outbox_entry_not_found'],
      ];
      const exits = await Promise.all(cases.map(([command, input]) => runCli(dataDir, command, input)));
      exits.forEach((exit, i) => {
        const [command, input, code] = cases[i]!;
        expect({ command, input, status: exit.status, out: exit.out, code: errorOf(exit).code }).toEqual({
          command,
          input,
          status: 1,
          out: '',
          code,
        });
      });
      expect(fs.readdirSync(files)).toEqual(['garbage.txt']);
    },
    SLOW,
  );

  it(
    'a lettering import exits 0 when it imports invoices or finds them all imported before, 1 when the file holds none',
    async () => {
      const invoices: FecInvoice[] = [
        { reference: 'FA-1', date: '20250314', customer: 'Omega', account: 'C1', label: 'Formation', amountcents: 120_000 },
        { reference: 'FA-2', date: '20250315', customer: 'Sigma', account: 'C2', label: 'Formation', amountcents: 36_000 },
      ];
      const sales = path.join(files, 'sales.txt');
      fs.writeFileSync(sales, fecText(invoices));
      // Only the bank journal's entries: payments, which the import leaves aside.
      const bankLines = fecLines(invoices, { withPayments: true }).filter((fields) => fields[0] === 'BQ');
      const payments = path.join(files, 'payments.txt');
      fs.writeFileSync(payments, fecText([]) + bankLines.map((fields) => fields.join('|')).join('\r\n') + '\r\n');

      const [none, first] = await Promise.all([
        runCli(dataDir, 'lettering.import', { source: { file: payments } }),
        runCli(dataDir, 'lettering.import', { source: { file: sales } }),
      ]);
      expect(none.status).toBe(1);
      expect(JSON.parse(none.out)).toMatchObject({ invoices: 0, skipped: 0, lines: bankLines.length });
      expect(errorOf(none)).toEqual({ code: 'lettering_nothing_imported', message: expect.stringContaining(`${bankLines.length} lines`) });

      expect(first).toMatchObject({ status: 0, err: '' });
      expect(JSON.parse(first.out)).toMatchObject({ invoices: invoices.length, skipped: 0 });
      const lettered = path.join(files, 'lettered.txt');
      const workbook = path.join(files, 'lettering.xlsx');
      const [again, fec, xlsx] = await Promise.all([
        // The same FEC again (a month added to it, in real life): nothing new, nothing wrong.
        runCli(dataDir, 'lettering.import', { source: { file: sales } }),
        runCli(dataDir, 'lettering.exportFec', { file: lettered }),
        runCli(dataDir, 'lettering.exportXlsx', { file: workbook }),
      ]);
      expect(again).toMatchObject({ status: 0, err: '' });
      expect(JSON.parse(again.out)).toMatchObject({ invoices: 0, skipped: invoices.length });
      for (const exit of [fec, xlsx]) expect(exit).toMatchObject({ status: 0, err: '' });
      expect(JSON.parse(fec.out)).toMatchObject({ file: lettered });
      expect(fs.existsSync(lettered) && fs.existsSync(workbook)).toBe(true);
    },
    SLOW,
  );
});

describe('the CLI process, on a simulated site', () => {
  let sim: SimulatedSite;
  let dataDir: string;
  let files: string;
  beforeAll(async () => {
    sim = await startSimulatedSite({ demo: { bills: 12 } });
    dataDir = temporaryDir('bo-cli-process-sim-');
    files = temporaryDir('bo-cli-files-sim-');
    expect((await runCli(dataDir, 'profiles.create', { name: 'Demo', url: sim.url, token: sim.adminToken })).status).toBe(0);
    // What the invoices need beyond the shop's settings (docs/invoice-mentions.md).
    expect((await runCli(dataDir, 'invoicing.updateSettings', { settings: DEMO_INVOICING })).status).toBe(0);
  }, SLOW);
  afterAll(async () => {
    await sim?.close();
  });

  it(
    'a sync that completes exits 0, and so do exports and a bulk change that do all their work; a bulk change or a run that cannot exits 1',
    async () => {
      const sync = await runCli(dataDir, 'sync.start');
      expect(sync).toMatchObject({ status: 0, err: '' });
      expect(JSON.parse(sync.out)).toMatchObject({ outcome: 'done', rowsApplied: expect.any(Number) });

      const demo = sim.demo!;
      const billIds = [...demo.bills()].map((b) => b.id);
      const master = demo.catalogs.find((c) => c.groupid === c.id)!;
      const slave = demo.catalogs.find((c) => c.groupid !== c.id)!;
      // Two of the slave's own items: the changes run side by side, and each must find its item as the shop has it.
      const [slaveItem, otherSlaveItem] = demo.catalogItems.filter((i) => i.catalogid === slave.id);
      // A master's item the slave shows as the master's (not overridden by one of its own with the same code).
      const slaveCodes = new Set(demo.catalogItems.filter((i) => i.catalogid === slave.id).map((i) => i.code));
      const masterItem = demo.catalogItems.find((i) => i.catalogid === master.id && !slaveCodes.has(i.code))!;
      const statusChange = (items: { status: string }[]) => ({
        kind: 'status',
        status: ['SUSPENDED', 'ABANDONED', 'AVAILABLE'].find((s) => items.every((i) => i.status !== s)),
      });
      const xlsx = path.join(files, 'bills.xlsx');
      const pdfs = temporaryDir('bo-cli-pdf-');
      const [bills, invoices, applied, masterLeft, production] = await Promise.all([
        runCli(dataDir, 'exports.billsXlsx', { bills: { filter: {} }, file: xlsx }),
        runCli(dataDir, 'exports.invoicesPdf', { ids: billIds.slice(0, 2), target: { folder: pdfs } }),
        runCli(dataDir, 'catalogs.bulkApply', { catalogId: slave.id, ids: [slaveItem!.id], change: statusChange([slaveItem!]) }),
        // A master's item seen from its slave is left as it is: the change is not in force on it.
        runCli(dataDir, 'catalogs.bulkApply', {
          catalogId: slave.id,
          ids: [otherSlaveItem!.id, masterItem.id],
          change: statusChange([otherSlaveItem!, masterItem]),
        }),
        // On the site it was synced from (a handler checks the site first): a line not in the cache.
        runCli(dataDir, 'production.run', { billId: 424_242, billItemId: 1 }),
      ]);
      for (const exit of [bills, invoices, applied]) expect(exit).toMatchObject({ status: 0, err: '' });
      expect(JSON.parse(bills.out)).toMatchObject({ file: xlsx, bills: billIds.length });
      const pdfFiles = (JSON.parse(invoices.out) as { files: string[] }).files;
      expect(pdfFiles).toHaveLength(2);
      expect(pdfFiles.every((f) => fs.existsSync(f))).toBe(true);
      expect(fs.existsSync(xlsx)).toBe(true);
      expect(JSON.parse(applied.out)).toMatchObject({ changed: 1 });

      expect(masterLeft.status).toBe(1);
      expect(masterLeft.out, masterLeft.err).not.toBe('');
      expect(JSON.parse(masterLeft.out)).toMatchObject({
        rows: expect.arrayContaining([expect.objectContaining({ id: masterItem.id, skipped: 'master' })]),
      });
      expect(errorOf(masterLeft)).toEqual({ code: 'catalog_not_editable', message: expect.stringContaining(masterItem.code) });
      expect(production).toMatchObject({ status: 1, out: '' });
      expect(errorOf(production).code).toBe('bill_not_found');
    },
    SLOW,
  );

  it(
    'a catalog exported exits 0; applied back, 0 when every row is read, 1 when a row cannot be (even with nothing else to change)',
    async () => {
      const master = sim.demo!.catalogs.find((c) => c.groupid === c.id)!;
      const catalog = path.join(files, 'master.xlsx');
      const exported = await runCli(dataDir, 'catalogs.exportXlsx', { id: master.id, target: catalog });
      expect(exported).toMatchObject({ status: 0, err: '' });
      expect(JSON.parse(exported.out)).toMatchObject({
        path: catalog,
        items: sim.demo!.catalogItems.filter((i) => i.catalogid === master.id).length,
      });
      // The same file with its first item's row twice: no change, one row that cannot be imported.
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(catalog);
      const items = book.getWorksheet('Items')!;
      items.addRow(items.getRow(2).values);
      const doubled = path.join(files, 'master-doubled.xlsx');
      await book.xlsx.writeFile(doubled);

      const [same, broken] = await Promise.all([
        runCli(dataDir, 'catalogs.importXlsx', { id: master.id, source: catalog, apply: true }),
        runCli(dataDir, 'catalogs.importXlsx', { id: master.id, source: doubled, apply: true }),
      ]);
      expect(same).toMatchObject({ status: 0, err: '' });
      expect(JSON.parse(same.out)).toMatchObject({ changes: [], issues: [] });
      expect(broken.status).toBe(1);
      expect(JSON.parse(broken.out)).toMatchObject({ changes: [], issues: [expect.objectContaining({ code: 'codeTaken' })] });
      expect(errorOf(broken).code).toBe('catalog_import_invalid');
    },
    SLOW,
  );
});

describe('the CLI process, on a site that is not what the profile needs', () => {
  let bare: SimulatedSite;
  let other: SimulatedSite;
  beforeAll(async () => {
    [bare, other] = await Promise.all([
      startSimulatedSite({ withoutComponents: ['local_shopbackoffice'] }),
      startSimulatedSite({ demo: { bills: 3, seed: 5 }, randomSeed: 5 }),
    ]);
  }, SLOW);
  afterAll(async () => {
    await Promise.all([bare?.close(), other?.close()]);
  });

  it(
    'a site without the shop plugin: the connection test says so, and sync.start exits 1 naming the plugin',
    async () => {
      const dataDir = temporaryDir('bo-cli-bare-');
      expect((await runCli(dataDir, 'profiles.create', { name: 'Bare', url: bare.url, token: bare.adminToken })).status).toBe(0);
      const test = await runCli(dataDir, 'profiles.testConnection', { url: bare.url, token: bare.adminToken });
      expect(test.status).toBe(0);
      expect((JSON.parse(test.out) as { shopPlugin: { state: string } }).shopPlugin.state).toBe('notInstalled');
      const sync = await runCli(dataDir, 'sync.start');
      expect(sync.status).toBe(1);
      expect(errorOf(sync)).toMatchObject({
        code: 'moodle_function_not_installed',
        message: expect.stringMatching(/plugin local_shopbackoffice is not installed/),
      });
    },
    SLOW,
  );

  it(
    'a profile switched to another site: sync.start exits 1 with site_changed until a new cache is started',
    async () => {
      const dataDir = temporaryDir('bo-cli-switch-');
      const created = await runCli(dataDir, 'profiles.create', { name: 'Shop', url: other.url, token: other.adminToken });
      const id = (JSON.parse(created.out) as { id: string }).id;
      expect((await runCli(dataDir, 'sync.start')).status).toBe(0);
      // Another shop behind the profile: the same simulated server cannot change its identifier, so a second one.
      const third = await startSimulatedSite({ demo: { bills: 2, seed: 6 }, randomSeed: 6 });
      try {
        expect((await runCli(dataDir, 'profiles.update', { id, url: third.url, token: third.adminToken })).status).toBe(0);
        const refused = await runCli(dataDir, 'sync.start');
        expect(refused.status).toBe(1);
        expect(errorOf(refused).code).toBe('site_changed');
        expect((await runCli(dataDir, 'profiles.startNewCache', { id })).status).toBe(0);
        expect((await runCli(dataDir, 'sync.start')).status).toBe(0);
      } finally {
        await third.close();
      }
    },
    SLOW,
  );
});
