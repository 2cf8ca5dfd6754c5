import { multiple, single, value, type Keys, type ValidatedKeys } from '../../external/description';
import { PARAM_ALPHA, PARAM_INT, PARAM_RAW, PARAM_TEXT } from '../../external/param-types';

/**
 * The records of docs/shop-api.md as external_single_structure descriptions: what the plugin's exporters
 * would declare. They shape every answer (keys in this order, nothing else) and name the columns the shop
 * tables are read with, so a field is listed once. HTML and JSON fields are PARAM_RAW (PARAM_TEXT strips
 * tags); everything else is PARAM_TEXT or PARAM_INT, and money is PARAM_INT cents.
 */
const int = (desc: string) => value(PARAM_INT, desc);
const text = (desc: string) => value(PARAM_TEXT, desc);
const raw = (desc: string) => value(PARAM_RAW, desc);

export const shopKeys = {
  id: int('Shop id'),
  name: text('Shop name'),
  description: raw('Shop description (HTML)'),
  currency: value(PARAM_ALPHA, 'ISO 4217 currency code'),
  catalogid: int('The shop catalog'),
  allowtax: int('1 when the shop applies taxes'),
  discountthresholdcents: int('Amount above which discounts apply, in cents'),
  discountrate: int('First discount rate, basis points'),
  discountrate2: int('Second discount rate, basis points'),
  discountrate3: int('Third discount rate, basis points'),
  eula: raw('Shop terms (HTML)'),
  paymodes: text('Enabled pay modes, comma separated'),
  defaultpaymode: text('Default pay mode'),
  defaultcustomersupportcourse: int('Customer support course id'),
  timemodified: int('Last modification time'),
} satisfies Keys;

export const taxKeys = {
  id: int('Tax id'),
  country: text('Country code'),
  title: text('Tax title'),
  ratio: int('Rate, basis points'),
  formula: text('Formula'),
  timemodified: int('Last modification time'),
} satisfies Keys;

export const catalogKeys = {
  id: int('Catalog id'),
  name: text('Catalog name'),
  description: raw('Description (HTML)'),
  salesconditions: raw('Sales conditions (HTML)'),
  groupid: int('0 standalone, own id master, another catalog id slave of that master'),
  countryrestrictions: text('Country restrictions'),
  billfooter: raw('Bill footer (HTML)'),
  version: int('Version'),
  timemodified: int('Last modification time'),
} satisfies Keys;

export const categoryKeys = {
  id: int('Category id'),
  catalogid: int('Catalog id'),
  parentid: int('Parent category id, 0 at the root'),
  name: text('Category name'),
  description: raw('Description (HTML)'),
  sortorder: int('Sort order'),
  visible: int('Visible'),
  seoalias: text('SEO alias'),
  version: int('Version'),
  timemodified: int('Last modification time'),
} satisfies Keys;

export const priceTierKeys = {
  fromquantity: int('The tier applies from this quantity'),
  unitcents: int('Untaxed unit price in cents'),
} satisfies Keys;

export const catalogItemKeys = {
  id: int('Item id'),
  catalogid: int('Catalog id'),
  categoryid: int('Category id'),
  code: text('Item code'),
  shortname: text('Short name'),
  name: text('Name'),
  idnumber: text('ID number'),
  description: raw('Description (HTML)'),
  notes: raw('Notes (HTML)'),
  eula: raw('Item terms (HTML)'),
  prices: multiple(single(priceTierKeys), 'Price tiers'),
  taxcode: int('Tax id'),
  stock: int('Stock'),
  sold: int('Sold'),
  status: text('PREVIEW, AVAILABLE, AVAILABLEINTERNAL, SUSPENDED, PROVIDING or ABANDONED'),
  maxdeliveryquant: int('Maximum quantity per order'),
  onlyforloggedin: int('Only for logged in users'),
  seatmode: int('Quantity means seats with named participants'),
  renewable: int('Renewable'),
  type: text('plain, set or bundle'),
  setid: int('The set or bundle the item belongs to, 0 if none'),
  requireddata: raw('Required data descriptions (JSON)'),
  enablehandler: text('Product handler, empty for none'),
  handlerparams: raw('Handler parameters, k1=v1&k2=v2 as local_shop reads them, nothing encoded'),
  version: int('Version'),
  timemodified: int('Last modification time'),
} satisfies Keys;

export const customerKeys = {
  id: int('Customer id'),
  shopid: int('Shop id'),
  firstname: text('First name'),
  lastname: text('Last name'),
  email: text('Email'),
  address: text('Address'),
  zip: text('Zip code'),
  city: text('City'),
  country: text('Country code'),
  organisation: text('Organisation'),
  hasaccount: int('Moodle user id, 0 if none'),
  invoiceinfo: raw('Invoicing identity (JSON)'),
  timecreated: int('Creation time'),
  version: int('Version'),
  timemodified: int('Last modification time'),
} satisfies Keys;

export const billItemKeys = {
  id: int('Bill item id'),
  ordering: int('Line order'),
  type: text('BILLING, MANUAL, DISCOUNT or SHIPPING'),
  itemcode: text('Catalog item code'),
  catalogitemid: int('Catalog item id'),
  abstract: text('Abstract'),
  description: raw('Description (HTML)'),
  delay: int('Delay'),
  unitcents: int('Untaxed unit price in cents'),
  quantity: int('Quantity'),
  totalcents: int('Untaxed line total in cents'),
  taxcode: int('Tax id'),
  taxratio: int('Tax rate at billing time, basis points'),
  taxcents: int('Tax of the line in cents'),
  bundleid: int('Bundle id'),
  customerdata: raw('Customer data (JSON)'),
  productiondata: raw('Production data'),
} satisfies Keys;

export const paymentKeys = {
  id: int('Payment id'),
  amountcents: int('Amount in cents'),
  paymode: text('Pay mode'),
  paidon: int('Payment date'),
  reference: text('Check number or transfer reference'),
  timecreated: int('Recording time'),
} satisfies Keys;

export const historyKeys = {
  id: int('History id'),
  fromstatus: text('Status before'),
  tostatus: text('Status after'),
  timecreated: int('Time of the change'),
  userid: int('Who made the change (0: the shop itself)'),
  note: text('Note'),
} satisfies Keys;

export const creditNoteKeys = {
  id: int('Credit note id'),
  number: text('Credit note number, AV-<year>-<sequence>'),
  issuedat: int('Issue time'),
  reason: text('Why it was issued'),
  untaxedcents: int('Untaxed amount credited in cents'),
  taxcents: int('Tax credited in cents'),
  amountcents: int('Amount credited in cents'),
  refundcents: int('Amount refunded in cents'),
  refundpaymode: text('How it was refunded'),
  refundedon: int('Refund date'),
  refundreference: text('Refund reference'),
  userid: int('Who issued it'),
} satisfies Keys;

export const creditLineKeys = {
  id: int('Credit line id'),
  creditnoteid: int('Credit note id'),
  billitemid: int('Bill line credited'),
  quantity: int('Quantity credited'),
  totalcents: int('Untaxed amount credited on the line in cents'),
  taxratio: int('Tax rate of the line, basis points'),
  taxcents: int('Tax credited on the line in cents'),
} satisfies Keys;

/** The bill's own columns; the nested lists are read from their tables (see bills.ts). */
export const billColumnKeys = {
  id: int('Bill id'),
  shopid: int('Shop id'),
  idnumber: text('Lettering (invoice number), empty when none'),
  ordering: int('Ordering'),
  customerid: int('Customer id'),
  userid: int('Moodle user id'),
  title: text('Title'),
  worktype: text('Work type'),
  status: text('Status'),
  remotestatus: text('Remote status'),
  emissiondate: int('Emission date'),
  lastactiondate: int('Last action date'),
  assignedto: int('Assigned to'),
  timetodo: int('Time to do'),
  currency: value(PARAM_ALPHA, 'Currency'),
  untaxedcents: int('Untaxed amount in cents'),
  taxcents: int('Taxes in cents'),
  amountcents: int('Amount in cents'),
  discountcents: int('Discount in cents'),
  untaxeddiscountcents: int('Untaxed discount in cents'),
  discounttaxcents: int('Discount taxes in cents'),
  shippingcents: int('Shipping in cents'),
  paymentfeecents: int('Payment fee in cents'),
  paidcents: int('Paid in cents'),
  paymode: text('Pay mode'),
  transactionid: text('Transaction id'),
  onlinetransactionid: text('Online transaction id'),
  ignoretax: int('Ignore tax'),
  productionfeedback: raw('Production feedback'),
  invoiceinfo: raw('Invoicing identity (JSON)'),
  test: int('Test bill'),
  partnerid: int('Partner id'),
  partnertag: text('Partner tag'),
  version: int('Version'),
  timemodified: int('Last modification time'),
} satisfies Keys;

export const billKeys = {
  ...billColumnKeys,
  items: multiple(single(billItemKeys), 'Bill lines'),
  payments: multiple(single(paymentKeys), 'Payments'),
  history: multiple(single(historyKeys), 'Status history'),
  creditnotes: multiple(single(creditNoteKeys), 'Credit notes'),
  creditlines: multiple(single(creditLineKeys), 'Credit note lines'),
} satisfies Keys;

export const productKeys = {
  id: int('Product id'),
  catalogitemid: int('Catalog item id'),
  initialbillitemid: int('Bill item that created the product'),
  currentbillitemid: int('Bill item that last changed it'),
  customerid: int('Customer id'),
  contexttype: text('Context type'),
  instanceid: int('Instance id'),
  startdate: int('Start date'),
  enddate: int('End date, 0 for none'),
  reference: text('Reference WWWW-XXXX-YYYY-ZZCC'),
  productiondata: raw('Production data'),
  extradata: raw('Extra data'),
  deleted: int('Deleted'),
  test: int('Test'),
  timemodified: int('Last modification time'),
} satisfies Keys;

export const productEventKeys = {
  id: int('Event id'),
  productid: int('Product id'),
  billitemid: int('Bill item id'),
  eventtype: text('Event type'),
  eventdata: raw('Event data'),
  datecreated: int('Creation date'),
  timemodified: int('Modification time (= datecreated)'),
} satisfies Keys;

/** The columns a record is read with: its keys, except the nested lists. */
export function columnsOf(keys: Keys): string[] {
  return Object.entries(keys)
    .filter(([, description]) => description.kind === 'value')
    .map(([key]) => key);
}

/**
 * The records as the plugin answers them, typed from the structures above (what structures.php declares),
 * not from the back-office's zod schemas in main/shop-api/records.ts: a field misnamed or mistyped on one side
 * shows in the test that parses the simulator's records with the back-office's schemas (wire-agreement.test.ts)
 * instead of being made on both. PARAM_TEXT is a string here, as on the wire: statuses are not narrowed.
 */
export type ShopRecord = ValidatedKeys<typeof shopKeys>;
export type TaxRecord = ValidatedKeys<typeof taxKeys>;
export type CatalogRecord = ValidatedKeys<typeof catalogKeys>;
export type CategoryRecord = ValidatedKeys<typeof categoryKeys>;
export type CatalogItemRecord = ValidatedKeys<typeof catalogItemKeys>;
export type CustomerRecord = ValidatedKeys<typeof customerKeys>;
export type BillItemRecord = ValidatedKeys<typeof billItemKeys>;
export type BillRecord = ValidatedKeys<typeof billKeys>;
export type ProductRecord = ValidatedKeys<typeof productKeys>;
export type ProductEventRecord = ValidatedKeys<typeof productEventKeys>;
