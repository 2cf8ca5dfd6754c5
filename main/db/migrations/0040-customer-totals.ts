import type { Migration } from '../migration';

/**
 * What each customer placed, owes and paid, kept by triggers on bill so the Customers workspace can sort
 * 200,000 customers by what they owe without adding up a million bills (main/customers/customer-query.ts
 * says what each total means). The server's copy only: a payment still in the outbox is added when a
 * customer is shown, not here.
 *
 * Every customer has a row (zeros until a first bill), so a sort by a total walks one index.
 */

// This file's SQL never changes once shipped (its checksum is checked); the helpers below are part of it.
const placed = (b: string) => `(${b}.status NOT IN ('WORKING', 'CANCELLED'))`;
const pending = (b: string) => `(${b}.status IN ('PLACED', 'PENDING', 'PARTIAL'))`;
const due = (b: string) => `max(${b}.amountcents - ${b}.paidcents, 0)`;
/** A bill's contribution to its customer's totals, as VALUES for an upsert (sign 1 adds it, -1 takes it away). */
const contribution = (b: string, sign: 1 | -1) =>
  `(${b}.customerid, ${sign} * ${placed(b)}, ${sign} * ${placed(b)} * ${b}.amountcents,
    ${sign} * ${pending(b)}, ${sign} * ${pending(b)} * ${due(b)},
    ${sign} * (${b}.paidcents > 0), ${sign} * ${b}.paidcents)`;
const upsert = (b: string, sign: 1 | -1) => `
  INSERT INTO customer_totals (customerid, placed_count, placed_cents, pending_count, pending_cents, paid_count, paid_cents)
  VALUES ${contribution(b, sign)}
  ON CONFLICT (customerid) DO UPDATE SET
    placed_count = placed_count + excluded.placed_count, placed_cents = placed_cents + excluded.placed_cents,
    pending_count = pending_count + excluded.pending_count, pending_cents = pending_cents + excluded.pending_cents,
    paid_count = paid_count + excluded.paid_count, paid_cents = paid_cents + excluded.paid_cents;`;

/**
 * Adds up every customer's totals from the cache's rows: this migration's last step, and what the first sync
 * runs after filling an empty cache without the triggers (main/sync/bulk-load.ts). Its text is part of this
 * migration's SQL and its checksum: never edit it.
 */
export const DERIVE_CUSTOMER_TOTALS = `    INSERT INTO customer_totals SELECT id, 0, 0, 0, 0, 0, 0 FROM customer;
    INSERT INTO customer_totals (customerid, placed_count, placed_cents, pending_count, pending_cents, paid_count, paid_cents)
      SELECT b.customerid, sum(${placed('b')}), sum(${placed('b')} * b.amountcents), sum(${pending('b')}),
             sum(${pending('b')} * ${due('b')}), sum(b.paidcents > 0), sum(b.paidcents)
      FROM bill b GROUP BY b.customerid
      ON CONFLICT (customerid) DO UPDATE SET
        placed_count = excluded.placed_count, placed_cents = excluded.placed_cents, pending_count = excluded.pending_count,
        pending_cents = excluded.pending_cents, paid_count = excluded.paid_count, paid_cents = excluded.paid_cents;
`;

export const migration0040: Migration = {
  version: 40,
  name: 'customer totals',
  sql: `
    CREATE TABLE customer_totals (
      customerid INTEGER PRIMARY KEY,
      placed_count INTEGER NOT NULL,
      placed_cents INTEGER NOT NULL,
      pending_count INTEGER NOT NULL,
      pending_cents INTEGER NOT NULL,
      paid_count INTEGER NOT NULL,
      paid_cents INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX customer_totals_paid ON customer_totals (paid_cents);
    CREATE INDEX customer_totals_pending ON customer_totals (pending_cents);

    CREATE TRIGGER customer_totals_customer AFTER INSERT ON customer BEGIN
      INSERT INTO customer_totals VALUES (new.id, 0, 0, 0, 0, 0, 0) ON CONFLICT (customerid) DO NOTHING;
    END;
    CREATE TRIGGER customer_totals_customer_gone AFTER DELETE ON customer BEGIN
      DELETE FROM customer_totals WHERE customerid = old.id;
    END;

    CREATE TRIGGER customer_totals_bill_insert AFTER INSERT ON bill BEGIN ${upsert('new', 1)} END;
    CREATE TRIGGER customer_totals_bill_delete AFTER DELETE ON bill BEGIN ${upsert('old', -1)} END;
    -- A pull rewrites every column of the bills it receives: only a change of what the totals add up costs.
    CREATE TRIGGER customer_totals_bill_update AFTER UPDATE ON bill
    WHEN old.status IS NOT new.status OR old.amountcents IS NOT new.amountcents
      OR old.paidcents IS NOT new.paidcents OR old.customerid IS NOT new.customerid
    BEGIN ${upsert('old', -1)} ${upsert('new', 1)} END;

    -- A cache synced before this version: add everything up once.
${DERIVE_CUSTOMER_TOTALS}  `,
};
