import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EventName, Result } from '../../shared/contract';
import { startBrowserMode, type BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { fecLines, FEC_HEADER, type FecInvoice } from '../support/lettering-fec';
import { report } from './measure';
import { startSimProcess } from './sim-process';

const LIST = { filter: {}, sort: { column: 'emissiondate', direction: 'desc' }, offset: 0, limit: 100 };
/** Each probe every PACE_MS (or once the previous one is answered): a window refreshing its table, not a flood. */
const PACE_MS = 100;

type Phase = 'pull' | 'build' | 'import' | 'idle';
interface Sample {
  kind: 'list' | 'cancel';
  phase: Phase;
  ms: number;
  ok: boolean;
}

/**
 * Issue 14, item 3: the core answers while a long job runs. The app in browser mode (the core on its threads,
 * as in Electron), the simulated site in its own process. A first client runs the job; a second one, on a
 * thread of its own and over HTTP as a second window would, sends `bills.list` (the table's first page) and,
 * independently, a cancel, each every 100 ms (or once the previous one is answered), and times each answer,
 * counted in the phase it was sent in:
 * - while a first sync of `--bills` bills (100,000 by default) builds its indexes (from the end of the pull to
 *   `sync.finished`), the cancel being `sync.cancel` (it comes after the last page: the run still ends done);
 *   the same probes during the pull, the cancel being `exports.cancel` of an export that does not run (so as
 *   not to stop the sync; the same road to the core);
 * - while a FEC of `FEC_MB` MB (190 by default) is imported, the cancel being `lettering.cancelImport` of
 *   another import (the same road as the import's own cancel, which would stop it).
 * The prober is not on the server's thread, so the same file measures a build where the core shares that
 * thread. Prints medians, 95th percentiles and maxima; passes or fails nothing.
 */
export async function responsiveBench(bills: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-bench-responsive-'));
  const sim = await startSimProcess(['--bills', String(bills)]);
  let app: BrowserMode | null = null;
  try {
    app = await startBrowserMode({ dataDir: path.join(dir, 'data'), autoSync: false });
    const first = client(app);
    const created = await first('profiles.create', { name: 'Bench', url: sim.url, token: sim.token });
    if (!created.ok) throw new Error(`profile not created: ${created.error.message}`);
    const secret = new URL(app.transport.launchUrl).searchParams.get('secret')!;

    // 1. A first sync: the pull, then the index build.
    const syncProber = startProber(app.transport.origin, secret);
    let pulled = false;
    let buildStarted = 0;
    const off = app.core.bus.subscribe((name: EventName, payload) => {
      if (name !== 'sync.progressed') return;
      const phase = (payload as { phase: string }).phase;
      if (phase === 'pull') pulled = true;
      // The pull is over; the run pushes what waits (nothing) and builds the indexes. This message reaches the
      // prober's thread even if this one is held by the build.
      if (pulled && phase === 'push' && !buildStarted) {
        buildStarted = performance.now();
        syncProber.phase('build', { name: 'sync.cancel', input: {} });
      }
    });
    syncProber.phase('pull', { name: 'exports.cancel', input: { exportId: 'not-running' } });
    const syncStarted = performance.now();
    const run = await first('sync.start', {});
    const syncEnded = performance.now();
    off();
    const syncSamples = await syncProber.stop();
    if (!run.ok || (run.value as { outcome: string }).outcome !== 'done') throw new Error(`first sync: ${JSON.stringify(run)}`);
    report(`First sync of ${bills.toLocaleString('en')} bills, probed by a second client every ${PACE_MS} ms`, [
      ['sync seconds (pull + build)', ((syncEnded - syncStarted) / 1000).toFixed(1)],
      ['index build seconds (end of pull to sync.finished)', buildStarted ? ((syncEnded - buildStarted) / 1000).toFixed(1) : 'not seen'],
      ...rows(syncSamples, 'build', 'during the build', 'sync.cancel'),
      ...rows(syncSamples, 'pull', 'during the pull', 'exports.cancel'),
    ]);

    // 2. A year's FEC.
    const megabytes = Number(process.env['FEC_MB'] ?? 190);
    const file = path.join(dir, 'FEC-2026.txt');
    const written = await writeFec(file, megabytes * 1e6);
    const fecProber = startProber(app.transport.origin, secret);
    fecProber.phase('import', { name: 'lettering.cancelImport', input: { importId: 'another-import' } });
    const importStarted = performance.now();
    const answer = await app.core.dispatch('lettering.import', { source: { file }, importId: 'bench-year' }, { transport: 'cli' });
    const importEnded = performance.now();
    const fecSamples = await fecProber.stop();
    if (!answer.ok) throw new Error(`FEC import: ${answer.error.code} ${answer.error.message}`);
    report(`FEC import, ${(written.bytes / 1e6).toFixed(0)} MB (${written.lines.toLocaleString('en')} lines), probed the same way`, [
      ['import seconds', ((importEnded - importStarted) / 1000).toFixed(1)],
      ...rows(fecSamples, 'import', 'during the import', 'lettering.cancelImport'),
    ]);
  } finally {
    await app?.close();
    sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function client(app: BrowserMode): (name: string, input: unknown) => Promise<Result<unknown>> {
  const secret = new URL(app.transport.launchUrl).searchParams.get('secret')!;
  return async (name, input) => {
    const response = await fetch(`${app.transport.origin}/api/invoke/${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as Result<unknown>;
  };
}

/**
 * The second client, on a thread of its own: two loops (the list, the cancel of the current phase) until
 * told to stop; each sample is counted in the phase current when it was sent. A request the server dropped
 * counts its wait, as refused.
 */
const PROBER = `
const { parentPort, workerData } = require('node:worker_threads');
const { origin, secret, list, pace } = workerData;
let phase = 'idle';
let cancel = null;
let running = true;
const samples = [];
parentPort.on('message', (message) => {
  if (message.type === 'phase') ({ phase, cancel } = message);
  else {
    running = false;
    Promise.all(loops).then(() => { parentPort.postMessage(samples); parentPort.close(); });
  }
});
const invoke = (name, input) =>
  fetch(origin + '/api/invoke/' + name, {
    method: 'POST',
    headers: { authorization: 'Bearer ' + secret, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  }).then((response) => response.json());
const loop = async (kind) => {
  while (running) {
    const sentIn = phase;
    const command = kind === 'list' ? { name: 'bills.list', input: list } : cancel;
    if (command) {
      const started = performance.now();
      const ok = await invoke(command.name, command.input).then((answer) => answer.ok === true, () => false);
      samples.push({ kind, phase: sentIn, ms: performance.now() - started, ok });
    }
    await new Promise((resolve) => setTimeout(resolve, pace));
  }
};
const loops = [loop('list'), loop('cancel')];
`;

function startProber(
  origin: string,
  secret: string,
): { phase(phase: Phase, cancel: { name: string; input: unknown }): void; stop(): Promise<Sample[]> } {
  const worker = new Worker(PROBER, { eval: true, workerData: { origin, secret, list: LIST, pace: PACE_MS } });
  return {
    phase: (phase, cancel) => worker.postMessage({ type: 'phase', phase, cancel }),
    stop: () =>
      new Promise<Sample[]>((resolve, reject) => {
        worker.once('message', (samples: Sample[]) => resolve(samples));
        worker.once('error', reject);
        worker.postMessage({ type: 'stop' });
      }),
  };
}

function rows(samples: Sample[], phase: Phase, when: string, cancel: string): [string, string][] {
  const of = (kind: Sample['kind']) => samples.filter((s) => s.phase === phase && s.kind === kind);
  const refused = samples.filter((s) => s.phase === phase && !s.ok).length;
  return [
    [`bills.list ${when}: median / p95 / max ms (n)`, summary(of('list').map((s) => s.ms))],
    [`${cancel} ${when}: median / p95 / max ms (n)`, summary(of('cancel').map((s) => s.ms))],
    ...(refused ? [[`probes refused or dropped ${when}`, String(refused)] as [string, string]] : []),
  ];
}

function summary(values: number[]): string {
  if (values.length === 0) return 'no sample';
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `${at(0.5).toFixed(0)} / ${at(0.95).toFixed(0)} / ${sorted.at(-1)!.toFixed(0)} (${sorted.length})`;
}

/** A FEC of about `bytes`, written as it is generated (sales with their payments), CRLF as Windows software writes. */
async function writeFec(file: string, bytes: number): Promise<{ bytes: number; lines: number }> {
  const out = fs.createWriteStream(file);
  let size = 0;
  let lines = 0;
  let next = 1;
  const write = (text: string) =>
    new Promise<void>((resolve) => {
      size += Buffer.byteLength(text);
      if (out.write(text)) resolve();
      else out.once('drain', resolve);
    });
  await write(FEC_HEADER + '\r\n');
  while (size < bytes) {
    const batch: FecInvoice[] = [];
    for (let i = 0; i < 5000; i++, next++) {
      batch.push({
        reference: `FA-2026-${String(next).padStart(7, '0')}`,
        date: `2026${String(1 + (next % 12)).padStart(2, '0')}${String(1 + (next % 28)).padStart(2, '0')}`,
        customer: `Client ${next % 4999}`,
        account: `411C${String(next % 4999).padStart(5, '0')}`,
        label: `Formation ${next}`,
        amountcents: 10_000 + (next % 90_000),
      });
    }
    // Entry numbers restart with each batch in fecLines: each batch is its own journal.
    const rows = fecLines(batch, { withPayments: true }).map((row) => {
      row[0] = `${row[0]}${next}`;
      return row.join('|');
    });
    lines += rows.length;
    await write(rows.join('\r\n') + '\r\n');
  }
  await new Promise<void>((resolve) => out.end(resolve));
  return { bytes: size, lines };
}
