import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/contract';
import { damagedCacheError, isDamage } from './damage';
import { migrate } from './migrate';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migration';

declare const READS: unique symbol;
declare const WRITES: unique symbol;

/**
 * Read and write access told apart in the types (as Signal Desktop's ReadableDB / WritableDB): a connection
 * opened read-only (the reader thread's, a snapshot for a long export, a kept cache) is a `ReadableDb`, and
 * only the core's own connection is a `WritableDb`. A module that only reads takes a `ReadableDb`, so it runs
 * on either; one that writes takes a `WritableDb`, so handing it a read-only connection fails the typecheck
 * instead of failing at run time with SQLITE_READONLY.
 */
export type ReadableDb = Database.Database & { readonly [READS]: true };
export type WritableDb = ReadableDb & { readonly [WRITES]: true };
/** The core's connection, which reads and writes. */
export type Db = WritableDb;

/** A cache opened only to read it: never migrated, never written. Waits for a writer as the core's connection does. */
export function openReadOnly(file: string, nativeBinding?: string): ReadableDb {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  // Another process (a nightly CLI run) may be checkpointing or writing: wait as the main connection does.
  db.pragma('busy_timeout = 5000');
  return db as ReadableDb;
}

export interface OpenOptions {
  /** Path to a better-sqlite3 binary built for another runtime (Electron's ABI). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
}

/**
 * Opens (creating if needed) a profile's cache at `file`, or ':memory:' for tests, and migrates it to head.
 * The version check happens before any pragma that writes (journal_mode=WAL is persisted in the file).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) as Db;
  } catch (error) {
    throw new AppError(
      'data_dir_unwritable',
      `Cannot open the local cache at ${file}: ${(error as Error).message}. Check that the folder exists and is writable.`,
    );
  }
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const list = options.migrations ?? allMigrations;
    const head = list.at(-1)?.version ?? 0;
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current <= head && file !== ':memory:') db.pragma('journal_mode = WAL');
    migrate(db, list);
    db.pragma('synchronous = NORMAL');
    writeTransactionsTakeTheLockFirst(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    if (isDamage(error)) throw damagedCacheError(file);
    throw error;
  }
}

/**
 * Other processes write to the same cache (a nightly CLI run beside the app, two scripts at once). A deferred
 * transaction that reads, then writes, cannot wait for them: SQLite answers SQLITE_BUSY_SNAPSHOT at once when
 * another connection committed after its read, busy timeout or not. Taking the write lock at BEGIN (BEGIN
 * IMMEDIATE) makes it wait its turn instead. `.deferred` stays for a read-only transaction.
 */
function writeTransactionsTakeTheLockFirst(db: Db): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const made = transaction(fn);
    const immediate = made.immediate;
    return Object.assign((...args: never[]) => immediate(...args), {
      default: immediate,
      deferred: made.deferred,
      immediate,
      exclusive: made.exclusive,
    });
  }) as Db['transaction'];
}
