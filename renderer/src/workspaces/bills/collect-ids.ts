import type { BackofficeApi, BillFilter } from '../../../../shared/contract';

const PAGE = 1000;

/**
 * The ids of every bill matching `filter`, minus `except`: what "all matching" means when an export needs
 * ids (PDF invoices, or an XLSX of all matching but a few). Read in pages in id order; refused (null) past
 * `max`, so a careless Ctrl+A on a million bills does not hold the app for minutes.
 */
export async function collectIds(
  api: BackofficeApi,
  filter: BillFilter,
  except: ReadonlySet<number>,
  max: number,
  signal?: { cancelled: boolean },
): Promise<number[] | null> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += PAGE) {
    if (signal?.cancelled) return null;
    const page = await api.invoke('bills.list', { filter, sort: { column: 'id', direction: 'asc' }, offset, limit: PAGE });
    if (page.total - except.size > max) return null;
    for (const row of page.rows) if (!except.has(row.id)) ids.push(row.id);
    if (page.rows.length < PAGE || offset + PAGE >= page.total) return ids;
  }
}
