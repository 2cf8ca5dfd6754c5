import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import { headVersion, migrate, migrationsUpTo, readUserVersion } from './migrate';
import { migrations } from './migrations';
import { openDatabase } from './open';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-migrate-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const hashFile = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('migrations', () => {
  it('bring an empty database to the head schema, with strict tables, foreign keys and WAL', () => {
    const file = path.join(dir, 'cache.sqlite');
    const db = openDatabase(file);
    expect(readUserVersion(db)).toBe(headVersion(migrations));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Virtual tables (full-text search) and their shadow tables cannot be STRICT: table_list types them apart.
    const tables = db
      .prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string; strict: number }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['migration_log', 'site_meta']));
    for (const table of tables) expect(table.strict, table.name).toBe(1);
    const log = db.prepare('SELECT version FROM migration_log ORDER BY version').pluck().all();
    expect(log).toEqual(migrations.map((m) => m.version));
    db.close();
  });

  it('are numbered by tens, in order, one file each', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    for (const v of versions) expect(v % 10).toBe(0);
    const files = fs.readdirSync(path.join(import.meta.dirname, 'migrations')).filter((f) => /^\d{4}-[^.]*\.ts$/.test(f));
    expect(files.map((f) => Number(f.slice(0, 4)))).toEqual(versions);
  });

  it('each have a test of their own beside them (NNNN-name.test.ts: the migration applied alone to the version before)', () => {
    const dir = path.join(import.meta.dirname, 'migrations');
    const files = fs.readdirSync(dir);
    for (const file of files.filter((f) => /^\d{4}-[^.]*\.ts$/.test(f))) {
      expect(files, file).toContain(file.replace(/\.ts$/, '.test.ts'));
    }
  });

  it("can be taken up to a version, which must be a migration's", () => {
    expect(migrationsUpTo(migrations, 0)).toEqual([]);
    expect(migrationsUpTo(migrations, 30).map((m) => m.version)).toEqual([10, 20, 30]);
    expect(() => migrationsUpTo(migrations, 35)).toThrow(/No migration has version 35/);
    const db = new Database(':memory:');
    expect(migrate(db, migrationsUpTo(migrations, 30))).toEqual({ from: 0, to: 30 });
    expect(migrate(db, migrationsUpTo(migrations, 40))).toEqual({ from: 30, to: 40 });
    expect(db.prepare('SELECT version FROM migration_log ORDER BY version').pluck().all()).toEqual([10, 20, 30, 40]);
  });

  it('reopening a migrated database changes nothing', () => {
    const file = path.join(dir, 'cache.sqlite');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT count(*) FROM migration_log').pluck().get()).toBe(migrations.length);
    db.close();
  });

  it('refuse a database stamped with a future version and leave the file unchanged', () => {
    const file = path.join(dir, 'cache.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x INTEGER) STRICT; INSERT INTO from_the_future VALUES (42);');
    future.pragma(`user_version = ${headVersion(migrations) + 1000}`);
    future.close();
    const before = hashFile(file);

    let thrown: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('db_too_new');
    expect((thrown as AppError).message).toMatch(/newer version/);
    expect(hashFile(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('run all pending migrations in one transaction: a failing step leaves the database as it was', () => {
    const db = new Database(':memory:');
    const broken = [
      ...migrations,
      { version: headVersion(migrations) + 10, name: 'adds a table', sql: 'CREATE TABLE added (id INTEGER PRIMARY KEY) STRICT;' },
      {
        version: headVersion(migrations) + 20,
        name: 'fails',
        sql: 'CREATE TABLE broken (id INTEGER PRIMARY KEY) STRICT; INSERT INTO nowhere VALUES (1);',
      },
    ];
    expect(() => migrate(db, broken)).toThrow(/nowhere/);
    expect(readUserVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get()).toBe(0);
  });

  it('apply only the pending ones on an older database', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const next = [
      ...migrations,
      { version: headVersion(migrations) + 10, name: 'next', sql: 'CREATE TABLE next_one (id INTEGER PRIMARY KEY) STRICT;' },
    ];
    expect(migrate(db, next)).toEqual({ from: headVersion(migrations), to: headVersion(migrations) + 10 });
    expect(db.prepare('SELECT count(*) FROM migration_log').pluck().get()).toBe(migrations.length + 1);
  });
});
