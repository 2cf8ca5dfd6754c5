import type { ReadableDb } from './open';

/**
 * Long reads (exports, the lettering overview) see one state of the cache from start to end. Their reads are
 * spread over seconds and awaits, while a sync, a rebuild or another process (a nightly CLI run) commits pages:
 * read statement by statement, an export of 20,000 bills overlapping a rebuild wrote a third of its lines and
 * reported success. In WAL mode, a read transaction on a connection of its own is a snapshot: writers go on,
 * the reader keeps what was committed when it began, and nobody waits.
 */
export async function readSnapshot<T>(open: () => ReadableDb, work: (db: ReadableDb) => Promise<T> | T): Promise<T> {
  const db = open();
  try {
    db.exec('BEGIN');
    // A deferred transaction takes its snapshot at its first read, not at BEGIN.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return await work(db);
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
    db.close();
  }
}

/** The same for a read that runs at once: a read transaction on the connection at hand. */
export function readAtOnce<T>(db: ReadableDb, work: (db: ReadableDb) => T): T {
  // Deferred: a read takes no write lock (writes take theirs at BEGIN, see open.ts).
  return db.transaction(() => work(db)).deferred();
}
