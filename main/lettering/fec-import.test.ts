import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError, type EventPayload } from '../../shared/contract';
import { fecText, type FecInvoice } from '../../test/support/lettering-fec';
import { createDispatch } from '../core/dispatch';
import { EventBus } from '../core/event-bus';
import { silentLogger } from '../core/logger';
import type { CoreServices } from '../core/services';
import { openDatabase, type Db } from '../db/open';
import type { ImportControl } from './fec-import';
import { letteringCommands } from './commands';
import { importInvoices } from './invoice-import';

const WHO = 'tester (internal)';
let dir: string;
let db: Db;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-fec-import-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  db = openDatabase(path.join(dir, `cache-${Math.random().toString(36).slice(2)}.sqlite`));
});
afterEach(() => db.close());

/** `n` invoices of 50 customers whose names have characters outside ASCII. */
const invoices = (n: number): FecInvoice[] =>
  Array.from({ length: n }, (_, k) => ({
    reference: `FA-2025-${String(k + 1).padStart(5, '0')}`,
    date: `202503${String((k % 28) + 1).padStart(2, '0')}`,
    customer: `Société n°${k % 50} – Hélène Dupré`,
    account: `C${String(k % 50).padStart(4, '0')}`,
    label: `Stage ${k} : cœur de métier`,
    amountcents: 1000 + k * 7,
  }));

const write = (name: string, bytes: string | Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const tempTables = () => db.prepare("SELECT count(*) FROM sqlite_temp_master WHERE type = 'table'").pluck().get() as number;
const refusal = async (work: Promise<unknown>): Promise<AppError> => {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('a FEC imported as a stream', () => {
  it('imports a file read in chunks of 61 bytes (characters cut between chunks) as the same file read in big ones', async () => {
    const text = fecText(invoices(120), { withPayments: true });
    const file = write('fec-small-chunks.txt', text);
    const result = await importInvoices(db, { source: { file } }, WHO, { chunkBytes: 61 });
    expect(result).toMatchObject({ format: 'fec', encoding: 'utf-8', invoices: 120, skipped: 0, lines: 600 });
    const stored = db.prepare('SELECT reference, customer, label, amountcents FROM lettering_invoice ORDER BY id').all();
    const lines = db.prepare('SELECT line, fields, invoice_id IS NOT NULL AS linked FROM lettering_fec_line ORDER BY line').all();

    const other = openDatabase(':memory:');
    try {
      await importInvoices(other, { source: { file } }, WHO, { chunkBytes: 1 << 20 });
      expect(other.prepare('SELECT reference, customer, label, amountcents FROM lettering_invoice ORDER BY id').all()).toEqual(stored);
      expect(other.prepare('SELECT line, fields, invoice_id IS NOT NULL AS linked FROM lettering_fec_line ORDER BY line').all()).toEqual(
        lines,
      );
    } finally {
      other.close();
    }
    expect(stored[0]).toEqual({
      reference: 'FA-2025-00001',
      customer: 'Société n°0 – Hélène Dupré',
      label: 'Stage 0 : cœur de métier',
      amountcents: 1000,
    });
    // The sales' customer lines point to their invoice; the bank entries' lines to none.
    expect(lines.filter((l) => (l as { linked: number }).linked === 1)).toHaveLength(120);
    expect(tempTables()).toBe(0);
  }, 30_000);

  it('reports progress: the file checked, then read up to its last byte, then saved', async () => {
    const file = write('fec-progress.txt', fecText(invoices(200), { withPayments: true }));
    const size = fs.statSync(file).size;
    const seen: [string, number, number | null][] = [];
    await importInvoices(db, { source: { file } }, WHO, {
      chunkBytes: 4096,
      progress: (phase, done, total) => seen.push([phase, done, total]),
    });
    const phases = seen.map(([phase]) => phase).filter((phase, k, all) => phase !== all[k - 1]);
    expect(phases).toEqual(['checking', 'reading', 'saving']);
    for (const phase of ['checking', 'reading'] as const) {
      const done = seen.filter(([p]) => p === phase).map(([, d]) => d);
      expect(done.length).toBeGreaterThan(10);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(done.at(-1)).toBe(size);
      expect(seen.filter(([p]) => p === phase).every(([, , total]) => total === size)).toBe(true);
    }
    expect(seen.at(-1)).toEqual(['saving', 1000, 1000]);
  });

  it('lets other work run between chunks: the event loop is not held for the whole file', async () => {
    const file = write('fec-responsive.txt', fecText(invoices(3000), { withPayments: true }));
    let turns = 0;
    let running = true;
    const spin = () => {
      turns += 1;
      if (running) setImmediate(spin);
    };
    setImmediate(spin);
    const started = turns;
    await importInvoices(db, { source: { file } }, WHO, { chunkBytes: 32 * 1024 });
    running = false;
    // About 1 MB read twice in 32 KiB chunks: the loop turned at least once per chunk.
    expect(turns - started).toBeGreaterThan(fs.statSync(file).size / (32 * 1024));
  }, 30_000);

  it('stops on cancel between chunks: nothing imported, nothing staged left behind', async () => {
    const file = write('fec-cancel.txt', fecText(invoices(2000), { withPayments: true }));
    const controller = new AbortController();
    const control: ImportControl = {
      chunkBytes: 16 * 1024,
      signal: controller.signal,
      progress: (phase, done) => {
        if (phase === 'reading' && done > 100_000) controller.abort();
      },
    };
    const error = await refusal(importInvoices(db, { source: { file } }, WHO, control));
    expect(error.code).toBe('lettering_import_cancelled');
    expect([count('lettering_import'), count('lettering_invoice'), count('lettering_fec_line'), tempTables()]).toEqual([0, 0, 0, 0]);
  });

  it('imports nothing when only the last line is wrong, and says how many lines to correct, not how many problems', async () => {
    const lines = fecText(invoices(500), { withPayments: true }).split('\r\n');
    const last = lines.length - 2;
    lines[last] = lines[last]!.replace(/\|(\d+,\d\d)\|/, '|12.34.5|');
    // Lines 2 to 9: three bad dates each (EcritureDate, PieceDate, ValidDate).
    for (let k = 1; k <= 8; k += 1) lines[k] = lines[k]!.replace(/\|(202503\d\d)\|/g, '|2025-03-01|');
    const error = await refusal(importInvoices(db, { source: { file: write('fec-bad.txt', lines.join('\r\n')) } }, WHO));
    expect(error.code).toBe('lettering_file_invalid');
    expect(error.message).toMatch(/^fec-bad\.txt: 9 lines are wrong, so nothing was imported\. Line 2: EcritureDate/);
    expect(error.details).toMatchObject({ total: 25, lines: 9 });
    expect((error.details?.['problems'] as { line: number }[]).at(-1)!.line).toBe(last + 1);
    expect([count('lettering_import'), count('lettering_invoice'), count('lettering_fec_line'), tempTables()]).toEqual([0, 0, 0, 0]);
  });

  it('stores a Windows-1252 FEC as written: the names in the app and in the lines the FEC goes back with', async () => {
    const customer = 'L’Atelier d’Anglais – Formation €uro';
    const text = fecText([{ ...invoices(1)[0]!, customer, label: 'Œuvres – 1 250 €' }], { separator: '\t' });
    const file = write('fec-1252.txt', new Uint8Array(iconv.encode(text, 'windows-1252')));
    expect(await importInvoices(db, { source: { file } }, WHO)).toMatchObject({ encoding: 'windows-1252', invoices: 1 });
    expect(db.prepare('SELECT customer, label FROM lettering_invoice').get()).toEqual({ customer, label: 'Œuvres – 1 250 €' });
    const fields = db.prepare('SELECT fields FROM lettering_fec_line ORDER BY line LIMIT 1').pluck().get() as string;
    expect(JSON.parse(fields)).toContain(customer);
    expect(db.prepare('SELECT encoding, separator FROM lettering_import').get()).toEqual({ encoding: 'windows-1252', separator: '\t' });
  });

  it('links to its invoice only the sale’s customer line, also when a payment’s customer line comes before its bank line', async () => {
    const lines = fecText(invoices(30), { withPayments: true }).split('\r\n');
    // Each payment is written 411 first, then 512 (the generator writes 512 first).
    for (let k = 4; k < lines.length; k += 5) [lines[k], lines[k + 1]] = [lines[k + 1]!, lines[k]!];
    const result = await importInvoices(db, { source: { file: write('fec-411-first.txt', lines.join('\r\n')) } }, WHO);
    expect(result).toMatchObject({ invoices: 30, lines: 150 });
    const linked = db.prepare('SELECT l.line, l.fields FROM lettering_fec_line l WHERE l.invoice_id IS NOT NULL ORDER BY l.line').all() as {
      line: number;
      fields: string;
    }[];
    expect(linked.map((l) => l.line)).toEqual(Array.from({ length: 30 }, (_, k) => 2 + 5 * k));
    expect(linked.every((l) => (JSON.parse(l.fields) as string[])[0] === 'VT')).toBe(true);
    expect(db.prepare('SELECT sum(amountcents) FROM lettering_invoice').pluck().get()).toBe(
      invoices(30).reduce((sum, i) => sum + i.amountcents, 0),
    );
  });

  it('imports a file with CR-only line ends and one with quoted fields as the plain file', async () => {
    const plain = fecText(invoices(20), { withPayments: true });
    const quoted = plain
      .split('\r\n')
      .map((line) =>
        line
          ? line
              .split('|')
              .map((f) => `"${f}"`)
              .join('|')
          : line,
      )
      .join('\r\n');
    const results = [];
    for (const [name, text] of [
      ['plain.txt', plain],
      ['mac.txt', plain.replace(/\r\n/g, '\r')],
      ['quoted.csv', quoted],
    ] as const) {
      const other = openDatabase(':memory:');
      try {
        const result = await importInvoices(other, { source: { file: write(name, text) } }, WHO);
        results.push([
          result.format,
          result.invoices,
          result.lines,
          other.prepare('SELECT fields FROM lettering_fec_line ORDER BY line').pluck().all(),
        ]);
      } finally {
        other.close();
      }
    }
    expect(results[0]!.slice(0, 3)).toEqual(['fec', 20, 100]);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });
});

describe('lettering.import and lettering.cancelImport, as a window or a script sends them', () => {
  it('sends lettering.progressed events, and a cancel sent meanwhile is answered and stops the import', async () => {
    const bus = new EventBus();
    const services = {
      bus,
      logger: silentLogger,
      activeSite: () => ({ db }),
      uploads: { discard: () => {} },
    } as unknown as CoreServices;
    const dispatch = createDispatch(letteringCommands(services) as never, silentLogger);
    const invoke = (name: string, input: unknown) => dispatch(name, input, { transport: 'cli' });
    const file = write('fec-dispatch.txt', fecText(invoices(3000), { withPayments: true }));
    const seen: EventPayload<'lettering.progressed'>[] = [];
    const answers: Promise<unknown>[] = [];
    const unsubscribe = bus.subscribe((name, payload) => {
      if (name !== 'lettering.progressed') return;
      seen.push(payload as EventPayload<'lettering.progressed'>);
      if ((payload as EventPayload<'lettering.progressed'>).phase === 'reading' && answers.length === 0)
        answers.push(invoke('lettering.cancelImport', { importId: 'nightly-import-1' }));
    });
    const result = await invoke('lettering.import', { source: { file }, importId: 'nightly-import-1' });
    unsubscribe();
    expect(result).toMatchObject({ ok: false, error: { code: 'lettering_import_cancelled' } });
    expect(await Promise.all(answers)).toEqual([{ ok: true, value: { cancelled: true } }]);
    expect(seen[0]).toMatchObject({ importId: 'nightly-import-1', phase: 'checking', total: fs.statSync(file).size });
    expect(count('lettering_invoice')).toBe(0);
    expect(await invoke('lettering.cancelImport', { importId: 'nightly-import-1' })).toEqual({ ok: true, value: { cancelled: false } });

    // The same file, not cancelled, under an id the core makes up.
    const imported = await invoke('lettering.import', { source: { file } });
    expect(imported).toMatchObject({ ok: true, value: { format: 'fec', invoices: 3000, lines: 15000 } });
  }, 30_000);
});
