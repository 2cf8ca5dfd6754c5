import { randomUUID } from 'node:crypto';
import { cachedStatement } from '../db/cached-statement';
import type { Db, ReadableDb } from '../db/open';
import type { OutboxTableRow } from '../db/tables';
import type { AppError } from '../../shared/contract';
import { coded, errorTextOf, refusal, type ErrorTextDetails, type TextValue } from '../../shared/errors/error-text';
import type { SyncEntity } from '../shop-api/sync-entities';
import { isOutboxKind, outboxKinds, type OutboxKind, type OutboxPayload } from './outbox-kinds';

export type OutboxState = 'pending' | 'parked' | 'conflict';

export interface OutboxEntry<K extends OutboxKind = OutboxKind> {
  seq: number;
  mutationId: string;
  kind: K;
  entity: SyncEntity;
  entityId: number;
  baseVersion: number;
  payload: OutboxPayload<K>;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  errorCode: string | null;
  errorMessage: string | null;
  /** The reason's text key and values, for a window to word it in its language; null when it has none. */
  errorText: ErrorTextDetails | null;
  /** The server's record when the entry is a conflict: the "theirs" of base / mine / theirs. */
  remote: unknown;
  createdAt: number;
}

/** A row of the outbox, its state one this module writes. */
type OutboxRow = Omit<OutboxTableRow, 'state'> & { state: OutboxState };

/**
 * Queues a local change. Call it inside the transaction that makes the change, so that the two are written
 * together or not at all. The mutation id is made here, once: every retry of this entry sends the same one,
 * and the shop applies it once.
 */
export function enqueue<K extends OutboxKind>(
  db: Db,
  change: { kind: K; entityId: number; baseVersion: number; payload: OutboxPayload<K> },
): OutboxEntry<K> {
  const spec = outboxKinds[change.kind];
  const payload = spec.payload.parse(change.payload) as OutboxPayload<K>;
  const row = db
    .prepare<[string, string, string, number, number, string, number], OutboxRow>(
      `INSERT INTO outbox (mutation_id, kind, entity, entity_id, base_version, payload, state, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', ?) RETURNING *`,
    )
    .get(
      randomUUID().replace(/-/g, ''),
      change.kind,
      spec.entity,
      change.entityId,
      change.baseVersion,
      JSON.stringify(payload),
      Date.now(),
    )!; // RETURNING: the row inserted is there
  return toEntry(row) as OutboxEntry<K>;
}

/**
 * A row that cannot be read back as its kind: reported with its stored state, to be discarded. `damaged` says
 * why in English, `cause` and `kind` let a window say it in its language.
 */
export interface DamagedEntry {
  seq: number;
  state: OutboxState;
  damaged: string;
  cause: 'unknownKind' | 'notJson' | 'notItsKind';
  kind: string;
}

/** An entry as stored, checked against its kind's schema; a damaged one is reported, not thrown. */
export function toEntry(row: OutboxRow): OutboxEntry | DamagedEntry {
  const damaged = (cause: DamagedEntry['cause'], why: string): DamagedEntry => ({
    seq: row.seq,
    state: row.state,
    damaged: why,
    cause,
    kind: row.kind,
  });
  if (!isOutboxKind(row.kind)) return damaged('unknownKind', `unknown kind ${row.kind}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.payload);
  } catch {
    return damaged('notJson', 'payload is not JSON');
  }
  const payload = outboxKinds[row.kind].payload.safeParse(parsed);
  if (!payload.success) return damaged('notItsKind', `payload does not match ${row.kind}`);
  return {
    seq: row.seq,
    mutationId: row.mutation_id,
    kind: row.kind,
    entity: row.entity as SyncEntity,
    entityId: row.entity_id,
    baseVersion: row.base_version,
    payload: payload.data,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    errorText: storedText(row.error_text),
    remote: row.remote === null ? null : (JSON.parse(row.remote) as unknown),
    createdAt: row.created_at,
  };
}

/**
 * The entries to send now, oldest first: pending, due, and heading their record's queue. A record's later
 * changes wait behind an earlier one that is postponed, parked or in conflict: sending them first would
 * reorder edits.
 */
export function dueEntries(db: Db, now: number): (OutboxEntry | DamagedEntry)[] {
  const rows = db
    .prepare<[number], OutboxRow>(
      `SELECT * FROM outbox o
       WHERE o.state = 'pending' AND o.next_attempt_at <= ?
         AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.entity = o.entity AND e.entity_id = o.entity_id AND e.seq < o.seq)
       ORDER BY o.seq`,
    )
    .all(now);
  return rows.map(toEntry);
}

export function listEntries(db: ReadableDb, state?: OutboxState): (OutboxEntry | DamagedEntry)[] {
  const rows = state
    ? db.prepare<[OutboxState], OutboxRow>('SELECT * FROM outbox WHERE state = ? ORDER BY seq').all(state)
    : db.prepare<[], OutboxRow>('SELECT * FROM outbox ORDER BY seq').all();
  return rows.map(toEntry);
}

/**
 * The oldest `limit` entries of each state (or of one state), in order: what the Sync workspace shows. An
 * outbox that grew offline holds thousands, and the workspace reads it again on every outbox.changed.
 */
export function listEntriesPerState(db: Db, limit: number, state?: OutboxState): (OutboxEntry | DamagedEntry)[] {
  // One ordered read per state, each stopping at the limit (outbox_state: migration 0080).
  const states = state ? [state] : (['pending', 'parked', 'conflict'] as const);
  const rows = states.flatMap((s) =>
    cachedStatement<OutboxRow>(db, 'SELECT * FROM outbox INDEXED BY outbox_state WHERE state = ? ORDER BY seq LIMIT ?').all(s, limit),
  );
  return rows.sort((a, b) => a.seq - b.seq).map(toEntry);
}

export function outboxCounts(db: Db): Record<OutboxState, number> {
  const counts: Record<OutboxState, number> = { pending: 0, parked: 0, conflict: 0 };
  for (const row of db.prepare<[], { state: OutboxState; n: number }>('SELECT state, count(*) AS n FROM outbox GROUP BY state').all())
    counts[row.state] = row.n;
  return counts;
}

export function acknowledge(db: Db, seq: number): void {
  db.prepare('DELETE FROM outbox WHERE seq = ?').run(seq);
}

/** Why a damaged entry cannot be read back, as a value of a text: the window words it from its cause. */
export function damageReason(entry: DamagedEntry): TextValue {
  return coded('outboxDamage', [{ code: entry.cause, message: entry.damaged, params: { kind: entry.kind } }]);
}

/** What a damaged entry is parked and listed with: it cannot be sent, only discarded and made again. */
export function damagedRefusal(entry: DamagedEntry): AppError {
  return refusal('outbox_damaged', 'outbox.damaged', { reason: damageReason(entry) });
}

/** Why an entry waits: its code, the English message, and the text a window words in its own language. */
export interface OutboxReason {
  code: string;
  message: string;
  text?: ErrorTextDetails | null;
}

export function park(db: Db, seq: number, state: 'parked' | 'conflict', error: OutboxReason, remote?: unknown): void {
  db.prepare(
    'UPDATE outbox SET state = ?, attempts = attempts + 1, error_code = ?, error_message = ?, error_text = ?, remote = ? WHERE seq = ?',
  ).run(
    state,
    error.code,
    error.message,
    error.text ? JSON.stringify(error.text) : null,
    remote === undefined ? null : JSON.stringify(remote),
    seq,
  );
}

/** A stored text, checked as when it travelled: one this version cannot word is dropped (the English stays). */
function storedText(json: string | null): ErrorTextDetails | null {
  if (json === null) return null;
  try {
    return errorTextOf({ text: JSON.parse(json) as unknown });
  } catch {
    return null;
  }
}

export function postpone(db: Db, seq: number, until: number, error: OutboxReason): void {
  db.prepare(
    'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, error_code = ?, error_message = ?, error_text = ? WHERE seq = ?',
  ).run(until, error.code, error.message, error.text ? JSON.stringify(error.text) : null, seq);
}

/**
 * The operator asks to try a parked entry again (after fixing the cause on the site, say). A conflict is
 * retried as "mine wins": it is sent again on the version the shop reported with the conflict, not on its
 * stale base (which the shop would refuse again), and so are the later changes of the record made over it.
 */
export function retryEntry(db: Db, seq: number): boolean {
  return db.transaction(() => {
    const row = db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE seq = ?').get(seq);
    if (!row) return false;
    const current = row.state === 'conflict' ? remoteVersion(row.remote) : null;
    if (current !== null) rebaseRecord(db, row, current);
    return (
      db
        .prepare(
          "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = 0, error_code = NULL, error_message = NULL, error_text = NULL, remote = NULL WHERE seq = ?",
        )
        .run(seq).changes === 1
    );
  })();
}

function remoteVersion(remote: string | null): number | null {
  if (remote === null) return null;
  try {
    const version = (JSON.parse(remote) as { version?: unknown } | null)?.version;
    return typeof version === 'number' ? version : null;
  } catch {
    return null;
  }
}

/** The entry and the later entries of its record that were based on the same stale version move to `version`. */
function rebaseRecord(db: Db, row: OutboxRow, version: number): void {
  db.prepare('UPDATE outbox SET base_version = ? WHERE entity = ? AND entity_id = ? AND seq >= ? AND base_version = ?').run(
    version,
    row.entity,
    row.entity_id,
    row.seq,
    row.base_version,
  );
}

/**
 * A conflict the operator resolved: the entry takes the settled change (same mutation id, same place in the
 * queue) on the version the site has now, and is pending again. Call it in the transaction that resolves.
 */
export function requeueResolved<K extends OutboxKind>(
  db: Db,
  seq: number,
  change: { kind: K; payload: OutboxPayload<K>; baseVersion: number },
): boolean {
  const payload = outboxKinds[change.kind].payload.parse(change.payload);
  return (
    db
      .prepare(
        `UPDATE outbox SET kind = ?, payload = ?, base_version = ?, state = 'pending', attempts = 0, next_attempt_at = 0,
           error_code = NULL, error_message = NULL, error_text = NULL, remote = NULL WHERE seq = ? AND state = 'conflict'`,
      )
      .run(change.kind, JSON.stringify(payload), change.baseVersion, seq).changes === 1
  );
}

/** The operator gives up a change. Later changes to the same record are no longer held behind it. */
export function discardEntry(db: Db, seq: number): boolean {
  return db.prepare('DELETE FROM outbox WHERE seq = ?').run(seq).changes === 1;
}

/**
 * The entry being sent right now, per connection: from the moment its request leaves until the shop's answer is
 * written. Undo refuses it (the shop may apply it whatever the cache says), and leaves every other one alone:
 * a change not yet sent can be undone even while the sync sends the ones before it.
 */
const sendingNow = new WeakMap<Db, number>();

export function markSending(db: Db, seq: number | null): void {
  if (seq === null) sendingNow.delete(db);
  else sendingNow.set(db, seq);
}

export function isSending(db: Db, seq: number): boolean {
  return sendingNow.get(db) === seq;
}
