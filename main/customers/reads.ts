import type { CommandsFor } from '../core/commands';
import type { ReadableDb } from '../db/open';
import { fillingState } from '../sync/cache-filling';
import { getCustomer, listCustomers } from './customer-query';

export type CustomersReads = 'customers.list' | 'customers.get';

/** The reads, on any connection to the cache: the core's own, or the reader thread's (core-thread/reader.ts). */
export function customersReads(db: () => ReadableDb, siteUrl: () => string | null): CommandsFor<CustomersReads> {
  return {
    'customers.list': (input) => {
      const list = listCustomers(db(), input);
      const filling = fillingState(db(), 'customer');
      return filling ? { ...list, filling } : list;
    },
    'customers.get': ({ id }) => getCustomer(db(), id, { siteUrl: siteUrl(), now: Math.floor(Date.now() / 1000) }),
  };
}
