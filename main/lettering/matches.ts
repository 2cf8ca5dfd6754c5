import { AppError } from '../../shared/contract';
import type { MatchRule, MatchView, Suggestion } from '../../shared/contract/lettering';
import { matchCode } from '../../shared/lettering/match-code';
import { overlaidState, pendingBillEntries } from '../bills/bill-overlay';
import { cachedStatement } from '../db/cached-statement';
import type { Db } from '../db/open';
import type { BillTableRow, LetteringInvoiceTableRow, LetteringLinkTableRow, LetteringMatchTableRow, OutboxTableRow } from '../db/tables';
import { oneValue } from '../db/single-value';
import { discardEntry, enqueue, isSending, type OutboxState } from '../sync/outbox';
import { writeLog } from './lettering-log';
import { AWAITING_PAYMENT_STATUSES, LETTERABLE_STATUSES, WAITING_MATCHES, type WaitingMatchRow } from './open-items';
import { refusal } from '../../shared/errors/error-text';

const isPaid = (status: string) => (LETTERABLE_STATUSES as readonly string[]).includes(status);
const isAwaitingPayment = (status: string) => (AWAITING_PAYMENT_STATUSES as readonly string[]).includes(status);

export interface MatchRequest {
  bills: { id: number; allocatedCents?: number | undefined }[];
  invoices: { id: number; allocatedCents?: number | undefined }[];
  toleranceCents: number;
  rule: MatchRule;
}

const MAX_IDNUMBER = 64;

/**
 * The lettering each bill of a closed match receives: the invoice number, or the numbers joined with "+" when
 * one bill became several invoices. The shop keeps idnumber unique across bills, so when several bills became
 * one invoice each carries the number with "/1", "/2"… in bill id order.
 */
export function letteringsFor(billIds: readonly number[], references: readonly string[]): Map<number, string> {
  const refs = [...references].sort();
  const sorted = [...billIds].sort((a, b) => a - b);
  // Room left for the "/k" suffix; past it, the first number and how many others ("FA-1+2").
  const room = sorted.length > 1 ? MAX_IDNUMBER - 1 - String(sorted.length).length : MAX_IDNUMBER;
  let base = refs.join('+');
  if (base.length > room) {
    const more = refs.length > 1 ? `+${refs.length - 1}` : '';
    base = `${refs[0]!.slice(0, room - more.length)}${more}`;
  }
  return new Map(sorted.map((id, k) => [id, sorted.length === 1 ? base : `${base}/${k + 1}`]));
}

/**
 * Who holds a lettering, as the operator sees it: the server's copy with queued letterings over it. Built
 * once per batch and kept up to date as the batch letters bills, so accepting ten thousand suggestions does
 * not recompute the overlay ten thousand times.
 */
class LetteringHolders {
  private readonly pending = new Map<number, string>();
  private readonly pendingByValue = new Map<string, number>();
  private readonly serverHolder;

  constructor(private readonly db: Db) {
    for (const [billId, entries] of pendingBillEntries(db)) {
      const last = entries.filter((e) => e.kind === 'bill.lettering').at(-1);
      if (last) this.set(billId, (last.payload as { idnumber: string }).idnumber);
    }
    this.serverHolder = db.prepare<[string, number], number>('SELECT id FROM bill WHERE idnumber = ? AND id <> ?').pluck();
  }

  set(billId: number, idnumber: string): void {
    const before = this.pending.get(billId);
    if (before !== undefined && this.pendingByValue.get(before) === billId) this.pendingByValue.delete(before);
    this.pending.set(billId, idnumber);
    if (idnumber !== '') this.pendingByValue.set(idnumber, billId);
  }

  /** Another bill that has this lettering (here or on the shop), or null. */
  holder(idnumber: string, billId: number): number | null {
    const local = this.pendingByValue.get(idnumber);
    if (local !== undefined && local !== billId) return local;
    for (const id of this.serverHolder.all(idnumber, billId)) {
      // Its lettering on the shop is about to change: it no longer holds this one.
      const queued = this.pending.get(id);
      if (queued === undefined || queued === idnumber) return id;
    }
    return null;
  }
}

/** A bill as the operator sees it (status and idnumber with queued changes over them), and what is left to match. */
type BillFacts = Pick<BillTableRow, 'id' | 'status' | 'idnumber' | 'version' | 'currency' | 'amountcents'> & { remaining: number };

function allocatedOf(db: Db, side: 'bill_id' | 'invoice_id', id: number): number {
  return oneValue(
    db
      .prepare<[number], number>(
        `SELECT coalesce(sum(l.allocated_cents), 0) FROM lettering_link l JOIN lettering_match m ON m.id = l.match_id AND m.state <> 'undone' WHERE l.${side} = ?`,
      )
      .pluck()
      .get(id),
  );
}

function billFacts(db: Db, id: number): BillFacts {
  const state = overlaidState(db, id);
  const row = cachedStatement<Pick<BillTableRow, 'version' | 'currency' | 'amountcents'>>(
    db,
    'SELECT version, currency, amountcents FROM bill WHERE id = ?',
  ).get(id);
  if (!state || !row) throw refusal('lettering_item_not_open', 'lettering.billNotInCache', { id }, { billId: id });
  return { id, status: state.status, idnumber: state.idnumber, ...row, remaining: row.amountcents - allocatedOf(db, 'bill_id', id) };
}

/** Same sign as the remaining amount and not past it (credit notes are negative). */
function allocationFits(allocated: number, remaining: number): boolean {
  return allocated !== 0 && Math.sign(allocated) === Math.sign(remaining) && Math.abs(allocated) <= Math.abs(remaining);
}

/**
 * Records one match, checked against the items as they are now, in the caller's transaction. When it balances
 * (to the cent, or within its tolerance) it closes: each bill's lettering is queued for the shop in the same
 * transaction, after checking that no other bill has it. Everything is checked before anything is written.
 *
 * A bill not paid yet but awaiting its payment (an invoice issued first) may be matched: the shop letters only
 * paid bills, so a match that balances with such a bill stays open, waiting, with nothing queued, and closes
 * once a sync brings the bill paid (closeWaitingMatches). Another state (a cart, cancelled, refunded) is refused.
 */
function recordMatch(db: Db, request: MatchRequest, who: string, holders: LetteringHolders): number {
  const bills = request.bills.map((b) => {
    const facts = billFacts(db, b.id);
    const lettered = request.rule === 'lettered' && facts.idnumber !== '';
    if (!lettered && facts.idnumber !== '')
      throw refusal(
        'lettering_item_not_open',
        'lettering.billLettered',
        { id: b.id, lettering: facts.idnumber },
        {
          billId: b.id,
        },
      );
    // A bill that already has its lettering needs nothing sent: its state does not matter.
    if (!lettered && !isPaid(facts.status) && !isAwaitingPayment(facts.status))
      throw refusal(
        'lettering_bill_not_paid',
        'lettering.billNotPaid',
        {
          id: b.id,
          status: { status: facts.status },
          letterable: { statuses: LETTERABLE_STATUSES },
          awaiting: { statuses: AWAITING_PAYMENT_STATUSES },
        },
        { billId: b.id, status: facts.status },
      );
    const allocated = b.allocatedCents ?? facts.remaining;
    if (!allocationFits(allocated, facts.remaining))
      throw refusal(
        'lettering_over_allocated',
        'lettering.billOverAllocated',
        {
          id: b.id,
          remaining: { cents: facts.remaining, currency: facts.currency },
          allocated: { cents: allocated, currency: facts.currency },
        },
        { billId: b.id, remainingCents: facts.remaining },
      );
    return { ...facts, allocated, lettered, waits: !lettered && !isPaid(facts.status) };
  });
  const invoices = request.invoices.map((i) => {
    const row = cachedStatement(db, 'SELECT id, reference, amountcents, currency FROM lettering_invoice WHERE id = ?').get(i.id) as
      Pick<LetteringInvoiceTableRow, 'id' | 'reference' | 'amountcents' | 'currency'> | undefined;
    if (!row)
      throw refusal(
        'lettering_item_not_open',
        'lettering.invoiceNotImported',
        { id: i.id },
        {
          invoiceId: i.id,
        },
      );
    const remaining = row.amountcents - allocatedOf(db, 'invoice_id', i.id);
    const allocated = i.allocatedCents ?? remaining;
    if (!allocationFits(allocated, remaining))
      throw refusal(
        'lettering_over_allocated',
        'lettering.invoiceOverAllocated',
        {
          reference: row.reference,
          remaining: { cents: remaining, currency: row.currency },
          allocated: { cents: allocated, currency: row.currency },
        },
        { invoiceId: i.id, remainingCents: remaining },
      );
    return { ...row, allocated };
  });
  if (new Set(bills.map((b) => b.id)).size !== bills.length || new Set(invoices.map((i) => i.id)).size !== invoices.length)
    throw refusal('lettering_item_not_open', 'lettering.namedTwice', {});
  const currencies = new Set([...bills.map((b) => b.currency), ...invoices.map((i) => i.currency)]);
  if (currencies.size > 1)
    throw refusal(
      'lettering_currency_mismatch',
      'lettering.currencies',
      { currencies: [...currencies].join(' / ') },
      { currencies: [...currencies] },
    );
  const currency = [...currencies][0]!;
  const balance = bills.reduce((s, b) => s + b.allocated, 0) - invoices.reduce((s, i) => s + i.allocated, 0);
  const balanced = Math.abs(balance) <= request.toleranceCents;
  // Balanced, but a bill is not paid yet: the match waits for the payment, open, with nothing sent.
  const closed = balanced && !bills.some((b) => b.waits);

  const letterings = balanced
    ? letteringsFor(
        bills.map((b) => b.id),
        invoices.map((i) => i.reference),
      )
    : new Map<number, string>();
  // Checked for a waiting match too: a number another bill holds would keep it waiting for ever.
  if (balanced) {
    for (const bill of bills) {
      if (bill.lettered) continue;
      const value = letterings.get(bill.id)!;
      const holder = holders.holder(value, bill.id);
      if (holder !== null)
        throw refusal(
          'lettering_taken',
          'lettering.taken',
          { holder, lettering: value },
          { billId: bill.id, holderId: holder, idnumber: value },
        );
    }
  }

  const now = Math.floor(Date.now() / 1000);
  const matchId = oneValue(
    cachedStatement<number>(
      db,
      `INSERT INTO lettering_match (state, rule, tolerance_cents, currency, created_at, created_by, closed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      'pluck',
    ).get(closed ? 'closed' : 'open', request.rule, request.toleranceCents, currency, now, who, closed ? now : null),
  );
  const link = cachedStatement(
    db,
    'INSERT INTO lettering_link (match_id, bill_id, invoice_id, allocated_cents, lettering) VALUES (?, ?, ?, ?, ?)',
  );
  for (const bill of bills) {
    const value = closed && !bill.lettered ? letterings.get(bill.id)! : '';
    link.run(matchId, bill.id, null, bill.allocated, value);
    if (value !== '') {
      enqueue(db, { kind: 'bill.lettering', entityId: bill.id, baseVersion: bill.version, payload: { idnumber: value } });
      holders.set(bill.id, value);
    }
  }
  for (const inv of invoices) link.run(matchId, null, inv.id, inv.allocated, '');
  writeLog(db, who, matchId, {
    action: 'match',
    currency,
    rule: request.rule,
    bills: bills.map((b) => ({ id: b.id, cents: b.allocated })),
    invoices: invoices.map((i) => ({ reference: i.reference, cents: i.allocated })),
  });
  if (closed)
    writeLog(db, who, matchId, {
      action: 'close',
      currency,
      differenceCents: balance,
      toleranceCents: request.toleranceCents,
      letterings: [...letterings.values()],
    });
  return matchId;
}

/**
 * Closes the matches that wait for a payment (see recordMatch) whose bills are now all paid, as the operator
 * sees them: each bill's lettering is queued for the shop, and the close is logged. Run when a sync has brought
 * the bills' states; the next sync sends the letterings. A match whose number another bill took meanwhile, or
 * whose bill got another lettering, is left open for the operator to see. Returns the bills whose lettering was
 * queued.
 */
export function closeWaitingMatches(db: Db, who: string): number[] {
  return db.transaction(() => {
    const waiting = db.prepare<[], WaitingMatchRow>(WAITING_MATCHES).all();
    if (waiting.length === 0) return [];
    const holders = new LetteringHolders(db);
    const billLinks = db.prepare<
      [number],
      { id: NonNullable<LetteringLinkTableRow['bill_id']>; allocated: LetteringLinkTableRow['allocated_cents'] }
    >('SELECT bill_id AS id, allocated_cents AS allocated FROM lettering_link WHERE match_id = ? AND bill_id IS NOT NULL ORDER BY bill_id');
    const invoiceLinks = db.prepare<
      [number],
      Pick<LetteringInvoiceTableRow, 'reference'> & { allocated: LetteringLinkTableRow['allocated_cents'] }
    >(
      `SELECT i.reference, l.allocated_cents AS allocated FROM lettering_link l JOIN lettering_invoice i ON i.id = l.invoice_id
       WHERE l.match_id = ?`,
    );
    const queued: number[] = [];
    for (const match of waiting) {
      const bills = billLinks.all(match.id).map((b) => ({ ...b, state: overlaidState(db, b.id) }));
      if (bills.length === 0 || bills.some((b) => !b.state || !isPaid(b.state.status))) continue;
      const invoices = invoiceLinks.all(match.id);
      const letterings = letteringsFor(
        bills.map((b) => b.id),
        invoices.map((i) => i.reference),
      );
      // Its own lettering already there: nothing to send. Another one, or the number on another bill: left open.
      const toSend = bills.filter((b) => b.state!.idnumber !== letterings.get(b.id));
      if (toSend.some((b) => b.state!.idnumber !== '' || holders.holder(letterings.get(b.id)!, b.id) !== null)) continue;
      const now = Math.floor(Date.now() / 1000);
      db.prepare("UPDATE lettering_match SET state = 'closed', closed_at = ? WHERE id = ?").run(now, match.id);
      for (const bill of toSend) {
        const value = letterings.get(bill.id)!;
        db.prepare('UPDATE lettering_link SET lettering = ? WHERE match_id = ? AND bill_id = ?').run(value, match.id, bill.id);
        const version = oneValue(db.prepare<[number], number>('SELECT version FROM bill WHERE id = ?').pluck().get(bill.id));
        enqueue(db, { kind: 'bill.lettering', entityId: bill.id, baseVersion: version, payload: { idnumber: value } });
        holders.set(bill.id, value);
        queued.push(bill.id);
      }
      writeLog(db, who, match.id, {
        action: 'close',
        currency: match.currency,
        differenceCents: bills.reduce((s, b) => s + b.allocated, 0) - invoices.reduce((s, i) => s + i.allocated, 0),
        toleranceCents: match.toleranceCents,
        letterings: toSend.map((b) => letterings.get(b.id)!),
      });
    }
    return queued;
  })();
}

export function createMatch(db: Db, request: MatchRequest, who: string): number {
  return db.transaction(() => recordMatch(db, request, who, new LetteringHolders(db)))();
}

/**
 * Accepts exact suggestions in one transaction. One that no longer holds (another window matched its bill
 * meanwhile, its lettering is taken) is left for the operator to see, and the others go on.
 */
export function acceptSuggestions(
  db: Db,
  suggestions: readonly Suggestion[],
  who: string,
): { accepted: number; bills: number; billIds: number[] } {
  return db.transaction(() => {
    const holders = new LetteringHolders(db);
    let accepted = 0;
    const billIds: number[] = [];
    for (const s of suggestions) {
      if (s.kind !== 'exact') continue;
      try {
        recordMatch(
          db,
          { bills: s.billIds.map((id) => ({ id })), invoices: s.invoiceIds.map((id) => ({ id })), toleranceCents: 0, rule: s.rule },
          who,
          holders,
        );
        accepted += 1;
        billIds.push(...s.billIds);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    return { accepted, bills: billIds.length, billIds };
  })();
}

/**
 * Undoes a match. Its items are open again; each bill it lettered has its lettering taken back on the shop
 * ('' through the outbox), which unfreezes its lines. The match stays in the log, marked undone.
 */
export function unmatch(db: Db, id: number, note: string, who: string): number[] {
  return db.transaction(() => {
    const match = db
      .prepare<[number], Pick<LetteringMatchTableRow, 'id' | 'state'>>(
        "SELECT id, state FROM lettering_match WHERE id = ? AND state <> 'undone'",
      )
      .get(id);
    if (!match) throw refusal('lettering_match_not_found', 'lettering.matchGone', { id }, { id });
    const links = db
      .prepare<[number], Pick<LetteringLinkTableRow, 'lettering'> & { billId: NonNullable<LetteringLinkTableRow['bill_id']> }>(
        "SELECT bill_id AS billId, lettering FROM lettering_link WHERE match_id = ? AND bill_id IS NOT NULL AND lettering <> ''",
      )
      .all(id);
    for (const link of links) {
      // A lettering the shop never got (refused, or not sent yet) is simply dropped: that is the undo, and a
      // removal queued behind it would be sent for nothing (or wait forever behind a refused one). One on its
      // way, or sent once without an answer, may be on the shop: it is countered with a removal instead.
      const last = pendingBillEntries(db, [link.billId]).get(link.billId)?.at(-1);
      const neverSent =
        last !== undefined && (last.state === 'parked' || last.state === 'conflict' || (last.attempts === 0 && !isSending(db, last.seq)));
      if (last?.kind === 'bill.lettering' && neverSent && (last.payload as { idnumber: string }).idnumber === link.lettering) {
        discardEntry(db, last.seq);
        continue;
      }
      const state = overlaidState(db, link.billId);
      // Only what this match wrote is taken back: a lettering set since by someone else stays.
      if (!state || state.idnumber !== link.lettering) continue;
      const version = oneValue(db.prepare<[number], number>('SELECT version FROM bill WHERE id = ?').pluck().get(link.billId));
      enqueue(db, { kind: 'bill.lettering', entityId: link.billId, baseVersion: version, payload: { idnumber: '' } });
    }
    const now = Math.floor(Date.now() / 1000);
    db.prepare("UPDATE lettering_match SET state = 'undone', undone_at = ?, undone_by = ? WHERE id = ?").run(now, who, id);
    writeLog(db, who, id, { action: 'unmatch', code: matchCode(id), letterings: links.map((l) => l.lettering), note });
    return links.map((l) => l.billId);
  })();
}

/** A match's own columns, as listMatches reads them. */
type MatchRow = Pick<LetteringMatchTableRow, 'id' | 'state' | 'rule' | 'currency'> & {
  toleranceCents: LetteringMatchTableRow['tolerance_cents'];
  createdAt: LetteringMatchTableRow['created_at'];
  createdBy: LetteringMatchTableRow['created_by'];
};

/** Matches, newest first, with their items and where their lettering stands in the outbox. */
export function listMatches(db: Db, search: string, limit: number): { matches: MatchView[]; total: number } {
  const like = `%${search.trim()}%`;
  const filter = search.trim()
    ? `AND m.id IN (SELECT l.match_id FROM lettering_link l
         LEFT JOIN lettering_invoice i ON i.id = l.invoice_id
         LEFT JOIN bill b ON b.id = l.bill_id LEFT JOIN customer c ON c.id = b.customerid
         WHERE i.reference LIKE @like OR i.customer LIKE @like OR b.transactionid LIKE @like OR CAST(b.id AS TEXT) = @exact
            OR c.lastname LIKE @like OR c.organisation LIKE @like OR l.lettering LIKE @like
         UNION SELECT match_id FROM lettering_credit_link WHERE number LIKE @like)`
    : '';
  const params = search.trim() ? [{ like, exact: search.trim() }] : [];
  const total = oneValue(
    db
      .prepare<{ like: string; exact: string }[], number>(`SELECT count(*) FROM lettering_match m WHERE m.state <> 'undone' ${filter}`)
      .pluck()
      .get(...params),
  );
  const rows = db
    .prepare<{ like: string; exact: string }[], MatchRow>(
      `SELECT id, state, rule, tolerance_cents AS toleranceCents, currency, created_at AS createdAt, created_by AS createdBy
       FROM lettering_match m WHERE m.state <> 'undone' ${filter} ORDER BY m.id DESC LIMIT ${Math.floor(limit)}`,
    )
    .all(...params);
  const billLinks = db.prepare<[number], MatchView['bills'][number]>(
    `SELECT l.bill_id AS id, coalesce(b.transactionid, '') AS transactionid,
            coalesce(nullif(c.organisation, ''), trim(c.firstname || ' ' || c.lastname), '') AS customer,
            l.allocated_cents AS allocatedCents, l.lettering AS idnumber
     FROM lettering_link l LEFT JOIN bill b ON b.id = l.bill_id LEFT JOIN customer c ON c.id = b.customerid
     WHERE l.match_id = ? AND l.bill_id IS NOT NULL ORDER BY l.bill_id`,
  );
  const invoiceLinks = db.prepare<[number], MatchView['invoices'][number]>(
    `SELECT l.invoice_id AS id, i.reference, i.customer, l.allocated_cents AS allocatedCents
     FROM lettering_link l JOIN lettering_invoice i ON i.id = l.invoice_id WHERE l.match_id = ? ORDER BY i.reference`,
  );
  const creditLinks = db.prepare<[number], MatchView['creditNotes'][number]>(
    'SELECT credit_note_id AS id, number, allocated_cents AS allocatedCents FROM lettering_credit_link WHERE match_id = ?',
  );
  const outboxState = db.prepare<[number], { state: OutboxState; message: OutboxTableRow['error_message'] }>(
    "SELECT state, error_message AS message FROM outbox WHERE entity = 'bills' AND entity_id = ? AND kind = 'bill.lettering' ORDER BY seq DESC LIMIT 1",
  );
  const matches = rows.map((m) => {
    const bills = billLinks.all(m.id);
    const invoices = invoiceLinks.all(m.id);
    const creditNotes = creditLinks.all(m.id);
    // A credit note of the shop stands where a bill would: its (negative) amount against the imported one's.
    const balanceCents =
      bills.reduce((s, b) => s + b.allocatedCents, 0) +
      creditNotes.reduce((s, c) => s + c.allocatedCents, 0) -
      invoices.reduce((s, i) => s + i.allocatedCents, 0);
    // Open yet balanced: it waits for a bill's payment before its lettering is sent.
    const waiting = m.state === 'open' && Math.abs(balanceCents) <= m.toleranceCents;
    let pushed: MatchView['pushed'] = waiting ? 'awaitingPayment' : bills.some((b) => b.idnumber !== '') ? 'done' : 'none';
    let pushedMessage: string | null = null;
    for (const b of bills) {
      if (b.idnumber === '') continue;
      const entry = outboxState.get(b.id);
      if (entry?.state === 'parked' || entry?.state === 'conflict') {
        pushed = entry.state;
        pushedMessage = entry.message;
      } else if (entry?.state === 'pending' && pushed === 'done') pushed = 'pending';
    }
    return {
      ...m,
      code: matchCode(m.id),
      bills,
      invoices,
      creditNotes,
      balanceCents,
      pushed,
      pushedMessage,
    } as MatchView;
  });
  return { matches, total };
}
