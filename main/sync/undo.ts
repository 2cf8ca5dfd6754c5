import { refusal } from '../../shared/errors/error-text';
import type { ErrorTextKey } from '../../shared/errors/texts';
import type { UndoReason } from '../../shared/contract/sync';
import { matchCode } from '../../shared/lettering/match-code';
import type { Db } from '../db/open';
import { oneValue } from '../db/single-value';
import { unmatch } from '../lettering/matches';
import { damageReason, isSending, toEntry, type OutboxEntry } from './outbox';
import type { OutboxPayload } from './outbox-kinds';

/**
 * Undo of a change that waits in the outbox, until it is sent. Every local effect of a change is either the
 * outbox entry itself (the reads lay the outbox over the server's copy: bills, customers, catalogs) or, for a
 * lettering, the match that queued it; so undoing drops the entry, or undoes the match, and the records show
 * exactly what they showed before.
 *
 * A change is undone with the later changes of the same record, which were checked against it and made over
 * it (a state change after a payment, a second edit of a product sending the whole record): keeping them
 * would send the shop something the operator never saw. What cannot be taken back is refused with its reason
 * (undoReasonSchema): a change on its way or maybe already received, a production record (Moodle already did
 * it), the removal of a lettering (match again instead), or a change a lettering or production record needs.
 */

export type UndoPlan =
  /** `alsoUndoes`: how many later changes of the record go with it. */
  { possible: true; alsoUndoes: number; matchId: number | null } | { possible: false; reason: UndoReason };

type OutboxRow = Parameters<typeof toEntry>[0];

/**
 * The changes of the record queued after this one: how many, and whether a lettering or a production record is
 * among them. Counted in SQL: a record edited a thousand times offline is listed a hundred entries at a time.
 */
function followersOf(db: Db, entry: OutboxEntry): { count: number; dependent: boolean } {
  const row = db
    .prepare<[string, number, number], { count: number; dependent: number }>(
      `SELECT count(*) AS count, coalesce(max(kind IN ('bill.production', 'bill.lettering')), 0) AS dependent
       FROM outbox WHERE entity = ? AND entity_id = ? AND seq > ?`,
    )
    .get(entry.entity, entry.entityId, entry.seq)!; // an aggregate: always one row
  return { count: row.count, dependent: row.dependent === 1 };
}

/** The match whose close queued this lettering, still closed. */
function matchOf(db: Db, entry: OutboxEntry): number | null {
  const idnumber = (entry.payload as OutboxPayload<'bill.lettering'>).idnumber;
  return (
    db
      .prepare<[number, string], number>(
        `SELECT m.id FROM lettering_match m JOIN lettering_link l ON l.match_id = m.id
         WHERE l.bill_id = ? AND l.lettering = ? AND m.state = 'closed' ORDER BY m.id DESC LIMIT 1`,
      )
      .pluck()
      .get(entry.entityId, idnumber) ?? null
  );
}

/** Fields through which another queued change may name a record created here (see catalog-edits forgetLocal). */
const NAMING_FIELDS: Partial<Record<string, string[]>> = {
  catalogs: ['catalogid', 'groupid'],
  categories: ['categoryid', 'parentid'],
  catalogitems: ['setid'],
};

function namedByOthers(db: Db, entry: OutboxEntry): boolean {
  const fields = NAMING_FIELDS[entry.entity];
  if (!fields || entry.entityId >= 0) return false;
  const named = db
    .prepare<unknown[], number>(
      `SELECT count(*) FROM outbox WHERE NOT (entity = ? AND entity_id = ?)
         AND (${fields.map((f) => `json_extract(payload, '$.${f}') = ?`).join(' OR ')})`,
    )
    .pluck()
    .get(entry.entity, entry.entityId, ...fields.map(() => entry.entityId));
  return oneValue(named) > 0;
}

/** Whether this entry can be undone now, and what goes with it. */
export function planUndo(db: Db, entry: OutboxEntry): UndoPlan {
  if (entry.state !== 'pending') return { possible: false, reason: 'notPending' };
  if (isSending(db, entry.seq)) return { possible: false, reason: 'sending' };
  // Tried once without an answer (a timeout, a dropped connection): the shop may have applied it.
  if (entry.attempts > 0) return { possible: false, reason: 'tried' };
  if (entry.kind === 'bill.production') return { possible: false, reason: 'production' };
  const lettering = entry.kind === 'bill.lettering' ? (entry.payload as OutboxPayload<'bill.lettering'>).idnumber : null;
  if (lettering === '') return { possible: false, reason: 'unlettering' };
  const followers = followersOf(db, entry);
  // A lettering or a production record checked against this change would be left without it.
  if (followers.dependent) return { possible: false, reason: 'dependent' };
  // A record created here goes with all its changes; refused while another record's change names it.
  if (entry.entityId < 0 && namedByOthers(db, entry)) return { possible: false, reason: 'dependent' };
  const matchId = lettering !== null ? matchOf(db, entry) : null;
  return { possible: true, alsoUndoes: followers.count, matchId };
}

/** For outbox.list: the plan in the contract's words. */
export function undoView(
  db: Db,
  entry: OutboxEntry,
): { possible: boolean; reason: UndoReason | null; alsoUndoes: number; match: string | null } {
  const plan = planUndo(db, entry);
  if (!plan.possible) return { possible: false, reason: plan.reason, alsoUndoes: 0, match: null };
  return { possible: true, reason: null, alsoUndoes: plan.alsoUndoes, match: plan.matchId === null ? null : matchCode(plan.matchId) };
}

/** Why a change cannot be undone, as the refusal's text (shared/errors/texts-site.ts). */
const REFUSALS = {
  sending: 'undo.sending',
  tried: 'undo.tried',
  notPending: 'undo.notPending',
  production: 'undo.production',
  unlettering: 'undo.unlettering',
  dependent: 'undo.dependent',
} as const satisfies Record<UndoReason, ErrorTextKey>;

export interface UndoResult {
  /** The outbox entries dropped. */
  undone: number[];
  /** Entities whose records changed back, for the windows to refresh. */
  entities: Set<string>;
  billIds: number[];
  /** A lettering was undone with its match. */
  lettering: boolean;
}

/**
 * Undoes the changes asked for, all or none, in one transaction: an entry already gone (sent, or undone as
 * another's follower) is refused with outbox_entry_not_found unless it went with another one asked for here.
 */
export function undoChanges(db: Db, seqs: readonly number[], who: string): UndoResult {
  return db.transaction(() => {
    const before = new Set(db.prepare<[], number>('SELECT seq FROM outbox').pluck().all());
    const result: UndoResult = { undone: [], entities: new Set(), billIds: [], lettering: false };
    for (const seq of [...new Set(seqs)].sort((a, b) => a - b)) {
      const row = db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE seq = ?').get(seq);
      // Gone in this transaction: undone with an earlier change of its record, asked for here too.
      if (!row && before.has(seq)) continue;
      if (!row) throw refusal('outbox_entry_not_found', 'outbox.notWaiting', {}, { seq });
      const entry = toEntry(row);
      if ('damaged' in entry) throw refusal('outbox_damaged', 'outbox.unreadableUndo', { reason: damageReason(entry) });
      const plan = planUndo(db, entry);
      if (!plan.possible) throw refusal('outbox_not_undoable', REFUSALS[plan.reason], {}, { seq, reason: plan.reason });
      result.entities.add(entry.entity);
      if (entry.entity === 'bills') result.billIds.push(entry.entityId);
      if (plan.matchId !== null) {
        // The match goes, and with it the letterings it queued (unmatch drops those not sent yet).
        result.billIds.push(...unmatch(db, plan.matchId, 'Undone from the outbox', who));
        result.lettering = true;
      } else {
        db.prepare('DELETE FROM outbox WHERE entity = ? AND entity_id = ? AND seq >= ?').run(entry.entity, entry.entityId, entry.seq);
      }
    }
    // What the operator saw when making a catalog change is kept per entry (edit-queue.ts): no use any more.
    db.prepare('DELETE FROM catalog_edit_base WHERE mutation_id NOT IN (SELECT mutation_id FROM outbox)').run();
    const after = new Set(db.prepare<[], number>('SELECT seq FROM outbox').pluck().all());
    result.undone = [...before].filter((s) => !after.has(s));
    result.billIds = [...new Set(result.billIds)];
    return result;
  })();
}
