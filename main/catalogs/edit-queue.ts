import type { Db } from '../db/open';
import { enqueue } from '../sync/outbox';
import type { OutboxKind, OutboxPayload } from '../sync/outbox-kinds';
import { entriesOf, serverVersion } from './catalog-rows';
import { refusal } from '../../shared/errors/error-text';

type CatalogEntity = 'catalogs' | 'categories' | 'catalogitems';
type CatalogKind = Extract<
  OutboxKind,
  'catalog.save' | 'catalog.delete' | 'category.save' | 'category.delete' | 'catalogItem.save' | 'catalogItem.delete'
>;

const ENTITY_OF: Record<CatalogKind, CatalogEntity> = {
  'catalog.save': 'catalogs',
  'catalog.delete': 'catalogs',
  'category.save': 'categories',
  'category.delete': 'categories',
  'catalogItem.save': 'catalogitems',
  'catalogItem.delete': 'catalogitems',
};

/**
 * Queues one catalog change. Call inside the transaction that checked it. The edit is based on the
 * server's version of the record (later queued edits of the same record are rebased by push.ts once the
 * earlier ones are applied); what the operator saw when saving is kept as the conflict's "base".
 */
export function queueEdit<K extends CatalogKind>(db: Db, kind: K, entityId: number, payload: OutboxPayload<K>, base: unknown): void {
  const entity = ENTITY_OF[kind];
  if (entriesOf(db, entity, entityId).some((entry) => entry.state === 'conflict'))
    throw refusal('catalog_not_editable', 'catalog.conflictFirst', {}, { entity, id: entityId });
  const entry = enqueue(db, { kind, entityId, baseVersion: entityId < 0 ? 0 : serverVersion(db, entity, entityId), payload });
  if (base !== null && base !== undefined)
    db.prepare('INSERT INTO catalog_edit_base (mutation_id, record) VALUES (?, ?)').run(entry.mutationId, JSON.stringify(base));
}

/** What the operator saw when they made this outbox entry, or null (a creation, or an entry made elsewhere). */
export function baseOf(db: Db, mutationId: string): Record<string, unknown> | null {
  const text = db.prepare<[string], string>('SELECT record FROM catalog_edit_base WHERE mutation_id = ?').pluck().get(mutationId);
  return text === undefined ? null : (JSON.parse(text) as Record<string, unknown>);
}

export function setBase(db: Db, mutationId: string, base: unknown): void {
  db.prepare('INSERT OR REPLACE INTO catalog_edit_base (mutation_id, record) VALUES (?, ?)').run(mutationId, JSON.stringify(base));
}

/** Bases whose outbox entry was acknowledged or discarded are of no more use. */
export function sweepBases(db: Db): void {
  db.prepare('DELETE FROM catalog_edit_base WHERE mutation_id NOT IN (SELECT mutation_id FROM outbox)').run();
}
