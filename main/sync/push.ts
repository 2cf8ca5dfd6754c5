import { assertNever } from '../../shared/assert-never';
import { AppError } from '../../shared/contract';
import type { Db } from '../db/open';
import { errorTextOf } from '../../shared/errors/error-text';
import { backoffDelay, DEFAULT_RETRY } from '../moodle/retry-policy';
import type { ShopApi } from '../shop-api/shop-client';
import type { SyncEntity } from '../shop-api/sync-entities';
import { entityWriter } from './cache-tables';
import { describeEntry } from './change-description';
import { acknowledge, damagedRefusal, dueEntries, markSending, park, postpone, type OutboxEntry } from './outbox';
import type { OutboxKind, OutboxPayload } from './outbox-kinds';
import { recordSent } from './sync-runs';

/** What the shop answered, reduced to what the outbox does next. */
type Outcome =
  | { kind: 'applied'; serverId: number; version?: number; records: { entity: SyncEntity; record: Record<string, unknown> }[] }
  | { kind: 'conflict'; remote: unknown; message: string }
  | { kind: 'gone'; message: string };

export interface PushResult {
  applied: number;
  parked: number;
  conflicts: number;
  /** Set when pushing stopped early: the site is unreachable, or refuses this token. */
  stoppedBy: AppError | null;
}

/** Failures that say nothing about the entry but about the site or the token: stop, keep everything pending. */
const SITE_PROBLEMS = new Set([
  'moodle_invalid_token',
  'moodle_function_missing',
  'moodle_function_not_installed',
  'moodle_access_denied',
  'moodle_ws_disabled',
  'moodle_tls',
]);
const TRANSIENT = new Set(['moodle_timeout', 'moodle_unreachable', 'moodle_server_error', 'moodle_truncated', 'moodle_bad_response']);

/**
 * Sends due outbox entries in order. An acknowledged entry is deleted and the shop's record written to the
 * cache in one transaction. A refusal parks that entry with the shop's reason and the queue goes on; a
 * conflict parks it with the shop's record; a transient fault postpones it with backoff and ends the pass.
 * Killed at any point, an entry is at worst sent again with the same mutation id, which the shop applies once.
 */
export async function pushOutbox(
  db: Db,
  api: ShopApi,
  options: {
    now?: () => number;
    signal?: AbortSignal;
    onEntry?: (done: number) => void;
    /** Send entries still waiting out their backoff: the operator asked for a sync, or the site is back. */
    ignoreBackoff?: boolean;
    /** The sync run sending them: each change sent, and the shop's answer, go to its history (sync_sent). */
    runId?: number;
  } = {},
): Promise<PushResult> {
  const now = options.now ?? Date.now;
  const result: PushResult = { applied: 0, parked: 0, conflicts: 0, stoppedBy: null };
  const skipped = new Set<number>();
  for (;;) {
    if (options.signal?.aborted) return result;
    // A transient fault ends the pass (below), so ignoring the backoff tries each entry at most once here.
    const entry = dueEntries(db, options.ignoreBackoff ? Number.MAX_SAFE_INTEGER : now()).find((e) => !skipped.has(e.seq));
    if (!entry) return result;
    if ('damaged' in entry) {
      const refused = damagedRefusal(entry);
      park(db, entry.seq, 'parked', { code: refused.code, message: refused.message, text: errorTextOf(refused.details) });
      result.parked += 1;
      continue;
    }
    const resolved = resolveLocalIds(db, entry);
    if (!resolved) {
      // It refers to a record created offline that the shop has not created yet: wait for it.
      skipped.add(entry.seq);
      continue;
    }
    // Described before the shop's answer rewrites the record: the history says what it was, and what it became.
    const description = options.runId === undefined ? null : describeEntry(db, entry);
    const sent = (outcome: 'applied' | 'parked' | 'conflict', message: string | null) => {
      if (options.runId !== undefined && description)
        recordSent(db, options.runId, {
          seq: entry.seq,
          kind: entry.kind,
          entity: entry.entity,
          entityId: entry.entityId,
          outcome,
          message,
          description,
        });
    };
    let outcome: Outcome;
    // From here the shop may apply the change whatever happens to the cache: it can no longer be undone.
    markSending(db, entry.seq);
    try {
      outcome = await send(api, resolved);
    } catch (error) {
      markSending(db, null);
      if (!(error instanceof AppError)) throw error;
      if (SITE_PROBLEMS.has(error.code)) {
        result.stoppedBy = error;
        return result;
      }
      if (TRANSIENT.has(error.code)) {
        postpone(db, entry.seq, now() + backoffDelay(entry.attempts + 1, { ...DEFAULT_RETRY, maxDelayMs: 5 * 60_000 }) + 1000, error);
        result.stoppedBy = error;
        return result;
      }
      db.transaction(() => {
        park(db, entry.seq, 'parked', {
          code: String(error.details?.['errorcode'] ?? error.code),
          message: error.message,
          text: errorTextOf(error.details),
        });
        sent('parked', error.message);
      })();
      result.parked += 1;
      continue;
    }
    markSending(db, null);
    db.transaction(() => {
      if (outcome.kind === 'applied') {
        for (const { entity, record } of outcome.records) entityWriter(db, entity).upsert(record);
        // The shop answers a delete without the record; its tombstone reaches a pull only once settled, and
        // until then the cached row would show again the moment the outbox no longer hides it.
        if (entry.kind.endsWith('.delete') && entry.entityId > 0) entityWriter(db, entry.entity).remove(entry.entityId);
        if (entry.entityId < 0 && outcome.serverId > 0) mapLocalId(db, entry.entity, entry.entityId, outcome.serverId);
        if (outcome.version !== undefined) rebaseFollowers(db, entry, outcome.serverId, outcome.version);
        acknowledge(db, entry.seq);
        sent('applied', null);
        result.applied += 1;
      } else if (outcome.kind === 'conflict') {
        park(db, entry.seq, 'conflict', { code: 'conflict', message: outcome.message }, outcome.remote);
        sent('conflict', outcome.message);
        result.conflicts += 1;
      } else {
        park(db, entry.seq, 'parked', { code: 'gone', message: outcome.message });
        sent('parked', outcome.message);
        result.parked += 1;
      }
    })();
    options.onEntry?.(result.applied + result.parked + result.conflicts);
  }
}

/**
 * Later edits of the same record were made on top of this one, so on the version the shop has just given it:
 * without this, the second of two offline edits would be refused as a conflict with the first.
 */
function rebaseFollowers(db: Db, entry: OutboxEntry, entityId: number, version: number): void {
  db.prepare('UPDATE outbox SET base_version = ? WHERE entity = ? AND entity_id = ? AND seq > ? AND base_version = ?').run(
    version,
    entry.entity,
    entityId,
    entry.seq,
    entry.baseVersion,
  );
}

function mapLocalId(db: Db, entity: SyncEntity, localId: number, serverId: number): void {
  db.prepare('INSERT OR REPLACE INTO local_id_map (entity, local_id, server_id) VALUES (?, ?, ?)').run(entity, localId, serverId);
  // Later changes to the same record now address it by its real id.
  db.prepare('UPDATE outbox SET entity_id = ? WHERE entity = ? AND entity_id = ?').run(serverId, entity, localId);
}

/** Fields that may name a record created offline (a negative id), and the entity they name. */
const REFERENCES: Partial<Record<OutboxKind, Record<string, SyncEntity>>> = {
  // A master created offline names itself in its second save (shop-api.md: a master is created in two saves).
  'catalog.save': { groupid: 'catalogs' },
  'category.save': { catalogid: 'catalogs', parentid: 'categories' },
  'catalogItem.save': { catalogid: 'catalogs', categoryid: 'categories', setid: 'catalogitems' },
};

/** The entry with every local id replaced by the shop's, or null while one of them is not created yet. */
function resolveLocalIds(db: Db, entry: OutboxEntry): OutboxEntry | null {
  const references = REFERENCES[entry.kind];
  if (!references) return entry;
  const payload = { ...(entry.payload as Record<string, unknown>) };
  const lookup = db.prepare<[string, number], number>('SELECT server_id FROM local_id_map WHERE entity = ? AND local_id = ?').pluck();
  for (const [field, entity] of Object.entries(references)) {
    const value = payload[field];
    if (typeof value === 'number' && value < 0) {
      const serverId = lookup.get(entity, value);
      if (serverId === undefined) return null;
      payload[field] = serverId;
    }
  }
  return { ...entry, payload } as OutboxEntry;
}

async function send(api: ShopApi, entry: OutboxEntry): Promise<Outcome> {
  const id = entry.entityId < 0 ? 0 : entry.entityId;
  const m = entry.mutationId;
  const versioned = (
    entity: SyncEntity,
    answer: { status: 'applied' | 'conflict' | 'gone'; id: number; version: number; current?: unknown },
  ): Outcome => {
    if (answer.status === 'applied')
      return {
        kind: 'applied',
        serverId: answer.id,
        version: answer.version,
        records: answer.current ? [{ entity, record: answer.current as Record<string, unknown> }] : [],
      };
    if (answer.status === 'conflict')
      return { kind: 'conflict', remote: answer.current ?? null, message: 'The record was changed on the site since this edit was made.' };
    return { kind: 'gone', message: 'The record was deleted on the site.' };
  };
  const deleted = (answer: { status: 'applied' | 'conflict' | 'gone' }): Outcome =>
    answer.status === 'conflict'
      ? { kind: 'conflict', remote: null, message: 'The record was changed on the site since.' }
      : { kind: 'applied', serverId: id, records: [] };
  switch (entry.kind) {
    case 'catalog.save':
      return versioned(
        'catalogs',
        await api.saveCatalog(m, entry.baseVersion, { ...(entry.payload as OutboxPayload<'catalog.save'>), id }),
      );
    case 'catalog.delete':
      return deleted(await api.deleteCatalog(m, id, entry.baseVersion));
    case 'category.save':
      return versioned(
        'categories',
        await api.saveCategory(m, entry.baseVersion, { ...(entry.payload as OutboxPayload<'category.save'>), id }),
      );
    case 'category.delete':
      return deleted(await api.deleteCategory(m, id, entry.baseVersion));
    case 'catalogItem.save':
      return versioned(
        'catalogitems',
        await api.saveCatalogItem(m, entry.baseVersion, { ...(entry.payload as OutboxPayload<'catalogItem.save'>), id }),
      );
    case 'catalogItem.delete':
      return deleted(await api.deleteCatalogItem(m, id, entry.baseVersion));
    case 'customer.update':
      return versioned(
        'customers',
        await api.updateCustomer(m, entry.baseVersion, { ...(entry.payload as OutboxPayload<'customer.update'>), id }),
      );
    case 'bill.transition': {
      const p = entry.payload as OutboxPayload<'bill.transition'>;
      const answer = await api.transitionBill(m, id, p.fromstatus, p.tostatus, p.note);
      if (answer.status === 'conflict')
        return {
          kind: 'conflict',
          remote: answer.bill,
          message: `The bill is ${answer.bill.status} on the site, no longer ${p.fromstatus}.`,
        };
      return { kind: 'applied', serverId: id, records: [{ entity: 'bills', record: answer.bill }] };
    }
    case 'bill.payment': {
      const answer = await api.recordPayment(m, id, entry.payload as OutboxPayload<'bill.payment'>);
      return { kind: 'applied', serverId: id, records: [{ entity: 'bills', record: answer.bill }] };
    }
    case 'bill.refund': {
      const answer = await api.recordRefund(m, id, entry.payload as OutboxPayload<'bill.refund'>);
      return { kind: 'applied', serverId: id, records: [{ entity: 'bills', record: answer.bill }] };
    }
    case 'bill.lettering': {
      const answer = await api.setBillLettering(m, id, (entry.payload as OutboxPayload<'bill.lettering'>).idnumber);
      return { kind: 'applied', serverId: id, records: [{ entity: 'bills', record: answer.bill }] };
    }
    case 'bill.production': {
      const answer = await api.recordProduction(m, { billid: id, ...(entry.payload as OutboxPayload<'bill.production'>) });
      return { kind: 'applied', serverId: id, records: [{ entity: 'bills', record: answer.bill }] };
    }
    default:
      return assertNever(entry.kind, 'outbox kind');
  }
}
