import type { ReminderKind, ReminderLanguage, ReminderMessage, ReminderRecord } from '../../shared/contract/followup';
import { refusal } from '../../shared/errors/error-text';
import { formatAmount, formatDay, renderTemplate, templateOf, type ReminderTemplates } from '../../shared/followup/reminder-template';
import type { Db } from '../db/open';
import type { MoodleClient } from '../moodle/rest-client';
import { receivableBills } from './receivables';
import { renewals } from './renewals';

/**
 * Reminders: the texts made from the operator's template for the bills or products selected, sent as Moodle
 * messages to the customers' accounts (core_message_send_instant_messages) or written to a mail-merge file,
 * and each recorded on its bill (bill_reminder, migration 0160) with what it said and how it went.
 */

export type ReminderTargets = { kind: 'payment'; billIds: number[] } | { kind: 'renewal'; productIds: number[] };

export interface ReminderContext {
  asOf: number;
  termDays: number;
  language: ReminderLanguage;
  templates: Partial<ReminderTemplates> | undefined;
}

type Prepared = ReminderMessage & { kind: ReminderKind };

function customerFacts(db: Db, ids: readonly number[]): Map<number, { email: string; userid: number; shop: string }> {
  const rows = db
    .prepare<[string], { id: number; email: string; userid: number; shop: string }>(
      `SELECT c.id, c.email, c.hasaccount AS userid, coalesce(s.name, '') AS shop
       FROM customer c LEFT JOIN shop s ON s.id = c.shopid WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids));
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * The reminders for the targets, in the order asked. A bill no longer owing anything, or a product no longer
 * ending in the window (renewed, or moved), is left out: nobody is reminded of what is settled.
 */
export function prepareReminders(db: Db, targets: ReminderTargets, context: ReminderContext): Prepared[] {
  const { language } = context;
  const template = templateOf(context.templates, targets.kind, language);
  if (targets.kind === 'payment') {
    const { bills } = receivableBills(db, { asOf: context.asOf, termDays: context.termDays, billIds: targets.billIds });
    const facts = customerFacts(
      db,
      bills.map((bill) => bill.customerId),
    );
    return bills.map((bill) => {
      const customer = facts.get(bill.customerId);
      return {
        kind: 'payment' as const,
        billId: bill.billId,
        productId: null,
        customerId: bill.customerId,
        customer: bill.customer,
        email: customer?.email ?? '',
        moodleUserId: customer?.userid ?? 0,
        amountCents: bill.dueCents,
        currency: bill.currency,
        text: renderTemplate(template, {
          customer: bill.customer,
          bill: bill.number,
          amount: formatAmount(bill.dueCents, bill.currency, language),
          total: formatAmount(bill.amountCents, bill.currency, language),
          dueDate: formatDay(bill.dueDate, language),
          daysLate: String(Math.max(bill.daysLate, 0)),
          shop: customer?.shop ?? '',
        }),
      };
    });
  }
  // Ended ones are listed for up to ten years back: a product selected in the window is found again here.
  const { renewals: rows } = renewals(db, { asOf: context.asOf, horizonDays: 366, endedWithinDays: 3660, productIds: targets.productIds });
  const facts = customerFacts(
    db,
    rows.map((row) => row.customerId),
  );
  return rows.map((row) => {
    const customer = facts.get(row.customerId);
    return {
      kind: 'renewal' as const,
      billId: row.billId,
      productId: row.productId,
      customerId: row.customerId,
      customer: row.customer,
      email: customer?.email ?? '',
      moodleUserId: customer?.userid ?? 0,
      amountCents: row.renewalCents ?? 0,
      currency: row.currency,
      text: renderTemplate(template, {
        customer: row.customer,
        product: row.product,
        endDate: formatDay(row.endDate, language),
        price: row.renewalCents === null ? '' : formatAmount(row.renewalCents, row.currency, language),
        bill: String(row.billId),
        shop: customer?.shop ?? '',
      }),
    };
  });
}

export interface RecordInput {
  message: Prepared;
  channel: 'moodle' | 'mailmerge';
  language: ReminderLanguage;
  outcome: 'sent' | 'failed' | 'exported';
  msgid: number | null;
  error: string | null;
  at: number;
}

/** Writes the reminders in one transaction: all of a send's outcomes, or none. */
export function recordReminders(db: Db, records: readonly RecordInput[]): void {
  const insert = db.prepare(
    `INSERT INTO bill_reminder (bill_id, product_id, kind, channel, language, customer_id, moodle_userid, amount_cents, currency,
       text, outcome, moodle_msgid, error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const r of records) {
      const m = r.message;
      insert.run(
        m.billId,
        m.productId,
        m.kind,
        r.channel,
        r.language,
        m.customerId,
        r.channel === 'moodle' ? m.moodleUserId : 0,
        m.amountCents,
        m.currency,
        m.text,
        r.outcome,
        r.msgid,
        r.error,
        r.at,
      );
    }
  })();
}

interface SendAnswer {
  msgid: number;
  clientmsgid?: string;
  errormessage?: string;
}

/** Moodle takes many messages per call; 50 keeps a call well under PHP's max_input_vars (4 fields each). */
const BATCH = 50;

/**
 * Sends the reminders of customers with a Moodle account, a batch per call, and records every outcome: Moodle
 * answers each message on its own (`msgid` -1 and an `errormessage` when a recipient cannot be messaged). A call
 * that fails as a whole (the site unreachable, a capability missing) records nothing of its batch and stops
 * there, with what was sent before recorded: sending again reminds only those not reminded yet by the operator's
 * choice.
 */
export async function sendReminders(
  db: Db,
  moodle: MoodleClient,
  prepared: readonly Prepared[],
  language: ReminderLanguage,
  now: () => number,
): Promise<{ sent: number; failed: { billId: number; customer: string; error: string }[]; noAccount: number }> {
  const withAccount = prepared.filter((m) => m.moodleUserId > 0);
  const failed: { billId: number; customer: string; error: string }[] = [];
  let sent = 0;
  for (let start = 0; start < withAccount.length; start += BATCH) {
    const batch = withAccount.slice(start, start + BATCH);
    const answers = await moodle.call<SendAnswer[]>(
      'core_message_send_instant_messages',
      {
        messages: batch.map((m, index) => ({
          touserid: m.moodleUserId,
          text: m.text,
          textformat: 2, // FORMAT_PLAIN: the template is plain text, its line breaks kept.
          clientmsgid: `reminder-${start + index}`,
        })),
      },
      { idempotent: false },
    );
    const byClient = new Map(answers.map((answer) => [answer.clientmsgid, answer]));
    const at = now();
    const records = batch.map((message, index): RecordInput => {
      const answer = byClient.get(`reminder-${start + index}`) ?? answers[index];
      const ok = answer !== undefined && answer.msgid > 0;
      const error = ok ? null : (answer?.errormessage ?? 'Moodle did not answer for this message');
      if (ok) sent += 1;
      else failed.push({ billId: message.billId, customer: message.customer, error: error as string });
      return { message, channel: 'moodle', language, outcome: ok ? 'sent' : 'failed', msgid: ok ? answer.msgid : null, error, at };
    });
    recordReminders(db, records);
  }
  return { sent, failed, noAccount: prepared.length - withAccount.length };
}

export function remindersOfBill(db: Db, billId: number): ReminderRecord[] {
  return db
    .prepare<unknown[], ReminderRecord>(
      `SELECT id, bill_id AS billId, product_id AS productId, kind, channel, language, amount_cents AS amountCents, currency,
              text, outcome, error, created_at AS createdAt
       FROM bill_reminder WHERE bill_id = ? ORDER BY id DESC`,
    )
    .all(billId);
}

/** Nothing to remind: every bill selected is settled, or every product renewed. */
export function nothingToRemind(): Error {
  return refusal('reminders_nothing', 'reminders.nothing', {});
}
