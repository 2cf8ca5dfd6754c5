import type { Migration } from '../migration';

/**
 * Credit notes (factures d'avoir) and their refunds, as the shop issues them (local_shopbackoffice_record_refund)
 * and sends them nested in each bill (`creditnotes`, `creditlines`): the server's copy, replaced whole with the
 * bill at every pull, like its lines and payments. Amounts positive; a credit line has its bill line's sign.
 * Bills pulled before this version have none (none existed before). Numbered after 0110 (sync sent changes), which shipped first.
 */
export const migration0120: Migration = {
  version: 120,
  name: 'credit notes',
  sql: `
    CREATE TABLE bill_credit_note (
      id INTEGER PRIMARY KEY,
      billid INTEGER NOT NULL REFERENCES bill (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      number TEXT NOT NULL,
      issuedat INTEGER NOT NULL,
      reason TEXT NOT NULL,
      untaxedcents INTEGER NOT NULL,
      taxcents INTEGER NOT NULL,
      amountcents INTEGER NOT NULL,
      refundcents INTEGER NOT NULL,
      refundpaymode TEXT NOT NULL,
      refundedon INTEGER NOT NULL,
      refundreference TEXT NOT NULL,
      userid INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX bill_credit_note_bill ON bill_credit_note (billid);
    CREATE INDEX bill_credit_note_issued ON bill_credit_note (issuedat, id);
    CREATE INDEX bill_credit_note_number ON bill_credit_note (number);

    CREATE TABLE bill_credit_line (
      id INTEGER PRIMARY KEY,
      billid INTEGER NOT NULL REFERENCES bill (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      creditnoteid INTEGER NOT NULL,
      billitemid INTEGER NOT NULL,
      quantity INTEGER NOT NULL,
      totalcents INTEGER NOT NULL,
      taxratio INTEGER NOT NULL,
      taxcents INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX bill_credit_line_bill ON bill_credit_line (billid);
    CREATE INDEX bill_credit_line_note ON bill_credit_line (creditnoteid);

    -- Lettering (main/lettering/credit-note-matches.ts): a credit note of the shop matched with the credit note of
    -- an imported FEC (a negative invoice). The match is a lettering_match with the invoice's lettering_link; this
    -- row is its credit note side. No foreign key to bill_credit_note: the shop's copy may be rebuilt, the
    -- lettering stays.
    CREATE TABLE lettering_credit_link (
      match_id INTEGER PRIMARY KEY REFERENCES lettering_match (id),
      credit_note_id INTEGER NOT NULL,
      number TEXT NOT NULL,
      allocated_cents INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX lettering_credit_link_note ON lettering_credit_link (credit_note_id);
  `,
};
