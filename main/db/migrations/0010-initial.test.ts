import { describe, expect, it } from 'vitest';
import { checksum } from '../migrate';
import { migration0010 } from './0010-initial';
import { applyMigration, columns, databaseBefore, isStrict, schema, schemaChange } from './migration.test-support';

describe('migration 0010 initial: the log of migrations and the facts about the site', () => {
  it('creates migration_log, which records this migration with its checksum, and site_meta', () => {
    const db = databaseBefore(10);
    expect(schema(db).size).toBe(0);
    applyMigration(db, 10);

    expect(schemaChange(new Map(), schema(db)).added).toEqual(['table migration_log', 'table site_meta']);
    expect(isStrict(db, 'migration_log')).toBe(true);
    expect(isStrict(db, 'site_meta')).toBe(true);
    expect(db.prepare('SELECT version, name, checksum FROM migration_log').all()).toEqual([
      { version: 10, name: 'initial', checksum: checksum(migration0010) },
    ]);
    expect(columns(db, 'site_meta').map((c) => [c.name, c.type, c.pk])).toEqual([
      ['key', 'TEXT', 1],
      ['value', 'TEXT', 0],
      ['updated_at', 'INTEGER', 0],
    ]);
  });

  it('keeps one value per site_meta key', () => {
    const db = databaseBefore(10);
    applyMigration(db, 10);
    db.prepare("INSERT INTO site_meta VALUES ('site_name', 'Shop', 1)").run();
    expect(() => db.prepare("INSERT INTO site_meta VALUES ('site_name', 'Other', 2)").run()).toThrow(/UNIQUE/);
  });
});
