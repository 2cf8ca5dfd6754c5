import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../main/core/create-core';
import { silentLogger } from '../../main/core/logger';

/**
 * A data folder whose one site profile holds the synthetic cache of `bills` bills (measure-queries.ts: two years
 * of bills to 1 January 2026), the app's own way: the profile made by the core, the cache copied in as its file.
 * The synthetic cache is filled once and kept in the temp folder (`bills-<n>.sqlite`), for the benches that share it.
 */
export async function syntheticBillsProfile(bills: number, prefix: string): Promise<{ dataDir: string; cacheFile: string }> {
  const source = path.join(os.tmpdir(), `bills-${bills}.sqlite`);
  if (!fs.existsSync(source)) {
    console.log(`Filling ${source} (once)…`);
    const filled = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.resolve(import.meta.dirname, 'measure-queries.ts'), '--bills', String(bills), '--file', source],
      { stdio: 'inherit' },
    );
    if (filled.status !== 0) throw new Error(`measure-queries.ts could not fill ${source}`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const setup = createCore({ dataDir, mode: 'cli', version: 'bench', logger: silentLogger });
  const created = await setup.dispatch(
    'profiles.create',
    { name: 'Bench', url: 'http://127.0.0.1:9', token: 'benchtoken0123456789' },
    { transport: 'internal' },
  );
  setup.close();
  if (!created.ok) throw new Error(created.error.message);
  const cacheFile = path.join(dataDir, 'profiles', (created.value as { id: string }).id, 'cache.sqlite');
  fs.copyFileSync(source, cacheFile);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${cacheFile}${suffix}`, { force: true });
  return { dataDir, cacheFile };
}
