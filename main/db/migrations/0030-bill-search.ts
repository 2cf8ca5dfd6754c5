import type { Migration } from '../migration';

/**
 * What keeps the Bills and Customers workspaces instant at a million cached bills: full-text search, the
 * item codes of each bill, the bill count per status, and an index for every sort the tables offer.
 *
 * Everything here is derived from the server's copy (migration 0020) and kept in step by triggers, so the
 * pull, the push acknowledgements and a rebuild need not know about it, and it can never drift: a page and
 * its derived rows commit together.
 *
 * Search text is folded for French: the tokenizer drops accents and case ("lefevre" finds "Lefèvre"), and
 * the ligatures it keeps whole (œ, æ) are spelled out, so "coeur" finds "cœur". The query side folds the
 * same way (main/bills/search-query.ts). FTS5 tables cannot be STRICT; they are contentless (only the index
 * is stored: the text is in bill and customer already) with contentless_delete, so a row can be replaced.
 */

// This file's SQL never changes once shipped (its checksum is checked); the helpers below are part of it.
const fold = (text: string) => `replace(replace(replace(replace(${text}, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE')`;
const customerText = (c: string) => fold(`${c}.firstname || ' ' || ${c}.lastname || ' ' || ${c}.email || ' ' || ${c}.organisation`);
const billText = (b: string) => fold(`${b}.title || ' ' || ${b}.transactionid || ' ' || ${b}.onlinetransactionid || ' ' || ${b}.idnumber`);
const FTS_OPTIONS = `content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3'`;
/** The codes of what a bill sells, in line order, each once; discount and shipping lines are not products. */
const itemCodes = (billid: string) =>
  `(SELECT coalesce(group_concat(itemcode, ', ' ORDER BY first, itemcode), '') FROM (
      SELECT itemcode, min(ordering) AS first FROM bill_item
      WHERE billid = ${billid} AND type NOT IN ('DISCOUNT', 'SHIPPING') GROUP BY itemcode))`;

/**
 * Fills the derived tables from the cache's rows, all at once: this migration's last step, and what the
 * first sync runs after filling an empty cache without the triggers (main/sync/bulk-load.ts). Its text is
 * part of this migration's SQL and its checksum: never edit it.
 */
export const DERIVE_BILL_SEARCH = `    INSERT INTO customer_search (rowid, customer) SELECT c.id, ${customerText('c')} FROM customer c;
    INSERT INTO bill_search (rowid, customer, bill)
      SELECT b.id, coalesce(${customerText('c')}, ''), ${billText('b')} FROM bill b LEFT JOIN customer c ON c.id = b.customerid;
    INSERT INTO bill_itemcodes (billid, codes) SELECT b.id, ${itemCodes('b.id')} FROM bill b;
    INSERT INTO bill_status_count (status, bills) SELECT status, count(*) FROM bill GROUP BY status;
`;

export const migration0030: Migration = {
  version: 30,
  name: 'bill search',
  sql: `
    -- One row per bill (rowid = bill id): its customer's names, email and organisation, and its own title,
    -- transaction ids and lettering. A customer's rename rewrites the rows of all their bills.
    CREATE VIRTUAL TABLE bill_search USING fts5(customer, bill, ${FTS_OPTIONS});
    -- One row per customer (rowid = customer id), for the Customers workspace.
    CREATE VIRTUAL TABLE customer_search USING fts5(customer, ${FTS_OPTIONS});

    -- The item codes column of the bills table, sortable: computing it per bill at sort time would read
    -- every line of every bill.
    CREATE TABLE bill_itemcodes (
      billid INTEGER PRIMARY KEY,
      codes TEXT NOT NULL
    ) STRICT;
    CREATE INDEX bill_itemcodes_codes ON bill_itemcodes (codes);

    -- The status tabs' counts without a filter, the view the workspace opens on: read, never counted.
    CREATE TABLE bill_status_count (
      status TEXT PRIMARY KEY,
      bills INTEGER NOT NULL
    ) STRICT;

    -- One index per sort column, in the sort's order (the column, then id to break ties), carrying the status
    -- after them: a status tab sorted by any column walks the index and skips other statuses without reading
    -- a single bill row. (X, id) is unique, so the status does not change the order.
    CREATE INDEX bill_emission ON bill (emissiondate, id, status);
    CREATE INDEX bill_lastaction ON bill (lastactiondate, id, status);
    CREATE INDEX bill_amount ON bill (amountcents, id, status);
    CREATE INDEX bill_untaxed ON bill (untaxedcents, id, status);
    CREATE INDEX bill_tax ON bill (taxcents, id, status);
    CREATE INDEX bill_transaction ON bill (transactionid, id, status);
    CREATE INDEX bill_idnumber ON bill (idnumber, id, status);
    CREATE INDEX bill_title ON bill (title COLLATE NOCASE, id, status);
    CREATE INDEX bill_paymode ON bill (paymode, id, status);
    CREATE INDEX bill_currency ON bill (currency, id, status);
    -- The status tabs in emission order, and every filter's column after them: counting the bills of a tab
    -- under any filter reads this index only. It replaces 0020's (status, emissiondate), its prefix.
    DROP INDEX bill_status_emission;
    CREATE INDEX bill_tabs ON bill (status, emissiondate, id, amountcents, paymode, idnumber, customerid);
    -- Every filtered column by id, about 60 bytes a bill where a bill row takes several hundred: counting or
    -- sorting the bills a search or a product code found (a set of ids, in id order) reads this, not the bills.
    CREATE INDEX bill_by_id ON bill (id, status, emissiondate, amountcents, paymode, idnumber, customerid);
    -- A customer's bills by id, with their status: 0020's (customerid) and what sorting by customer needs.
    DROP INDEX bill_customer;
    CREATE INDEX bill_customer ON bill (customerid, id, status);
    -- The product code filter, from the code to its bills.
    CREATE INDEX bill_item_code ON bill_item (itemcode, billid);
    -- A bill's products: those its lines produced or last renewed.
    CREATE INDEX product_current_item ON product (currentbillitemid);
    CREATE INDEX product_initial_item ON product (initialbillitemid);
    -- Sorting bills by customer walks customers in this order, then each one's bills (bill_customer).
    CREATE INDEX customer_name ON customer (lastname COLLATE NOCASE, firstname COLLATE NOCASE);
    CREATE INDEX customer_organisation ON customer (organisation COLLATE NOCASE);

    CREATE TRIGGER bill_derived_insert AFTER INSERT ON bill BEGIN
      INSERT INTO bill_search (rowid, customer, bill)
        SELECT new.id, coalesce((SELECT ${customerText('c')} FROM customer c WHERE c.id = new.customerid), ''), ${billText('new')};
      INSERT INTO bill_itemcodes (billid, codes) VALUES (new.id, ${itemCodes('new.id')})
        ON CONFLICT (billid) DO UPDATE SET codes = excluded.codes;
      INSERT INTO bill_status_count (status, bills) VALUES (new.status, 1)
        ON CONFLICT (status) DO UPDATE SET bills = bills + 1;
    END;

    -- A pull rewrites every column of a bill it receives: only a real change of a searched field costs a rewrite.
    CREATE TRIGGER bill_search_update AFTER UPDATE ON bill
    WHEN old.title IS NOT new.title OR old.transactionid IS NOT new.transactionid
      OR old.onlinetransactionid IS NOT new.onlinetransactionid OR old.idnumber IS NOT new.idnumber
      OR old.customerid IS NOT new.customerid OR old.id IS NOT new.id
    BEGIN
      DELETE FROM bill_search WHERE rowid = old.id;
      INSERT INTO bill_search (rowid, customer, bill)
        SELECT new.id, coalesce((SELECT ${customerText('c')} FROM customer c WHERE c.id = new.customerid), ''), ${billText('new')};
    END;

    CREATE TRIGGER bill_status_update AFTER UPDATE OF status ON bill WHEN old.status IS NOT new.status BEGIN
      UPDATE bill_status_count SET bills = bills - 1 WHERE status = old.status;
      INSERT INTO bill_status_count (status, bills) VALUES (new.status, 1)
        ON CONFLICT (status) DO UPDATE SET bills = bills + 1;
    END;

    CREATE TRIGGER bill_derived_delete AFTER DELETE ON bill BEGIN
      DELETE FROM bill_search WHERE rowid = old.id;
      DELETE FROM bill_itemcodes WHERE billid = old.id;
      UPDATE bill_status_count SET bills = bills - 1 WHERE status = old.status;
    END;

    -- Lines arrive after their bill (and are replaced whole on each pull): an UPDATE, never an insert, so a
    -- bill deleted with its lines leaves no codes row behind.
    CREATE TRIGGER bill_item_codes_insert AFTER INSERT ON bill_item BEGIN
      UPDATE bill_itemcodes SET codes = ${itemCodes('new.billid')} WHERE billid = new.billid;
    END;
    CREATE TRIGGER bill_item_codes_update AFTER UPDATE OF billid, itemcode, ordering, type ON bill_item BEGIN
      UPDATE bill_itemcodes SET codes = ${itemCodes('old.billid')} WHERE billid = old.billid;
      UPDATE bill_itemcodes SET codes = ${itemCodes('new.billid')} WHERE billid = new.billid;
    END;
    CREATE TRIGGER bill_item_codes_delete AFTER DELETE ON bill_item BEGIN
      UPDATE bill_itemcodes SET codes = ${itemCodes('old.billid')} WHERE billid = old.billid;
    END;

    CREATE TRIGGER customer_search_insert AFTER INSERT ON customer BEGIN
      INSERT INTO customer_search (rowid, customer) VALUES (new.id, ${customerText('new')});
      -- Bills written before their customer in the same transaction (foreign keys are deferred) get the name now.
      DELETE FROM bill_search WHERE rowid IN (SELECT id FROM bill WHERE customerid = new.id);
      INSERT INTO bill_search (rowid, customer, bill) SELECT b.id, ${customerText('new')}, ${billText('b')} FROM bill b WHERE b.customerid = new.id;
    END;

    CREATE TRIGGER customer_search_update AFTER UPDATE ON customer
    WHEN old.firstname IS NOT new.firstname OR old.lastname IS NOT new.lastname OR old.email IS NOT new.email
      OR old.organisation IS NOT new.organisation OR old.id IS NOT new.id
    BEGIN
      DELETE FROM customer_search WHERE rowid = old.id;
      INSERT INTO customer_search (rowid, customer) VALUES (new.id, ${customerText('new')});
      DELETE FROM bill_search WHERE rowid IN (SELECT id FROM bill WHERE customerid = new.id);
      INSERT INTO bill_search (rowid, customer, bill) SELECT b.id, ${customerText('new')}, ${billText('b')} FROM bill b WHERE b.customerid = new.id;
    END;

    CREATE TRIGGER customer_search_delete AFTER DELETE ON customer BEGIN
      DELETE FROM customer_search WHERE rowid = old.id;
    END;

    -- A cache synced before this version: derive everything once.
${DERIVE_BILL_SEARCH}  `,
};
