/**
 * A sync (or an outbox push) in its own process, so that a test can kill it with SIGKILL at any moment, as a
 * crash or a power cut would. Usage:
 *   node --import tsx test/support/sync-child.ts <pull|push> <site url> <token> <cache file> [page size]
 * Exit 0 when the work is done, 1 when it failed (the reason on stderr).
 */
import { EventBus } from '../../main/core/event-bus';
import { silentLogger } from '../../main/core/logger';
import { openDatabase } from '../../main/db/open';
import { createMoodleClient } from '../../main/moodle/rest-client';
import { ShopApi } from '../../main/shop-api/shop-client';
import { pushOutbox } from '../../main/sync/push';
import { SyncEngine } from '../../main/sync/sync-engine';

const [mode, url, token, file, pageSize] = process.argv.slice(2);
if (!mode || !url || !token || !file) throw new Error('usage: sync-child.ts <pull|push> <url> <token> <file> [page size]');
const db = openDatabase(file);
const api = new ShopApi(createMoodleClient({ url, token, logger: silentLogger }));

async function main(): Promise<number> {
  if (mode === 'push') {
    const result = await pushOutbox(db, api);
    if (result.stoppedBy) throw result.stoppedBy;
    return 0;
  }
  const run = await new SyncEngine({
    db,
    api: () => api,
    bus: new EventBus(),
    logger: silentLogger,
    pageSize: Number(pageSize ?? 50),
  }).start('manual');
  if (run.outcome !== 'done') throw new Error(`sync ${run.outcome}: ${run.detail}`);
  return 0;
}

main().then(
  (code) => {
    db.close();
    process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
