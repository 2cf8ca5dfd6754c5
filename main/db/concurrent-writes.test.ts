import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open';

/**
 * Several processes writing one cache at once (the app and a nightly CLI run, two scripts): with deferred
 * transactions, a read-then-write transaction failed at once with SQLITE_BUSY_SNAPSHOT (2 processes in 4 on
 * this machine), and a CLI command exited 1 with an internal error under load.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-concurrent-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writer(file: string, who: string, count: number): Promise<{ status: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/concurrent-writer.ts', file, who, String(count)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, out }));
  });
}

describe('writes from several processes at once', () => {
  it('all commit, each waiting its turn', async () => {
    const file = path.join(dir, 'cache.sqlite');
    openDatabase(file).close();
    const exits = await Promise.all(['a', 'b', 'c', 'd'].map((who) => writer(file, who, 300)));
    expect(exits.map((e) => `${e.status} ${e.out.trim()}`)).toEqual(['0 300', '0 300', '0 300', '0 300']);
    const db = openDatabase(file);
    try {
      expect(db.prepare("SELECT count(*) FROM site_meta WHERE key LIKE 'probe-%'").pluck().get()).toBe(1200);
    } finally {
      db.close();
    }
  }, 120_000);
});
