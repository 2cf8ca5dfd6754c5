import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { tableHashes } from '../support/cache-hash';
import { runSyncChild } from '../support/run-sync-child';
import { startSimulatedSite, type SimulatedSite } from '../sim/start-simulated-site';

/**
 * Crash safety of the pull: a sync in a child process is killed with SIGKILL at 20 moments, each time in the
 * middle of its work, and resumed. The cache must end equal, table by table, to an uninterrupted sync's,
 * with SQLite's integrity check clean.
 */
let sim: SimulatedSite;
let dir: string;

beforeAll(async () => {
  sim = await startSimulatedSite({ demo: { bills: 3000 } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-crash-'));
});
afterAll(async () => {
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const runChild = (file: string, killAfterMs?: number) =>
  runSyncChild({ mode: 'pull', url: sim.url, token: sim.adminToken, file, pageSize: 40 }, killAfterMs);

/** A small deterministic generator, so a failing sequence of kill moments can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a sync killed at random moments', () => {
  it('resumes to a cache equal to an uninterrupted sync, 20 kills later', async () => {
    const reference = path.join(dir, 'reference.sqlite');
    const started = performance.now();
    expect((await runChild(reference)).code).toBe(0);
    // Kill moments are spread over an uninterrupted run's own duration (process start included), so they land
    // mid-sync on a fast machine and on a loaded CI runner alike.
    const duration = performance.now() - started;
    const expected = tableHashes(openDatabase(reference));

    const file = path.join(dir, 'killed.sqlite');
    const random = prng(20261122);
    const committed: number[] = [];
    let kills = 0;
    let attempts = 0;
    while (kills < 20) {
      attempts += 1;
      if (attempts > 80) throw new Error(`only ${kills} kills landed in 80 attempts`);
      const outcome = await runChild(file, Math.floor(duration * (0.2 + random() * 0.75)));
      if (outcome.signal !== 'SIGKILL') {
        // The run finished before the kill: start again from an empty cache so that kills land mid-sync.
        expect(outcome.code, outcome.stderr).toBe(0);
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
        continue;
      }
      kills += 1;
      if (fs.existsSync(file)) {
        const db = openDatabase(file);
        committed.push(db.prepare('SELECT coalesce(sum(rows_applied), 0) FROM sync_cursor').pluck().get() as number);
        db.close();
      }
    }
    const finished = await runChild(file);
    expect(finished.code, finished.stderr).toBe(0);
    const db = openDatabase(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(tableHashes(db)).toEqual(expected);
    // The kills landed at different points of the work, not all before the first page.
    expect(new Set(committed).size).toBeGreaterThan(5);
    db.close();
  }, 240_000);
});
