import * as derived from './derived-tables';
import * as lettering from './lettering-tables';
import * as production from './production-tables';
import * as shop from './shop-tables';
import * as sync from './sync-tables';
import type { ColumnType, Table } from './table';

export type * from './derived-tables';
export type * from './lettering-tables';
export type * from './production-tables';
export type * from './shop-tables';
export type * from './sync-tables';

/** Every declared table, for the check against the schema. */
export const TABLES: readonly Table<Record<string, ColumnType>>[] = [shop, sync, derived, lettering, production].flatMap((module) =>
  Object.values(module).filter((value): value is Table<Record<string, ColumnType>> => typeof value === 'object' && 'columns' in value),
);
