/**
 * One declaration per table of the cache: its columns and their SQLite types, written once and checked against
 * the migrated schema (tables.test.ts), so a row type cannot drift from the table it reads. A query's row is a
 * `Pick` of these (`Pick<BillItemRow, 'itemcode' | 'quantity'>`), or a join of several, never a new interface
 * that repeats the columns.
 */

/** A column's SQLite type (every table is STRICT), `?` when it may be NULL. */
export type ColumnType = 'integer' | 'text' | 'integer?' | 'text?';

type ValueOf<T extends ColumnType> = T extends 'integer'
  ? number
  : T extends 'text'
    ? string
    : T extends 'integer?'
      ? number | null
      : string | null;

export interface Table<C extends Record<string, ColumnType>> {
  name: string;
  columns: C;
}

export type RowOf<T extends Table<Record<string, ColumnType>>> = { [K in keyof T['columns']]: ValueOf<T['columns'][K]> };

export function table<const C extends Record<string, ColumnType>>(name: string, columns: C): Table<C> {
  return { name, columns };
}
