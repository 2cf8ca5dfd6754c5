import type { CommandsFor } from '../core/commands';
import type { ReadableDb } from '../db/open';
import { getCatalogDetail, listCatalogs } from './catalog-read';

export type CatalogsReads = 'catalogs.list' | 'catalogs.get';

/** The reads, on any connection to the cache: the core's own, or the reader thread's (core-thread/reader.ts). */
export function catalogsReads(db: () => ReadableDb): CommandsFor<CatalogsReads> {
  return {
    'catalogs.list': () => ({ catalogs: listCatalogs(db()) }),
    'catalogs.get': ({ id }) => getCatalogDetail(db(), id),
  };
}
