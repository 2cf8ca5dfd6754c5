import type { ReadableDb } from '../db/open';
import type { SyncEntity } from '../shop-api/sync-entities';
import { listEntries, type OutboxEntry, type OutboxState } from './outbox';

/** A record as the operator sees it: the server's copy with the local changes the shop has not acknowledged. */
export type Overlaid<R> = R & {
  /** The outbox state of the latest local change to this record, or null when none is waiting. */
  localState: OutboxState | null;
  /** Created here, not yet on the shop (negative id). */
  localOnly: boolean;
};

const SAVE_KIND: Partial<Record<SyncEntity, string>> = {
  catalogs: 'catalog.save',
  categories: 'category.save',
  catalogitems: 'catalogItem.save',
  customers: 'customer.update',
};
const DELETE_KIND: Partial<Record<SyncEntity, string>> = {
  catalogs: 'catalog.delete',
  categories: 'category.delete',
  catalogitems: 'catalogItem.delete',
};

/**
 * Lays the outbox over server rows of one entity: a pending save shows its values, a pending delete hides the
 * row, a record created offline appears. The server's rows are never modified, so a pull can refresh them at
 * any time without losing an edit, and discarding an edit simply shows the server's copy again.
 */
export function overlay<R extends { id: number }>(db: ReadableDb, entity: SyncEntity, serverRows: readonly R[]): Overlaid<R>[] {
  const edits = new Map<number, OutboxEntry[]>();
  for (const entry of listEntries(db)) {
    if ('damaged' in entry || entry.entity !== entity) continue;
    const list = edits.get(entry.entityId) ?? [];
    list.push(entry);
    edits.set(entry.entityId, list);
  }
  const out: Overlaid<R>[] = [];
  const seen = new Set<number>();
  for (const row of serverRows) {
    seen.add(row.id);
    const applied = apply(entity, row, edits.get(row.id));
    if (applied) out.push(applied);
  }
  for (const [id, list] of edits) {
    if (id >= 0 || seen.has(id)) continue;
    const created = apply(entity, null, list);
    if (created) out.push(created as Overlaid<R>);
  }
  return out;
}

function apply<R extends { id: number }>(entity: SyncEntity, row: R | null, entries: OutboxEntry[] | undefined): Overlaid<R> | null {
  if (!entries?.length) return row ? { ...row, localState: null, localOnly: false } : null;
  let current: Record<string, unknown> | null = row ? { ...row } : null;
  for (const entry of entries) {
    if (entry.kind === DELETE_KIND[entity]) current = null;
    else if (entry.kind === SAVE_KIND[entity])
      current = { ...(current ?? {}), ...(entry.payload as Record<string, unknown>), id: entry.entityId };
  }
  if (!current) return null;
  const latest = entries.at(-1)!;
  return { ...(current as R), localState: latest.state, localOnly: latest.entityId < 0 };
}
