import { table, type RowOf } from './table';

/** The shop's copy: what the sync pulls from local_shop (and Moodle), one row per shop record. Checked against the migrated schema by tables.test.ts. */

export const shopTable = table('shop', {
  id: 'integer',
  name: 'text',
  description: 'text',
  currency: 'text',
  catalogid: 'integer',
  allowtax: 'integer',
  discountthresholdcents: 'integer',
  discountrate: 'integer',
  discountrate2: 'integer',
  discountrate3: 'integer',
  eula: 'text',
  paymodes: 'text',
  defaultpaymode: 'text',
  defaultcustomersupportcourse: 'integer',
  timemodified: 'integer',
});
export type ShopTableRow = RowOf<typeof shopTable>;

export const taxTable = table('tax', {
  id: 'integer',
  country: 'text',
  title: 'text',
  ratio: 'integer',
  formula: 'text',
  timemodified: 'integer',
});
export type TaxTableRow = RowOf<typeof taxTable>;

export const catalogTable = table('catalog', {
  id: 'integer',
  name: 'text',
  description: 'text',
  salesconditions: 'text',
  groupid: 'integer',
  countryrestrictions: 'text',
  billfooter: 'text',
  version: 'integer',
  timemodified: 'integer',
});
export type CatalogTableRow = RowOf<typeof catalogTable>;

export const categoryTable = table('category', {
  id: 'integer',
  catalogid: 'integer',
  parentid: 'integer',
  name: 'text',
  description: 'text',
  sortorder: 'integer',
  visible: 'integer',
  seoalias: 'text',
  version: 'integer',
  timemodified: 'integer',
});
export type CategoryTableRow = RowOf<typeof categoryTable>;

export const catalogItemTable = table('catalog_item', {
  id: 'integer',
  catalogid: 'integer',
  categoryid: 'integer',
  code: 'text',
  shortname: 'text',
  name: 'text',
  idnumber: 'text',
  description: 'text',
  notes: 'text',
  eula: 'text',
  prices: 'text',
  taxcode: 'integer',
  stock: 'integer',
  sold: 'integer',
  status: 'text',
  maxdeliveryquant: 'integer',
  onlyforloggedin: 'integer',
  seatmode: 'integer',
  renewable: 'integer',
  type: 'text',
  setid: 'integer',
  requireddata: 'text',
  enablehandler: 'text',
  handlerparams: 'text',
  version: 'integer',
  timemodified: 'integer',
});
export type CatalogItemTableRow = RowOf<typeof catalogItemTable>;

export const customerTable = table('customer', {
  id: 'integer',
  shopid: 'integer',
  firstname: 'text',
  lastname: 'text',
  email: 'text',
  address: 'text',
  zip: 'text',
  city: 'text',
  country: 'text',
  organisation: 'text',
  hasaccount: 'integer',
  invoiceinfo: 'text',
  timecreated: 'integer',
  version: 'integer',
  timemodified: 'integer',
});
export type CustomerTableRow = RowOf<typeof customerTable>;

export const billTable = table('bill', {
  id: 'integer',
  shopid: 'integer',
  idnumber: 'text',
  ordering: 'integer',
  customerid: 'integer',
  userid: 'integer',
  title: 'text',
  worktype: 'text',
  status: 'text',
  remotestatus: 'text',
  emissiondate: 'integer',
  lastactiondate: 'integer',
  assignedto: 'integer',
  timetodo: 'integer',
  currency: 'text',
  untaxedcents: 'integer',
  taxcents: 'integer',
  amountcents: 'integer',
  discountcents: 'integer',
  untaxeddiscountcents: 'integer',
  discounttaxcents: 'integer',
  shippingcents: 'integer',
  paymentfeecents: 'integer',
  paidcents: 'integer',
  paymode: 'text',
  transactionid: 'text',
  onlinetransactionid: 'text',
  ignoretax: 'integer',
  productionfeedback: 'text',
  invoiceinfo: 'text',
  test: 'integer',
  partnerid: 'integer',
  partnertag: 'text',
  version: 'integer',
  timemodified: 'integer',
});
export type BillTableRow = RowOf<typeof billTable>;

export const billItemTable = table('bill_item', {
  id: 'integer',
  billid: 'integer',
  ordering: 'integer',
  type: 'text',
  itemcode: 'text',
  catalogitemid: 'integer',
  abstract: 'text',
  description: 'text',
  delay: 'integer',
  unitcents: 'integer',
  quantity: 'integer',
  totalcents: 'integer',
  taxcode: 'integer',
  taxratio: 'integer',
  taxcents: 'integer',
  bundleid: 'integer',
  customerdata: 'text',
  productiondata: 'text',
});
export type BillItemTableRow = RowOf<typeof billItemTable>;

export const billPaymentTable = table('bill_payment', {
  id: 'integer',
  billid: 'integer',
  amountcents: 'integer',
  paymode: 'text',
  paidon: 'integer',
  reference: 'text',
  timecreated: 'integer',
});
export type BillPaymentTableRow = RowOf<typeof billPaymentTable>;

export const billHistoryTable = table('bill_history', {
  id: 'integer',
  billid: 'integer',
  fromstatus: 'text',
  tostatus: 'text',
  timecreated: 'integer',
  userid: 'integer',
  note: 'text',
});
export type BillHistoryTableRow = RowOf<typeof billHistoryTable>;

export const billCreditNoteTable = table('bill_credit_note', {
  id: 'integer',
  billid: 'integer',
  number: 'text',
  issuedat: 'integer',
  reason: 'text',
  untaxedcents: 'integer',
  taxcents: 'integer',
  amountcents: 'integer',
  refundcents: 'integer',
  refundpaymode: 'text',
  refundedon: 'integer',
  refundreference: 'text',
  userid: 'integer',
});
export type BillCreditNoteTableRow = RowOf<typeof billCreditNoteTable>;

export const billCreditLineTable = table('bill_credit_line', {
  id: 'integer',
  billid: 'integer',
  creditnoteid: 'integer',
  billitemid: 'integer',
  quantity: 'integer',
  totalcents: 'integer',
  taxratio: 'integer',
  taxcents: 'integer',
});
export type BillCreditLineTableRow = RowOf<typeof billCreditLineTable>;

export const productTable = table('product', {
  id: 'integer',
  catalogitemid: 'integer',
  initialbillitemid: 'integer',
  currentbillitemid: 'integer',
  customerid: 'integer',
  contexttype: 'text',
  instanceid: 'integer',
  startdate: 'integer',
  enddate: 'integer',
  reference: 'text',
  productiondata: 'text',
  extradata: 'text',
  deleted: 'integer',
  test: 'integer',
  timemodified: 'integer',
});
export type ProductTableRow = RowOf<typeof productTable>;

export const productEventTable = table('product_event', {
  id: 'integer',
  productid: 'integer',
  billitemid: 'integer',
  eventtype: 'text',
  eventdata: 'text',
  datecreated: 'integer',
  timemodified: 'integer',
});
export type ProductEventTableRow = RowOf<typeof productEventTable>;
