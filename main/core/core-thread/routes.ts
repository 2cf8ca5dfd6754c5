import type { CommandName } from '../../../shared/contract';

/**
 * Which thread answers what (docs/architecture.md, "Processes").
 *
 * The lists the windows page through, answered by the reader thread on a read-only connection of its own:
 * in WAL mode a reader never waits for the writer, so they are answered while the core thread writes a sync
 * page, an import or an export batch. The reader hands a command back to the core whenever it cannot answer
 * it as the core would (reader.ts).
 */
export const READER_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>([
  'bills.list',
  'bills.counts',
  'bills.get',
  'customers.list',
  'customers.get',
  'catalogs.list',
  'catalogs.get',
  'dashboard.summary',
]);

/**
 * Commands that never write the cache. While a first sync's indexes are built on a thread of their own (one
 * transaction, 7 to 30 s at 100,000 bills), these are answered at once; any other command waits for the build
 * (asynchronously: the core thread goes on answering these), as it waited before on a blocked thread, rather
 * than meet a locked cache. Every cancel is among them, whatever its domain.
 */
const WRITE_FREE: ReadonlySet<string> = new Set<CommandName>([
  ...READER_COMMANDS,
  'app.info',
  'app.status',
  'settings.get',
  'profiles.list',
  'sync.status',
  'outbox.list',
  'uploads.begin',
  'uploads.append',
  'uploads.discard',
  // Exports read on connections of their own (db/snapshot.ts), and refuse a cache still being filled.
  'exports.billsXlsx',
  'exports.invoicesPdf',
  'exports.creditNotesPdf',
  'exports.month',
  // A folder in the data folder for browser mode's downloads; what a sync sent, read only.
  'exports.stageDownload',
  'sync.sent',
]);

export function waitsForIndexBuild(name: unknown): boolean {
  if (typeof name !== 'string') return false;
  return !WRITE_FREE.has(name) && !isCancel(name);
}

/** sync.cancel, exports.cancel, and any cancel a domain adds (lettering.cancelImport). */
export function isCancel(name: string): boolean {
  return /\.cancel(?:[A-Z]\w*)?$/.test(name);
}

/**
 * Holds commands that write while a long job owns the cache's write lock elsewhere. Several jobs may hold
 * it; it opens when all are over, whatever their outcome.
 */
export class WriteGate {
  private readonly held = new Set<Promise<unknown>>();

  hold<T>(job: Promise<T>): Promise<T> {
    this.held.add(job);
    const release = () => this.held.delete(job);
    job.then(release, release);
    return job;
  }

  get busy(): boolean {
    return this.held.size > 0;
  }

  async idle(): Promise<void> {
    while (this.held.size > 0) await Promise.allSettled([...this.held]);
  }
}
