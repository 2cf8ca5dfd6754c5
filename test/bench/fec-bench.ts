import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventPayload } from '../../shared/contract';
import { createDispatch } from '../../main/core/dispatch';
import { EventBus } from '../../main/core/event-bus';
import { silentLogger } from '../../main/core/logger';
import type { CoreServices } from '../../main/core/services';
import { openDatabase } from '../../main/db/open';
import { letteringCommands } from '../../main/lettering/commands';
import { execFileSync } from 'node:child_process';
import { report } from './measure';

/** What issue 14 measured before the FEC was read as a stream (same machine, 190 MB, 1.5 million lines). */
const BEFORE = { seconds: 13.7, peakMiB: 1.9 * 1024 };

/**
 * Issue 14, item 4: a year's FEC (190 MB by default; `FEC_MB=50 npm run bench -- fec` for another size)
 * written to a temporary file as it is generated, then imported through `lettering.import` as the CLI sends
 * it, into a cache file. Prints the seconds, the peak RSS (sampled every 20 ms, and the process's high-water
 * mark), the longest the event loop went without a turn (a 10 ms timer as probe) while the file is read and
 * while it is saved, the time another command (`lettering.log`, a read of the cache) took to be answered
 * during the import, and how soon a cancel stops a second import. Prints figures; passes or fails nothing.
 */
export async function fecBench(): Promise<void> {
  const megabytes = Number(process.env['FEC_MB'] ?? 190);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-bench-fec-'));
  try {
    const file = path.join(dir, 'FEC-2025.txt');
    const generatedAt = performance.now();
    // Written by another process, so that the generator's memory does not count in this one's peak.
    const generated = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'fec-write.ts'), file, String(megabytes * 1e6)], {
        encoding: 'utf8',
      }),
    ) as { bytes: number; lines: number; invoices: number };
    report('Generated FEC (streamed to a temporary file by a child process)', [
      ['size', `${(generated.bytes / 1e6).toFixed(0)} MB`],
      ['lines / invoices', `${generated.lines.toLocaleString('en')} / ${generated.invoices.toLocaleString('en')}`],
      ['written in', `${((performance.now() - generatedAt) / 1000).toFixed(1)} s`],
    ]);

    const db = openDatabase(path.join(dir, 'cache.sqlite'));
    const bus = new EventBus();
    const services = { bus, logger: silentLogger, activeSite: () => ({ db }), uploads: { discard: () => {} } } as unknown as CoreServices;
    const dispatch = createDispatch(letteringCommands(services) as never, silentLogger);
    const invoke = (name: string, input: unknown) => dispatch(name, input, { transport: 'cli' });

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const phases: { phase: string; at: number; cpu: NodeJS.CpuUsage }[] = [];
    bus.subscribe((name, payload) => {
      if (name !== 'lettering.progressed') return;
      const phase = (payload as EventPayload<'lettering.progressed'>).phase;
      if (phases.at(-1)?.phase !== phase) phases.push({ phase, at: performance.now(), cpu: process.cpuUsage() });
    });
    // The probe: a 10 ms timer; a late tick is time the event loop was held.
    const gaps: { at: number; ms: number }[] = [];
    let lastTick = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      gaps.push({ at: now, ms: now - lastTick - 10 });
      lastTick = now;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 10);
    // A second caller: every 100 ms, a read of the cache, timed from send to answer.
    const answers: number[] = [];
    let importing = true;
    const ask = async () => {
      while (importing) {
        const sent = performance.now();
        await invoke('lettering.log', { limit: 20 });
        answers.push(performance.now() - sent);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const asking = ask();

    const loadBefore = os.loadavg()[0]!.toFixed(1);
    const started = performance.now();
    const result = await invoke('lettering.import', { source: { file }, importId: 'bench-import' });
    const seconds = (performance.now() - started) / 1000;
    const cpuEnd = process.cpuUsage();
    importing = false;
    await asking;
    clearInterval(probe);
    if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.error).slice(0, 500)}`);
    const value = result.value as { invoices: number; lines: number; encoding: string };

    const savingAt = phases.find((p) => p.phase === 'saving')?.at ?? Infinity;
    // A stall is counted where it ends: the one that ends after the save began is the save's.
    const worst = (from: number, to: number) => Math.max(0, ...gaps.filter((g) => g.at > from && g.at <= to).map((g) => g.ms));
    const sorted = [...answers].sort((a, b) => a - b);
    const cpuSeconds = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) => (to.user - from.user + to.system - from.system) / 1e6;
    const phaseSeconds = phases.map(
      (p, k) =>
        `${p.phase} ${(((phases[k + 1]?.at ?? started + seconds * 1000) - p.at) / 1000).toFixed(1)} s (CPU ${cpuSeconds(p.cpu, phases[k + 1]?.cpu ?? cpuEnd).toFixed(1)} s)`,
    );
    report(`Import through lettering.import (${value.encoding}), beside issue 14's figures before streaming`, [
      ['invoices / lines imported', `${value.invoices.toLocaleString('en')} / ${value.lines.toLocaleString('en')}`],
      ['seconds', `${seconds.toFixed(1)} (before: ${BEFORE.seconds})`],
      ['  by phase (this process’s CPU time)', phaseSeconds.join(', ')],
      ['load average before / after (other work on the machine)', `${loadBefore} / ${os.loadavg()[0]!.toFixed(1)}`],
      [
        'peak RSS, sampled (process before the import)',
        `${mib(peakRss)} MiB (${mib(rssBefore)} MiB) — goal under 300, before: ${BEFORE.peakMiB.toFixed(0)}`,
      ],
      ['peak RSS, process high-water mark', `${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`],
      ['longest event-loop stall while checked and read', `${worst(started, savingAt).toFixed(0)} ms`],
      ['longest event-loop stall while saved (one transaction)', `${worst(savingAt, Infinity).toFixed(0)} ms`],
      [
        'lettering.log answered during the import: median / p95 / max',
        `${pct(sorted, 0.5)} / ${pct(sorted, 0.95)} / ${pct(sorted, 1)} ms (${sorted.length} calls)`,
      ],
    ]);

    // A cancel: a second import of the same file, cancelled halfway through its reading.
    let cancelledAt = 0;
    const unsubscribe = bus.subscribe((name, payload) => {
      const p = payload as EventPayload<'lettering.progressed'>;
      if (name !== 'lettering.progressed' || cancelledAt || p.phase !== 'reading' || p.done < generated.bytes / 2) return;
      cancelledAt = performance.now();
      void invoke('lettering.cancelImport', { importId: 'bench-cancel' });
    });
    const cancelled = await invoke('lettering.import', { source: { file }, importId: 'bench-cancel' });
    unsubscribe();
    report('A second import, cancelled halfway through', [
      ['answer', cancelled.ok ? 'imported (not cancelled?)' : cancelled.error.code],
      ['from the cancel to the answer', `${(performance.now() - cancelledAt).toFixed(0)} ms`],
    ]);
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function mib(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

function pct(sorted: number[], q: number): string {
  if (sorted.length === 0) return '-';
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))]!.toFixed(0);
}
