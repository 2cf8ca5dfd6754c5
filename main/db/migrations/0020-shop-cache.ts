import type { Migration } from '../migration';

/**
 * The server's copy of the shop, as the sync API delivers it (docs/shop-api.md): one table per entity,
 * money in integer cents, times in Unix seconds. Local unsent edits never live here: they are outbox rows,
 * laid over these tables by the reads, so a pull may overwrite any row without losing an edit.
 *
 * Cross-entity references are deferred foreign keys: a page is checked when its transaction commits, so the
 * order of rows within a page does not matter, but a row whose parent is missing is refused as a whole page.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'shop cache',
  sql: `
    CREATE TABLE shop (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      description TEXT NOT NULL,
      currency TEXT NOT NULL,
      catalogid INTEGER NOT NULL,
      allowtax INTEGER NOT NULL,
      discountthresholdcents INTEGER NOT NULL,
      discountrate INTEGER NOT NULL,
      discountrate2 INTEGER NOT NULL,
      discountrate3 INTEGER NOT NULL,
      eula TEXT NOT NULL,
      paymodes TEXT NOT NULL,
      defaultpaymode TEXT NOT NULL,
      defaultcustomersupportcourse INTEGER NOT NULL,
      timemodified INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE tax (
      id INTEGER PRIMARY KEY,
      country TEXT NOT NULL,
      title TEXT NOT NULL,
      ratio INTEGER NOT NULL,
      formula TEXT NOT NULL,
      timemodified INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE catalog (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      description TEXT NOT NULL,
      salesconditions TEXT NOT NULL,
      groupid INTEGER NOT NULL,
      countryrestrictions TEXT NOT NULL,
      billfooter TEXT NOT NULL,
      version INTEGER NOT NULL,
      timemodified INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE category (
      id INTEGER PRIMARY KEY,
      catalogid INTEGER NOT NULL REFERENCES catalog (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      parentid INTEGER NOT NULL,
      name TEXT NOT NULL,
      description TEXT NOT NULL,
      sortorder INTEGER NOT NULL,
      visible INTEGER NOT NULL,
      seoalias TEXT NOT NULL,
      version INTEGER NOT NULL,
      timemodified INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX category_catalog ON category (catalogid, parentid, sortorder);

    CREATE TABLE catalog_item (
      id INTEGER PRIMARY KEY,
      catalogid INTEGER NOT NULL REFERENCES catalog (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      categoryid INTEGER NOT NULL,
      code TEXT NOT NULL,
      shortname TEXT NOT NULL,
      name TEXT NOT NULL,
      idnumber TEXT NOT NULL,
      description TEXT NOT NULL,
      notes TEXT NOT NULL,
      eula TEXT NOT NULL,
      prices TEXT NOT NULL, -- JSON [{fromquantity, unitcents}]
      taxcode INTEGER NOT NULL,
      stock INTEGER NOT NULL,
      sold INTEGER NOT NULL,
      status TEXT NOT NULL,
      maxdeliveryquant INTEGER NOT NULL,
      onlyforloggedin INTEGER NOT NULL,
      seatmode INTEGER NOT NULL,
      renewable INTEGER NOT NULL,
      type TEXT NOT NULL,
      setid INTEGER NOT NULL,
      requireddata TEXT NOT NULL,
      enablehandler TEXT NOT NULL,
      handlerparams TEXT NOT NULL,
      version INTEGER NOT NULL,
      timemodified INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX catalog_item_catalog ON catalog_item (catalogid, code);

    CREATE TABLE customer (
      id INTEGER PRIMARY KEY,
      shopid INTEGER NOT NULL,
      firstname TEXT NOT NULL,
      lastname TEXT NOT NULL,
      email TEXT NOT NULL,
      address TEXT NOT NULL,
      zip TEXT NOT NULL,
      city TEXT NOT NULL,
      country TEXT NOT NULL,
      organisation TEXT NOT NULL,
      hasaccount INTEGER NOT NULL,
      invoiceinfo TEXT NOT NULL,
      timecreated INTEGER NOT NULL,
      version INTEGER NOT NULL,
      timemodified INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE bill (
      id INTEGER PRIMARY KEY,
      shopid INTEGER NOT NULL,
      idnumber TEXT NOT NULL,
      ordering INTEGER NOT NULL,
      customerid INTEGER NOT NULL REFERENCES customer (id) DEFERRABLE INITIALLY DEFERRED,
      userid INTEGER NOT NULL,
      title TEXT NOT NULL,
      worktype TEXT NOT NULL,
      status TEXT NOT NULL,
      remotestatus TEXT NOT NULL,
      emissiondate INTEGER NOT NULL,
      lastactiondate INTEGER NOT NULL,
      assignedto INTEGER NOT NULL,
      timetodo INTEGER NOT NULL,
      currency TEXT NOT NULL,
      untaxedcents INTEGER NOT NULL,
      taxcents INTEGER NOT NULL,
      amountcents INTEGER NOT NULL,
      discountcents INTEGER NOT NULL,
      untaxeddiscountcents INTEGER NOT NULL,
      discounttaxcents INTEGER NOT NULL,
      shippingcents INTEGER NOT NULL,
      paymentfeecents INTEGER NOT NULL,
      paidcents INTEGER NOT NULL,
      paymode TEXT NOT NULL,
      transactionid TEXT NOT NULL,
      onlinetransactionid TEXT NOT NULL,
      ignoretax INTEGER NOT NULL,
      productionfeedback TEXT NOT NULL,
      invoiceinfo TEXT NOT NULL,
      test INTEGER NOT NULL,
      partnerid INTEGER NOT NULL,
      partnertag TEXT NOT NULL,
      version INTEGER NOT NULL,
      timemodified INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX bill_customer ON bill (customerid);
    CREATE INDEX bill_status_emission ON bill (status, emissiondate);

    CREATE TABLE bill_item (
      id INTEGER PRIMARY KEY,
      billid INTEGER NOT NULL REFERENCES bill (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      ordering INTEGER NOT NULL,
      type TEXT NOT NULL,
      itemcode TEXT NOT NULL,
      catalogitemid INTEGER NOT NULL,
      abstract TEXT NOT NULL,
      description TEXT NOT NULL,
      delay INTEGER NOT NULL,
      unitcents INTEGER NOT NULL,
      quantity INTEGER NOT NULL,
      totalcents INTEGER NOT NULL,
      taxcode INTEGER NOT NULL,
      taxratio INTEGER NOT NULL,
      taxcents INTEGER NOT NULL,
      bundleid INTEGER NOT NULL,
      customerdata TEXT NOT NULL,
      productiondata TEXT NOT NULL
    ) STRICT;
    CREATE INDEX bill_item_bill ON bill_item (billid);

    CREATE TABLE bill_payment (
      id INTEGER PRIMARY KEY,
      billid INTEGER NOT NULL REFERENCES bill (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      amountcents INTEGER NOT NULL,
      paymode TEXT NOT NULL,
      paidon INTEGER NOT NULL,
      reference TEXT NOT NULL,
      timecreated INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX bill_payment_bill ON bill_payment (billid);

    CREATE TABLE bill_history (
      id INTEGER PRIMARY KEY,
      billid INTEGER NOT NULL REFERENCES bill (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      fromstatus TEXT NOT NULL,
      tostatus TEXT NOT NULL,
      timecreated INTEGER NOT NULL,
      userid INTEGER NOT NULL,
      note TEXT NOT NULL
    ) STRICT;
    CREATE INDEX bill_history_bill ON bill_history (billid);

    CREATE TABLE product (
      id INTEGER PRIMARY KEY,
      catalogitemid INTEGER NOT NULL,
      initialbillitemid INTEGER NOT NULL,
      currentbillitemid INTEGER NOT NULL,
      customerid INTEGER NOT NULL REFERENCES customer (id) DEFERRABLE INITIALLY DEFERRED,
      contexttype TEXT NOT NULL,
      instanceid INTEGER NOT NULL,
      startdate INTEGER NOT NULL,
      enddate INTEGER NOT NULL,
      reference TEXT NOT NULL,
      productiondata TEXT NOT NULL,
      extradata TEXT NOT NULL,
      deleted INTEGER NOT NULL,
      test INTEGER NOT NULL,
      timemodified INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX product_customer ON product (customerid);
    CREATE INDEX product_enddate ON product (enddate);

    CREATE TABLE product_event (
      id INTEGER PRIMARY KEY,
      productid INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      billitemid INTEGER NOT NULL,
      eventtype TEXT NOT NULL,
      eventdata TEXT NOT NULL,
      datecreated INTEGER NOT NULL,
      timemodified INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX product_event_product ON product_event (productid);

    -- Where each entity's pull stands: moved in the same transaction as the page it follows.
    CREATE TABLE sync_cursor (
      entity TEXT PRIMARY KEY,
      cursor_time INTEGER NOT NULL,
      cursor_id INTEGER NOT NULL,
      synced_at INTEGER NOT NULL,
      rows_applied INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE sync_run (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      trigger TEXT NOT NULL,
      started_at INTEGER NOT NULL,
      finished_at INTEGER,
      outcome TEXT NOT NULL CHECK (outcome IN ('running', 'done', 'failed', 'cancelled', 'interrupted')),
      rows_applied INTEGER NOT NULL DEFAULT 0,
      detail TEXT
    ) STRICT;

    -- Local changes waiting for the shop's acknowledgement, in the order they were made.
    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      mutation_id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id INTEGER NOT NULL,
      base_version INTEGER NOT NULL,
      payload TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'parked', 'conflict')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL DEFAULT 0,
      error_code TEXT,
      error_message TEXT,
      remote TEXT,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX outbox_entity ON outbox (entity, entity_id, seq);

    -- Records created offline get negative ids; once the shop has created them, their real ids.
    CREATE TABLE local_id_map (
      entity TEXT NOT NULL,
      local_id INTEGER NOT NULL CHECK (local_id < 0),
      server_id INTEGER NOT NULL,
      PRIMARY KEY (entity, local_id)
    ) STRICT;
  `,
};
