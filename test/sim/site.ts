import Database from 'better-sqlite3';
import { randomInt } from 'node:crypto';
import { FunctionRegistry } from './external/function-registry';
import { SCHEMA } from './lib/schema';
import { SHOP_SCHEMA } from './lib/shop/schema';

export type SqlValue = string | number | null;

/**
 * One simulated Moodle site: its database, its clock, its settings ($CFG) and its web service functions.
 * Everything a simulated function needs goes through this object, so a test can hold several sites at once.
 */
export class MoodleSite {
  readonly db: Database.Database;
  readonly functions = new FunctionRegistry();
  private fixedNow: number | null = null;
  /**
   * Ids are handed out here rather than by SQLite: like PostgreSQL sequences (the captured site's database),
   * an id taken inside a transaction that is rolled back is not given again. The captures show it: bo.carol's
   * rolled-back creation used a context id, so the next course got context 22.
   */
  private readonly sequences = new Map<string, number>();
  /** Uniform in [0, 1): seeded when the site was given a seed, so seeders can generate reproducible data. */
  readonly random: () => number;

  constructor(options: { dbPath?: string; randomSeed?: number } = {}) {
    this.db = new Database(options.dbPath ?? ':memory:');
    if (this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'mdl_config'").get()) {
      this.db.close();
      throw new Error(`${options.dbPath ?? ''} already holds a simulated site: give a new file`);
    }
    this.db.exec(SCHEMA);
    // local_shop is installed on every simulated site (its five stubs are always there).
    this.db.exec(SHOP_SCHEMA);
    this.random = options.randomSeed === undefined ? () => randomInt(0, 2 ** 32) / 2 ** 32 : mulberry32(options.randomSeed);
  }

  /** Unix time in seconds, as Moodle's time(). */
  now(): number {
    return this.fixedNow ?? Math.floor(Date.now() / 1000);
  }

  /** Freezes the clock (enrolment windows, timestamps), or lets it run again with null. */
  setNow(seconds: number | null): void {
    this.fixedNow = seconds;
  }

  nextId(table: string): number {
    const next = this.ensureSequence(table);
    this.sequences.set(table, next + 1);
    return next;
  }

  /**
   * Starts a table's sequence from its rows if it has not started yet, and returns the next id without taking
   * it. Call it before deleting rows inserted with explicit ids: a sequence started after the highest row is
   * gone would give that id again, and the shop's sync API relies on ids never being reused.
   */
  ensureSequence(table: string): number {
    let next = this.sequences.get(table);
    if (next === undefined) {
      const row = this.db.prepare(`SELECT COALESCE(MAX(id), 0) + 1 AS next FROM mdl_${table}`).get() as { next: number };
      next = row.next;
      this.sequences.set(table, next);
    }
    return next;
  }

  /** For seeds that reproduce a site whose sequences had moved past the rows that remain. */
  setNextId(table: string, next: number): void {
    this.sequences.set(table, next);
  }

  config(name: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM mdl_config WHERE name = ?').get(name) as { value: string } | undefined;
    return row?.value;
  }

  setConfig(name: string, value: string | number): void {
    this.db
      .prepare('INSERT INTO mdl_config (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value')
      .run(name, String(value));
  }

  pluginConfig(plugin: string, name: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM mdl_config_plugins WHERE plugin = ? AND name = ?').get(plugin, name) as
      { value: string } | undefined;
    return row?.value;
  }

  setPluginConfig(plugin: string, name: string, value: string | number): void {
    this.db
      .prepare(
        'INSERT INTO mdl_config_plugins (plugin, name, value) VALUES (?, ?, ?) ON CONFLICT (plugin, name) DO UPDATE SET value = excluded.value',
      )
      .run(plugin, name, String(value));
  }

  /** Developer debugging: adds `debuginfo` to errors and changes some error codes (README facts 1 and 2). */
  get debug(): boolean {
    return (this.config('debug') ?? '0') !== '0';
  }

  /** A delegated transaction. Nested calls become savepoints (better-sqlite3), as update_users needs per item. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Random lowercase hex, from the seeded generator when the site has one (reproducible tokens and keys). */
  randomHex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.random() * 16).toString(16);
    return out;
  }

  close(): void {
    this.db.close();
  }
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
