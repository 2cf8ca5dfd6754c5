import type { Migration } from '../migration';

/**
 * Follow-up (main/followup/): every payment or renewal reminder sent to a customer, kept on its bill. The app's
 * own data, like the lettering and the production runs: no foreign key to the server's copy, which a rebuild
 * empties and fills again, so the reminders survive it. The indexes serve the receivables' ageing (bills
 * awaiting payment by status and date, from 0020) and the renewals (a customer's products of one catalog item).
 */
export const migration0160: Migration = {
  version: 160,
  name: 'reminders',
  sql: `
    CREATE TABLE bill_reminder (
      id INTEGER PRIMARY KEY,
      bill_id INTEGER NOT NULL,
      product_id INTEGER, -- the product a renewal reminder is about; null for a payment reminder
      kind TEXT NOT NULL CHECK (kind IN ('payment', 'renewal')),
      channel TEXT NOT NULL CHECK (channel IN ('moodle', 'mailmerge')),
      language TEXT NOT NULL CHECK (language IN ('fr', 'en')),
      customer_id INTEGER NOT NULL,
      moodle_userid INTEGER NOT NULL, -- 0 for a mail-merge row
      amount_cents INTEGER NOT NULL, -- what was asked: the amount due, or the renewal's price
      currency TEXT NOT NULL,
      text TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'failed', 'exported')),
      moodle_msgid INTEGER,
      error TEXT,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX bill_reminder_bill ON bill_reminder (bill_id, id);
    CREATE INDEX bill_reminder_product ON bill_reminder (product_id, id);
    CREATE INDEX product_customer_item ON product (customerid, catalogitemid, enddate);
  `,
};
