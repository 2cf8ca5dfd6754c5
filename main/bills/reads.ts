import type { CommandsFor } from '../core/commands';
import type { ReadableDb } from '../db/open';
import { fillingState } from '../sync/cache-filling';
import { getBillDetail } from './bill-detail';
import { countByStatus, listBills } from './bill-query';

export type BillsReads = 'bills.list' | 'bills.counts' | 'bills.get';

/** The reads, on any connection to the cache: the core's own, or the reader thread's (core-thread/reader.ts). */
export function billsReads(db: () => ReadableDb): CommandsFor<BillsReads> {
  return {
    'bills.list': (input) => {
      const list = listBills(db(), input);
      // A cache being filled: the table says it holds the bills received so far.
      const filling = fillingState(db(), 'bill');
      return filling ? { ...list, filling } : list;
    },
    'bills.counts': ({ filter }) => countByStatus(db(), filter),
    'bills.get': ({ id }) => getBillDetail(db(), id),
  };
}
