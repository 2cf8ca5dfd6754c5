import type { HandlersFor } from '../core/handlers';
import type { Db } from '../db/open';
import { getBillDetail } from './bill-detail';
import { countByStatus, listBills } from './bill-query';

export type BillsReads = 'bills.list' | 'bills.counts' | 'bills.get';

/** The reads, on any connection to the cache: the core's own, or the reader thread's (core-thread/reader.ts). */
export function billsReads(db: () => Db): HandlersFor<BillsReads> {
  return {
    'bills.list': (input) => listBills(db(), input),
    'bills.counts': ({ filter }) => countByStatus(db(), filter),
    'bills.get': ({ id }) => getBillDetail(db(), id),
  };
}
