import { useEffect, useState } from 'react';
import type { BackofficeApi, BillRow, CustomerRow } from '../../../shared/contract';
import { billNumberOf } from './palette-model';

export interface RecordHits {
  /** The bill whose number was typed, found by its id, then the bills the core's search finds. */
  bills: BillRow[];
  customers: CustomerRow[];
  busy: boolean;
  error: unknown;
}

const NONE: RecordHits = { bills: [], customers: [], busy: false, error: null };
const SHOWN = 5;
/** Typing fast sends one search, for the words the operator stopped on. */
const DEBOUNCE_MS = 150;

/**
 * Bills and customers for the palette, through the contract's list commands (the same search as the tables),
 * and a typed bill number through bills.get. An answer to an older query is dropped.
 */
export function useRecordSearch(api: BackofficeApi, query: string): RecordHits {
  const [hits, setHits] = useState<{ query: string; value: RecordHits }>({ query: '', value: NONE });
  const text = query.trim();
  const number = billNumberOf(text);
  const wanted = number !== null || text.length >= 2;

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    const timer = setTimeout(() => {
      const byNumber =
        number === null
          ? Promise.resolve(null)
          : api.invoke('bills.get', { id: number }).then(
              (detail) => detail.bill as BillRow,
              () => null,
            );
      const search = text.slice(0, 200);
      Promise.all([
        byNumber,
        api.invoke('bills.list', {
          filter: { search },
          sort: { column: 'lastactiondate', direction: 'desc' },
          offset: 0,
          limit: SHOWN,
        }),
        api.invoke('customers.list', { search, offset: 0, limit: SHOWN }),
      ]).then(
        ([exact, bills, customers]) => {
          if (!current) return;
          const rows = exact ? [exact, ...bills.rows.filter((row) => row.id !== exact.id)] : bills.rows;
          setHits({ query: text, value: { bills: rows.slice(0, SHOWN), customers: customers.rows, busy: false, error: null } });
        },
        (error: unknown) => {
          if (current) setHits({ query: text, value: { ...NONE, error } });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, text, number, wanted]);

  if (!wanted) return NONE;
  // Until the answer for this very query comes, the previous hits stay (no flicker), marked busy.
  return hits.query === text ? hits.value : { ...hits.value, busy: true };
}
