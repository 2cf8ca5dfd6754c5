import { z } from 'zod';
import { BILL_STATUSES } from '../../shared/bills/bill-status';

/**
 * The shop API's records as they cross the wire (docs/shop-api.md). Money is integer cents, rates basis
 * points, times Unix seconds. Parsing a page with these schemas is what lets the cache trust its input.
 */
const int = z.number().int();
const text = z.string();

export const shopRecord = z.object({
  id: int,
  name: text,
  description: text,
  currency: z.string().length(3),
  catalogid: int,
  allowtax: int,
  discountthresholdcents: int,
  discountrate: int,
  discountrate2: int,
  discountrate3: int,
  eula: text,
  paymodes: text,
  defaultpaymode: text,
  defaultcustomersupportcourse: int,
  timemodified: int,
});

export const catalogRecord = z.object({
  id: int,
  name: text,
  description: text,
  salesconditions: text,
  groupid: int,
  countryrestrictions: text,
  billfooter: text,
  version: int,
  timemodified: int,
});

export const categoryRecord = z.object({
  id: int,
  catalogid: int,
  parentid: int,
  name: text,
  description: text,
  sortorder: int,
  visible: int,
  seoalias: text,
  version: int,
  timemodified: int,
});

export const priceTier = z.object({ fromquantity: int, unitcents: int });

export const catalogItemStatus = z.enum(['PREVIEW', 'AVAILABLE', 'AVAILABLEINTERNAL', 'SUSPENDED', 'PROVIDING', 'ABANDONED']);
export const catalogItemType = z.enum(['plain', 'set', 'bundle']);

export const catalogItemRecord = z.object({
  id: int,
  catalogid: int,
  categoryid: int,
  code: text,
  shortname: text,
  name: text,
  idnumber: text,
  description: text,
  notes: text,
  eula: text,
  prices: z.array(priceTier).min(1).max(5),
  taxcode: int,
  stock: int,
  sold: int,
  status: catalogItemStatus,
  maxdeliveryquant: int,
  onlyforloggedin: int,
  seatmode: int,
  renewable: int,
  type: catalogItemType,
  setid: int,
  requireddata: text,
  enablehandler: text,
  handlerparams: text,
  version: int,
  timemodified: int,
});

export const taxRecord = z.object({ id: int, country: text, title: text, ratio: int, formula: text, timemodified: int });

export const customerRecord = z.object({
  id: int,
  shopid: int,
  firstname: text,
  lastname: text,
  email: text,
  address: text,
  zip: text,
  city: text,
  country: text,
  organisation: text,
  hasaccount: int,
  invoiceinfo: text,
  timecreated: int,
  version: int,
  timemodified: int,
});

export const billStatus = z.enum(BILL_STATUSES);

export const billItemRecord = z.object({
  id: int,
  ordering: int,
  type: z.enum(['BILLING', 'MANUAL', 'DISCOUNT', 'SHIPPING']),
  itemcode: text,
  catalogitemid: int,
  abstract: text,
  description: text,
  delay: int,
  unitcents: int,
  quantity: int,
  totalcents: int,
  taxcode: int,
  taxratio: int,
  taxcents: int,
  bundleid: int,
  customerdata: text,
  productiondata: text,
});

export const paymentRecord = z.object({ id: int, amountcents: int, paymode: text, paidon: int, reference: text, timecreated: int });
export const billHistoryRecord = z.object({ id: int, fromstatus: text, tostatus: text, timecreated: int, userid: int, note: text });
/** A credit note issued on the bill and its refund (local_shopbackoffice_record_refund); amounts positive. */
export const creditNoteRecord = z.object({
  id: int,
  number: text,
  issuedat: int,
  reason: text,
  untaxedcents: int,
  taxcents: int,
  amountcents: int,
  refundcents: int,
  refundpaymode: text,
  refundedon: int,
  refundreference: text,
  userid: int,
});
/** What a credit note credits on one line of the bill (of the line's sign). */
export const creditLineRecord = z.object({
  id: int,
  creditnoteid: int,
  billitemid: int,
  quantity: int,
  totalcents: int,
  taxratio: int,
  taxcents: int,
});

export const billRecord = z.object({
  id: int,
  shopid: int,
  idnumber: text,
  ordering: int,
  customerid: int,
  userid: int,
  title: text,
  worktype: text,
  status: billStatus,
  remotestatus: text,
  emissiondate: int,
  lastactiondate: int,
  assignedto: int,
  timetodo: int,
  currency: z.string().length(3),
  untaxedcents: int,
  taxcents: int,
  amountcents: int,
  discountcents: int,
  untaxeddiscountcents: int,
  discounttaxcents: int,
  shippingcents: int,
  paymentfeecents: int,
  paidcents: int,
  paymode: text,
  transactionid: text,
  onlinetransactionid: text,
  ignoretax: int,
  productionfeedback: text,
  invoiceinfo: text,
  test: int,
  partnerid: int,
  partnertag: text,
  version: int,
  timemodified: int,
  items: z.array(billItemRecord),
  payments: z.array(paymentRecord),
  history: z.array(billHistoryRecord),
  // A plugin older than credit notes answers without them.
  creditnotes: z.array(creditNoteRecord).default([]),
  creditlines: z.array(creditLineRecord).default([]),
});

export const productRecord = z.object({
  id: int,
  catalogitemid: int,
  initialbillitemid: int,
  currentbillitemid: int,
  customerid: int,
  contexttype: text,
  instanceid: int,
  startdate: int,
  enddate: int,
  reference: text,
  productiondata: text,
  extradata: text,
  deleted: int,
  test: int,
  timemodified: int,
});

export const productEventRecord = z.object({
  id: int,
  productid: int,
  billitemid: int,
  eventtype: text,
  eventdata: text,
  datecreated: int,
  timemodified: int,
});

export type ShopRecord = z.infer<typeof shopRecord>;
export type CatalogRecord = z.infer<typeof catalogRecord>;
export type CategoryRecord = z.infer<typeof categoryRecord>;
export type CatalogItemRecord = z.infer<typeof catalogItemRecord>;
export type TaxRecord = z.infer<typeof taxRecord>;
export type CustomerRecord = z.infer<typeof customerRecord>;
export type BillRecord = z.infer<typeof billRecord>;
export type BillItemRecord = z.infer<typeof billItemRecord>;
export type CreditNoteRecord = z.infer<typeof creditNoteRecord>;
export type CreditLineRecord = z.infer<typeof creditLineRecord>;
export type ProductRecord = z.infer<typeof productRecord>;
export type ProductEventRecord = z.infer<typeof productEventRecord>;
