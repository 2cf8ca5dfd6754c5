/**
 * local_shop's tables on the simulated site, as docs/shop-api.md asks the plugin to have them: every synced
 * table carries `timemodified` and `version`, with an index on (timemodified, id) for the keyset cursor;
 * deletions leave a row in local_shop_tombstone; applied writes leave their answer in local_shop_mutation.
 *
 * The table names are the plugin's. Columns carry the wire names (docs/shop-api.md, "Records") rather than the
 * plugin's decimals: money is integer cents (`…cents`), rates basis points. Two choices of our own: bill
 * payments and bill history get tables (the plugin keeps neither in this form), and catalog item price tiers
 * are the plugin's range1..5 / price1..5 pairs, in cents.
 *
 * Shop-scoped tables also have an index on (shopid, timemodified, id), so that a page filtered by shop walks
 * an index too. The tombstone keeps the shop and catalog the record belonged to, so that a filtered page can
 * list deletions without the deleted row.
 */
export const SHOP_SCHEMA = `
CREATE TABLE mdl_local_shop (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', currency TEXT NOT NULL,
  catalogid INTEGER NOT NULL DEFAULT 0, allowtax INTEGER NOT NULL DEFAULT 1, discountthresholdcents INTEGER NOT NULL DEFAULT 0,
  discountrate INTEGER NOT NULL DEFAULT 0, discountrate2 INTEGER NOT NULL DEFAULT 0, discountrate3 INTEGER NOT NULL DEFAULT 0,
  eula TEXT NOT NULL DEFAULT '', paymodes TEXT NOT NULL DEFAULT '', defaultpaymode TEXT NOT NULL DEFAULT '',
  defaultcustomersupportcourse INTEGER NOT NULL DEFAULT 0, version INTEGER NOT NULL DEFAULT 1, timemodified INTEGER NOT NULL) STRICT;
CREATE INDEX mdl_locashop_timid_ix ON mdl_local_shop (timemodified, id);

CREATE TABLE mdl_local_shop_tax (
  id INTEGER PRIMARY KEY, country TEXT NOT NULL DEFAULT '', title TEXT NOT NULL, ratio INTEGER NOT NULL DEFAULT 0,
  formula TEXT NOT NULL DEFAULT '', version INTEGER NOT NULL DEFAULT 1, timemodified INTEGER NOT NULL) STRICT;
CREATE INDEX mdl_locashoptax_timid_ix ON mdl_local_shop_tax (timemodified, id);

CREATE TABLE mdl_local_shop_catalog (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', salesconditions TEXT NOT NULL DEFAULT '',
  groupid INTEGER NOT NULL DEFAULT 0, countryrestrictions TEXT NOT NULL DEFAULT '', billfooter TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1, timemodified INTEGER NOT NULL) STRICT;
CREATE INDEX mdl_locashopcata_timid_ix ON mdl_local_shop_catalog (timemodified, id);
CREATE INDEX mdl_locashopcata_gro_ix ON mdl_local_shop_catalog (groupid);

CREATE TABLE mdl_local_shop_catalogcategory (
  id INTEGER PRIMARY KEY, catalogid INTEGER NOT NULL, parentid INTEGER NOT NULL DEFAULT 0, name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '', sortorder INTEGER NOT NULL DEFAULT 0, visible INTEGER NOT NULL DEFAULT 1,
  seoalias TEXT NOT NULL DEFAULT '', version INTEGER NOT NULL DEFAULT 1, timemodified INTEGER NOT NULL) STRICT;
CREATE INDEX mdl_locashopcatacate_timid_ix ON mdl_local_shop_catalogcategory (timemodified, id);
CREATE INDEX mdl_locashopcatacate_cat_ix ON mdl_local_shop_catalogcategory (catalogid);
CREATE INDEX mdl_locashopcatacate_par_ix ON mdl_local_shop_catalogcategory (parentid);

CREATE TABLE mdl_local_shop_catalogitem (
  id INTEGER PRIMARY KEY, catalogid INTEGER NOT NULL, categoryid INTEGER NOT NULL DEFAULT 0, code TEXT NOT NULL,
  shortname TEXT NOT NULL DEFAULT '', name TEXT NOT NULL DEFAULT '', idnumber TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '', eula TEXT NOT NULL DEFAULT '',
  range1 INTEGER NOT NULL DEFAULT 1, price1cents INTEGER NOT NULL DEFAULT 0, range2 INTEGER NOT NULL DEFAULT 0,
  price2cents INTEGER NOT NULL DEFAULT 0, range3 INTEGER NOT NULL DEFAULT 0, price3cents INTEGER NOT NULL DEFAULT 0,
  range4 INTEGER NOT NULL DEFAULT 0, price4cents INTEGER NOT NULL DEFAULT 0, range5 INTEGER NOT NULL DEFAULT 0,
  price5cents INTEGER NOT NULL DEFAULT 0, taxcode INTEGER NOT NULL DEFAULT 0, stock INTEGER NOT NULL DEFAULT 0,
  sold INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL DEFAULT 'PREVIEW', maxdeliveryquant INTEGER NOT NULL DEFAULT 0,
  onlyforloggedin INTEGER NOT NULL DEFAULT 0, seatmode INTEGER NOT NULL DEFAULT 0, renewable INTEGER NOT NULL DEFAULT 0,
  type TEXT NOT NULL DEFAULT 'plain', setid INTEGER NOT NULL DEFAULT 0, requireddata TEXT NOT NULL DEFAULT '',
  enablehandler TEXT NOT NULL DEFAULT '', handlerparams TEXT NOT NULL DEFAULT '', password TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1, timemodified INTEGER NOT NULL) STRICT;
CREATE INDEX mdl_locashopcataitem_timid_ix ON mdl_local_shop_catalogitem (timemodified, id);
CREATE INDEX mdl_locashopcataitem_catcod_ix ON mdl_local_shop_catalogitem (catalogid, code);
CREATE INDEX mdl_locashopcataitem_cat_ix ON mdl_local_shop_catalogitem (categoryid);
CREATE INDEX mdl_locashopcataitem_set_ix ON mdl_local_shop_catalogitem (setid);

CREATE TABLE mdl_local_shop_customer (
  id INTEGER PRIMARY KEY, shopid INTEGER NOT NULL, firstname TEXT NOT NULL DEFAULT '', lastname TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '', zip TEXT NOT NULL DEFAULT '', city TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '', organisation TEXT NOT NULL DEFAULT '', hasaccount INTEGER NOT NULL DEFAULT 0,
  invoiceinfo TEXT NOT NULL DEFAULT '', timecreated INTEGER NOT NULL, version INTEGER NOT NULL DEFAULT 1,
  timemodified INTEGER NOT NULL) STRICT;
CREATE INDEX mdl_locashopcust_timid_ix ON mdl_local_shop_customer (timemodified, id);
CREATE INDEX mdl_locashopcust_shotimid_ix ON mdl_local_shop_customer (shopid, timemodified, id);

CREATE TABLE mdl_local_shop_bill (
  id INTEGER PRIMARY KEY, shopid INTEGER NOT NULL, idnumber TEXT NOT NULL DEFAULT '', ordering INTEGER NOT NULL DEFAULT 0,
  customerid INTEGER NOT NULL, userid INTEGER NOT NULL DEFAULT 0, title TEXT NOT NULL DEFAULT '', worktype TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL, remotestatus TEXT NOT NULL DEFAULT '', emissiondate INTEGER NOT NULL, lastactiondate INTEGER NOT NULL,
  assignedto INTEGER NOT NULL DEFAULT 0, timetodo INTEGER NOT NULL DEFAULT 0, currency TEXT NOT NULL,
  untaxedcents INTEGER NOT NULL DEFAULT 0, taxcents INTEGER NOT NULL DEFAULT 0, amountcents INTEGER NOT NULL DEFAULT 0,
  discountcents INTEGER NOT NULL DEFAULT 0, untaxeddiscountcents INTEGER NOT NULL DEFAULT 0, discounttaxcents INTEGER NOT NULL DEFAULT 0,
  shippingcents INTEGER NOT NULL DEFAULT 0, paymentfeecents INTEGER NOT NULL DEFAULT 0, paidcents INTEGER NOT NULL DEFAULT 0,
  paymode TEXT NOT NULL DEFAULT '', transactionid TEXT NOT NULL DEFAULT '', onlinetransactionid TEXT NOT NULL DEFAULT '',
  ignoretax INTEGER NOT NULL DEFAULT 0, productionfeedback TEXT NOT NULL DEFAULT '', invoiceinfo TEXT NOT NULL DEFAULT '',
  test INTEGER NOT NULL DEFAULT 0, partnerid INTEGER NOT NULL DEFAULT 0, partnertag TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1, timemodified INTEGER NOT NULL) STRICT;
CREATE INDEX mdl_locashopbill_timid_ix ON mdl_local_shop_bill (timemodified, id);
CREATE INDEX mdl_locashopbill_shotimid_ix ON mdl_local_shop_bill (shopid, timemodified, id);
CREATE INDEX mdl_locashopbill_cus_ix ON mdl_local_shop_bill (customerid);
-- The lettering is unique across shops (reference/local_shop.md); '' is "none" and may repeat.
CREATE UNIQUE INDEX mdl_locashopbill_idn_uix ON mdl_local_shop_bill (idnumber) WHERE idnumber <> '';

CREATE TABLE mdl_local_shop_billitem (
  id INTEGER PRIMARY KEY, billid INTEGER NOT NULL, ordering INTEGER NOT NULL DEFAULT 0, type TEXT NOT NULL,
  itemcode TEXT NOT NULL DEFAULT '', catalogitemid INTEGER NOT NULL DEFAULT 0, abstract TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '', delay INTEGER NOT NULL DEFAULT 0, unitcents INTEGER NOT NULL DEFAULT 0,
  quantity INTEGER NOT NULL DEFAULT 1, totalcents INTEGER NOT NULL DEFAULT 0, taxcode INTEGER NOT NULL DEFAULT 0,
  taxratio INTEGER NOT NULL DEFAULT 0, taxcents INTEGER NOT NULL DEFAULT 0, bundleid INTEGER NOT NULL DEFAULT 0,
  customerdata TEXT NOT NULL DEFAULT '', productiondata TEXT NOT NULL DEFAULT '') STRICT;
CREATE INDEX mdl_locashopbillitem_bilord_ix ON mdl_local_shop_billitem (billid, ordering);
CREATE INDEX mdl_locashopbillitem_cat_ix ON mdl_local_shop_billitem (catalogitemid);

CREATE TABLE mdl_local_shop_bill_payment (
  id INTEGER PRIMARY KEY, billid INTEGER NOT NULL, amountcents INTEGER NOT NULL, currency TEXT NOT NULL DEFAULT '',
  paymode TEXT NOT NULL, paidon INTEGER NOT NULL, reference TEXT NOT NULL DEFAULT '', userid INTEGER NOT NULL DEFAULT 0,
  timecreated INTEGER NOT NULL) STRICT;
CREATE INDEX mdl_locashopbillpaym_bil_ix ON mdl_local_shop_bill_payment (billid);

CREATE TABLE mdl_local_shop_bill_history (
  id INTEGER PRIMARY KEY, billid INTEGER NOT NULL, fromstatus TEXT NOT NULL, tostatus TEXT NOT NULL,
  timecreated INTEGER NOT NULL, userid INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '') STRICT;
CREATE INDEX mdl_locashopbillhist_bil_ix ON mdl_local_shop_bill_history (billid);

CREATE TABLE mdl_local_shop_bill_creditnote (
  id INTEGER PRIMARY KEY, billid INTEGER NOT NULL, number TEXT NOT NULL UNIQUE, sequence INTEGER NOT NULL UNIQUE,
  issuedat INTEGER NOT NULL, reason TEXT NOT NULL DEFAULT '', untaxedcents INTEGER NOT NULL, taxcents INTEGER NOT NULL,
  amountcents INTEGER NOT NULL, refundcents INTEGER NOT NULL, refundpaymode TEXT NOT NULL, refundedon INTEGER NOT NULL,
  refundreference TEXT NOT NULL DEFAULT '', userid INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE INDEX mdl_locashopbillcred_bil_ix ON mdl_local_shop_bill_creditnote (billid);

CREATE TABLE mdl_local_shop_bill_creditline (
  id INTEGER PRIMARY KEY, billid INTEGER NOT NULL, creditnoteid INTEGER NOT NULL, billitemid INTEGER NOT NULL,
  quantity INTEGER NOT NULL DEFAULT 0, totalcents INTEGER NOT NULL, taxratio INTEGER NOT NULL, taxcents INTEGER NOT NULL) STRICT;
CREATE INDEX mdl_locashopbillcredline_bil_ix ON mdl_local_shop_bill_creditline (billid);

CREATE TABLE mdl_local_shop_product (
  id INTEGER PRIMARY KEY, catalogitemid INTEGER NOT NULL, initialbillitemid INTEGER NOT NULL DEFAULT 0,
  currentbillitemid INTEGER NOT NULL DEFAULT 0, customerid INTEGER NOT NULL, contexttype TEXT NOT NULL DEFAULT '',
  instanceid INTEGER NOT NULL DEFAULT 0, startdate INTEGER NOT NULL DEFAULT 0, enddate INTEGER NOT NULL DEFAULT 0,
  reference TEXT NOT NULL, productiondata TEXT NOT NULL DEFAULT '', extradata TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, test INTEGER NOT NULL DEFAULT 0, version INTEGER NOT NULL DEFAULT 1,
  timemodified INTEGER NOT NULL) STRICT;
CREATE INDEX mdl_locashopprod_timid_ix ON mdl_local_shop_product (timemodified, id);
CREATE INDEX mdl_locashopprod_cus_ix ON mdl_local_shop_product (customerid);
CREATE UNIQUE INDEX mdl_locashopprod_ref_uix ON mdl_local_shop_product (reference);

CREATE TABLE mdl_local_shop_productevent (
  id INTEGER PRIMARY KEY, productid INTEGER NOT NULL, billitemid INTEGER NOT NULL DEFAULT 0, eventtype TEXT NOT NULL,
  eventdata TEXT NOT NULL DEFAULT '', datecreated INTEGER NOT NULL, timemodified INTEGER NOT NULL) STRICT;
CREATE INDEX mdl_locashopprodeven_timid_ix ON mdl_local_shop_productevent (timemodified, id);
CREATE INDEX mdl_locashopprodeven_pro_ix ON mdl_local_shop_productevent (productid);

CREATE TABLE mdl_local_shop_tombstone (
  id INTEGER PRIMARY KEY, entity TEXT NOT NULL, entityid INTEGER NOT NULL, shopid INTEGER NOT NULL DEFAULT 0,
  catalogid INTEGER NOT NULL DEFAULT 0, timemodified INTEGER NOT NULL) STRICT;
CREATE INDEX mdl_locashoptomb_enttimid_ix ON mdl_local_shop_tombstone (entity, timemodified, entityid);
CREATE INDEX mdl_locashoptomb_entid_ix ON mdl_local_shop_tombstone (entity, entityid);

CREATE TABLE mdl_local_shop_mutation (
  id INTEGER PRIMARY KEY, clientmutationid TEXT NOT NULL UNIQUE, userid INTEGER NOT NULL, functionname TEXT NOT NULL,
  answer TEXT NOT NULL, timecreated INTEGER NOT NULL) STRICT;
CREATE INDEX mdl_locashopmuta_tim_ix ON mdl_local_shop_mutation (timecreated);
`;
