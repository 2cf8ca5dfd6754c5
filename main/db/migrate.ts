import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/contract';
import type { Migration } from './migration';

export function checksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

export function headVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

export function readUserVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to the head schema. Refuses, without writing anything, a file from a newer version of
 * the app: opening it here could silently drop what that version stored. All pending migrations run in one
 * transaction, so a failure leaves the file exactly as it was.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): { from: number; to: number } {
  assertOrdered(migrations);
  const head = headVersion(migrations);
  const current = readUserVersion(db);
  if (current > head) {
    throw new AppError(
      'db_too_new',
      `This data folder was written by a newer version of the back-office (cache schema ${current}; this version knows up to ${head}). ` +
        'Install the newer version, or choose another data folder. Nothing was changed.',
      { found: current, head },
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return { from: current, to: current };
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO migration_log (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
        migration.version,
        migration.name,
        checksum(migration),
        Date.now(),
      );
    }
    // user_version is part of the transaction: it moves only if every step succeeded.
    db.pragma(`user_version = ${head}`);
  })();
  return { from: current, to: head };
}

/**
 * The migrations up to and including `version`, for the runner: `migrate(db, migrationsUpTo(all, v))` stamps the
 * database at `v`, so a test brings a cache to the version before one migration and then applies that one alone,
 * through the same code as a real upgrade. A version that is not a migration's is refused rather than rounded, so a
 * test cannot silently run against another schema.
 */
export function migrationsUpTo(migrations: readonly Migration[], version: number): readonly Migration[] {
  if (version !== 0 && !migrations.some((m) => m.version === version)) throw new Error(`No migration has version ${version}`);
  return migrations.filter((m) => m.version <= version);
}

function assertOrdered(migrations: readonly Migration[]): void {
  for (let i = 1; i < migrations.length; i += 1) {
    const previous = migrations[i - 1];
    const next = migrations[i];
    if (!previous || !next || next.version <= previous.version) {
      throw new Error(`Migrations out of order at ${next?.version ?? '?'}`);
    }
  }
}
