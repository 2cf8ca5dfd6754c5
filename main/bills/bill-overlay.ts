import type { BillStatus } from '../../shared/bills/bill-status';
import { cachedStatement } from '../db/cached-statement';
import type { Db, ReadableDb } from '../db/open';
import { oneValue } from '../db/single-value';
import { toEntry, type OutboxEntry, type OutboxState } from '../sync/outbox';

/**
 * Bills as the operator sees them: the server's copy with the changes still in the outbox laid over it, the
 * way the shop will apply them (docs/shop-api.md), so a transition or a payment shows at once and the
 * server's copy stays untouched until the shop acknowledges. Parked and conflicting changes still show,
 * marked, until the operator retries or discards them (as main/sync/overlay.ts does for other records).
 *
 * The bills with changes are few (what the operator did since the last push), so their overlaid values are
 * kept in a TEMP table, per connection and outside the cache file, that the list queries join; it is
 * recomputed only when the database changed since it was last computed.
 */

export interface BillState {
  status: BillStatus;
  paidcents: number;
  amountcents: number;
  paymode: string;
  idnumber: string;
  /** The bill went through PREPROD: it is produced, so paying it in full completes it. */
  produced: boolean;
}

export interface PendingMark {
  kind: string;
  state: OutboxState;
}

/** Replays a bill's outbox entries, oldest first, over its server state. */
export function applyPending(server: BillState, entries: readonly OutboxEntry[]): BillState & { pending: PendingMark | null } {
  const bill = { ...server, produced: server.produced || server.status === 'PREPROD' };
  for (const entry of entries) {
    switch (entry.kind) {
      case 'bill.transition': {
        const { tostatus } = entry.payload as { tostatus: BillStatus };
        bill.status = tostatus;
        if (tostatus === 'PREPROD') bill.produced = true;
        break;
      }
      case 'bill.payment': {
        const { amountcents, paymode } = entry.payload as { amountcents: number; paymode: string };
        bill.paidcents += amountcents;
        bill.paymode = paymode;
        bill.status = statusAfterPayment(bill);
        break;
      }
      case 'bill.lettering':
        bill.idnumber = (entry.payload as { idnumber: string }).idnumber;
        break;
      case 'bill.refund':
        // Until the shop issues the credit note, the bill shows as money owed back: PAYBACK. The shop then
        // cancels it, or brings it back to paid when only part was credited.
        bill.status = 'PAYBACK';
        break;
      default:
        // Production records products and feedback: nothing the bills table shows.
        break;
    }
  }
  const latest = entries.at(-1);
  return { ...bill, pending: latest ? { kind: latest.kind, state: latest.state } : null };
}

/**
 * local_shopbackoffice_record_payment: the status follows the amounts. Part paid: PARTIAL; fully paid: SOLDOUT, or
 * COMPLETE when the bill was already produced (it is, or was, PREPROD).
 */
export function statusAfterPayment(bill: Pick<BillState, 'paidcents' | 'amountcents' | 'produced'>): BillStatus {
  if (bill.paidcents < bill.amountcents) return 'PARTIAL';
  return bill.produced ? 'COMPLETE' : 'SOLDOUT';
}

type OutboxRow = Parameters<typeof toEntry>[0];

/** The outbox entries of each bill that has some, oldest first; unreadable entries are the outbox's to report. */
export function pendingBillEntries(db: ReadableDb, billIds?: readonly number[]): Map<number, OutboxEntry[]> {
  const rows = billIds
    ? cachedStatement<OutboxRow>(
        db,
        "SELECT * FROM outbox WHERE entity = 'bills' AND entity_id IN (SELECT value FROM json_each(?)) ORDER BY seq",
      ).all(JSON.stringify(billIds))
    : cachedStatement<OutboxRow>(db, "SELECT * FROM outbox WHERE entity = 'bills' ORDER BY seq").all();
  const byBill = new Map<number, OutboxEntry[]>();
  for (const row of rows) {
    const entry = toEntry(row);
    if ('damaged' in entry) continue;
    byBill.set(entry.entityId, [...(byBill.get(entry.entityId) ?? []), entry]);
  }
  return byBill;
}

/** The server state of bills, as applyPending needs it. */
export function serverStates(db: ReadableDb, billIds: readonly number[]): Map<number, BillState> {
  const rows = cachedStatement<Omit<BillState, 'produced'> & { id: number; produced: number }>(
    db,
    `SELECT b.id, b.status, b.paidcents, b.amountcents, b.paymode, b.idnumber,
            EXISTS (SELECT 1 FROM bill_history h WHERE h.billid = b.id AND 'PREPROD' IN (h.fromstatus, h.tostatus)) AS produced
     FROM bill b WHERE b.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(billIds));
  return new Map(rows.map(({ id, produced, ...state }) => [id, { ...state, produced: produced === 1 }]));
}

/** One bill as the operator sees it, or null when the cache does not have it. */
export function overlaidState(db: Db, billId: number): (BillState & { pending: PendingMark | null }) | null {
  const server = serverStates(db, [billId]).get(billId);
  if (!server) return null;
  return applyPending(server, pendingBillEntries(db, [billId]).get(billId) ?? []);
}

/**
 * What identifies the database's content for this connection: PRAGMA data_version moves when another
 * connection commits, total_changes() with every row this one writes (triggers included). Anything derived
 * from the data and stamped with this key is still right while the key is the same.
 */
export function dataKey(db: ReadableDb): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = oneValue(cachedStatement<number>(db, 'SELECT total_changes()', 'pluck').get());
  return `${version}:${changes}`;
}

const overlayKeys = new WeakMap<ReadableDb, { key: string; fingerprint: string }>();

/**
 * What the overlay is computed from, exactly: each queued bill change and its state, and the version of the
 * server's copy of its bill (which the shop moves on every write). A sync page that touches none of them
 * leaves it as it was, and the overlay need not be computed again.
 */
function overlayFingerprint(db: ReadableDb): string {
  return oneValue(
    cachedStatement<string>(
      db,
      `SELECT coalesce(group_concat(o.seq || ':' || o.state || ':' || coalesce(b.version, 'gone'), ','), '')
     FROM (SELECT seq, state, entity_id FROM outbox WHERE entity = 'bills' ORDER BY seq) o LEFT JOIN bill b ON b.id = o.entity_id`,
      'pluck',
    ).get(),
  );
}

/**
 * Makes temp.bill_overlay hold the overlaid values of every bill with outbox entries, and returns the data key
 * it was computed at (after its own writes, which move total_changes()).
 */
export function freshBillOverlay(db: ReadableDb): string {
  const key = dataKey(db);
  const known = overlayKeys.get(db);
  if (known?.key === key) return key;
  const fingerprint = overlayFingerprint(db);
  if (known?.fingerprint === fingerprint) {
    overlayKeys.set(db, { key, fingerprint });
    return key;
  }
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS bill_overlay (
    billid INTEGER PRIMARY KEY, status TEXT NOT NULL, paidcents INTEGER NOT NULL, paymode TEXT NOT NULL,
    idnumber TEXT NOT NULL, kind TEXT NOT NULL, state TEXT NOT NULL) STRICT`);
  const entries = pendingBillEntries(db);
  const servers = serverStates(db, [...entries.keys()]);
  const had = oneValue(cachedStatement<number>(db, 'SELECT count(*) FROM temp.bill_overlay', 'pluck').get());
  if (had > 0 || entries.size > 0) {
    const insert = cachedStatement(db, 'INSERT INTO temp.bill_overlay VALUES (?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      cachedStatement(db, 'DELETE FROM temp.bill_overlay').run();
      for (const [id, list] of entries) {
        const server = servers.get(id);
        if (!server) continue;
        const bill = applyPending(server, list);
        insert.run(id, bill.status, bill.paidcents, bill.paymode, bill.idnumber, bill.pending!.kind, bill.pending!.state);
      }
    })();
  }
  const after = dataKey(db);
  overlayKeys.set(db, { key: after, fingerprint });
  return after;
}
