import Database from 'better-sqlite3';
import { CACHE_TABLES } from './cache-hash';

/**
 * `npm run compare-caches -- <cache.sqlite> <cache.sqlite> [--ignore col,col]`: two caches filled by a full sync
 * of the same demo seed, one from the simulated site and one from a real site with local_shopbackoffice, compared
 * row by row and column by column. Server times (`timemodified`) always differ and are left out; the Moodle ids
 * a real site gives the demo's accounts (`hasaccount`, a bill's `userid`) are left out with `--ignore`. Prints
 * what differs per table and column (with three examples each); exit 1 when anything does.
 */
type Row = Record<string, unknown>;

function main(): number {
  const args = process.argv.slice(2);
  const ignoreAt = args.indexOf('--ignore');
  const ignored = new Set(['timemodified', ...(ignoreAt >= 0 ? (args[ignoreAt + 1] ?? '').split(',') : [])]);
  const files = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--ignore');
  if (files.length !== 2) {
    console.error('usage: npm run compare-caches -- <cache.sqlite> <cache.sqlite> [--ignore col,col]');
    return 2;
  }
  const [a, b] = files.map((file) => new Database(file, { readonly: true, fileMustExist: true }));
  let differing = 0;
  for (const table of CACHE_TABLES) {
    const read = (db: Database.Database) => db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Row[];
    const left = read(a as Database.Database);
    const right = read(b as Database.Database);
    const byColumn = new Map<string, { count: number; examples: string[] }>();
    const note = (column: string, example: string) => {
      const entry = byColumn.get(column) ?? { count: 0, examples: [] };
      entry.count += 1;
      if (entry.examples.length < 3) entry.examples.push(example);
      byColumn.set(column, entry);
    };
    if (left.length !== right.length) note('(rows)', `${left.length} against ${right.length}`);
    const rightById = new Map(right.map((row) => [row['id'], row]));
    for (const row of left) {
      const other = rightById.get(row['id']);
      if (!other) {
        note('(missing)', `id ${String(row['id'])}`);
        continue;
      }
      for (const column of Object.keys(row)) {
        if (ignored.has(column)) continue;
        if (JSON.stringify(row[column]) !== JSON.stringify(other[column])) {
          note(
            column,
            `id ${String(row['id'])}: ${JSON.stringify(row[column])?.slice(0, 60)} | ${JSON.stringify(other[column])?.slice(0, 60)}`,
          );
        }
      }
    }
    const summary = [...byColumn].map(([column, { count }]) => `${column} ${count}`).join(', ');
    console.log(`${table.padEnd(14)} ${String(left.length).padStart(8)} ${String(right.length).padStart(8)}  ${summary || 'same'}`);
    for (const [column, { examples }] of byColumn) for (const example of examples) console.log(`    ${column}: ${example}`);
    differing += byColumn.size;
  }
  return differing > 0 ? 1 : 0;
}

process.exitCode = main();
